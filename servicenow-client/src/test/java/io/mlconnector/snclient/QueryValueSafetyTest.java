package io.mlconnector.snclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.snclient.query.EncodedQuery;
import io.mlconnector.snclient.query.UnsafeQueryValueException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Values ServiceNow would not read as plain data never reach an encoded query. */
class QueryValueSafetyTest {
  private static final String SYS_ID = "0123456789abcdef0123456789abcdef";

  @Test
  void javascriptValuesAreRefusedInAnyCaseAndAfterBlanks() {
    for (String v :
        List.of(
            "javascript:gs.getUserID()",
            "JavaScript:gs.getUserID()",
            "   javascript:new GlideRecord('sys_user')",
            "\u00a0JAVASCRIPT:1")) {
      assertThatThrownBy(() -> EncodedQuery.builder().eq("u_external_id", v))
          .as(v)
          .isInstanceOf(UnsafeQueryValueException.class)
          .hasMessageContaining("server-side script");
      assertThatThrownBy(() -> EncodedQuery.builder().in("u_external_id", List.of("A1", v)))
          .as(v)
          .isInstanceOf(UnsafeQueryValueException.class);
    }
    // Only the prefix is a script: the word elsewhere is data.
    assertThat(EncodedQuery.builder().eq("u_name", "about javascript: a book").build().text())
        .isEqualTo("u_name=about javascript: a book");
  }

  @Test
  void blankValuesAndEmptyInListEntriesAreRefused() {
    assertThatThrownBy(() -> EncodedQuery.builder().eq("u_external_id", ""))
        .isInstanceOf(UnsafeQueryValueException.class)
        .hasMessageContaining("blank");
    assertThatThrownBy(() -> EncodedQuery.builder().eq("u_external_id", "   "))
        .isInstanceOf(UnsafeQueryValueException.class);
    assertThatThrownBy(() -> EncodedQuery.builder().in("u_external_id", List.of("A", "", "B")))
        .isInstanceOf(UnsafeQueryValueException.class)
        .hasMessageContaining("blank");
    assertThatThrownBy(() -> EncodedQuery.builder().in("u_external_id", List.of("A", " ")))
        .isInstanceOf(UnsafeQueryValueException.class);
  }

  @Test
  void controlCharactersAreRefusedAndNeverEchoedRaw() {
    for (String v : List.of("A\u0000B", "A\tB", "A\u001bB", "A\u007fB", "A\u0085B")) {
      assertThatThrownBy(() -> EncodedQuery.builder().eq("u_name", v))
          .as(v)
          .isInstanceOf(UnsafeQueryValueException.class)
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain(v));
    }
  }

  @Test
  void sysIdsMustBe32LowerCaseHexDigits() {
    assertThat(EncodedQuery.builder().gtSysId("sys_id", SYS_ID).build().text())
        .isEqualTo("sys_id>" + SYS_ID);
    assertThat(EncodedQuery.builder().inSysIds("invoice", List.of(SYS_ID, SYS_ID)).build().text())
        .isEqualTo("invoiceIN" + SYS_ID + "," + SYS_ID);
    for (String bad :
        List.of(
            SYS_ID.toUpperCase(),
            SYS_ID.substring(1),
            SYS_ID + "0",
            "javascript:gs.getUserID()",
            "0123456789abcdef0123456789abcdeg")) {
      assertThatThrownBy(() -> EncodedQuery.builder().gtSysId("sys_id", bad))
          .as(bad)
          .isInstanceOf(UnsafeQueryValueException.class)
          .hasMessageContaining("32 lower-case hex");
      assertThatThrownBy(() -> EncodedQuery.builder().inSysIds("invoice", List.of(SYS_ID, bad)))
          .isInstanceOf(UnsafeQueryValueException.class);
    }
  }
}
