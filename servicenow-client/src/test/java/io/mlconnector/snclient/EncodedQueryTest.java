package io.mlconnector.snclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.snclient.http.InstancePaths;
import io.mlconnector.snclient.query.EncodedQuery;
import io.mlconnector.snclient.query.UnsafeQueryValueException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EncodedQueryTest {

  @Test
  void buildsKeysetQueriesFromCheckedParts() {
    String q =
        EncodedQuery.builder()
            .gt("sys_updated_on", "2024-05-01 10:00:00")
            .newQuery()
            .eq("sys_updated_on", "2024-05-01 10:00:00")
            .gt("sys_id", "abc")
            .orderBy("sys_updated_on")
            .orderBy("sys_id")
            .build()
            .text();

    assertThat(q)
        .isEqualTo(
            "sys_updated_on>2024-05-01 10:00:00^NQsys_updated_on=2024-05-01 10:00:00"
                + "^sys_id>abc^ORDERBYsys_updated_on^ORDERBYsys_id");
    assertThat(EncodedQuery.builder().eq("a", "1").or().eq("b", "2").build().text())
        .isEqualTo("a=1^ORb=2");
  }

  @Test
  void refusesValuesThatWouldChangeTheQuery() {
    assertThatThrownBy(() -> EncodedQuery.builder().eq("u_name", "x^ORactive=true"))
        .isInstanceOf(UnsafeQueryValueException.class)
        .hasMessageContaining("'^'");
    assertThatThrownBy(() -> EncodedQuery.builder().eq("u_name", "x\nactive=true"))
        .isInstanceOf(UnsafeQueryValueException.class)
        .hasMessageContaining("line break");
    assertThatThrownBy(() -> EncodedQuery.builder().in("u_external_id", List.of("A", "B,C")))
        .isInstanceOf(UnsafeQueryValueException.class)
        .hasMessageContaining("IN list");
    assertThatThrownBy(() -> EncodedQuery.builder().in("u_external_id", List.of()))
        .isInstanceOf(UnsafeQueryValueException.class);
    assertThatThrownBy(() -> EncodedQuery.builder().eq("u_name=x^active", "1"))
        .isInstanceOf(UnsafeQueryValueException.class)
        .hasMessageContaining("column name");
  }

  @Test
  void pathsStayUnderTheInstance() {
    InstancePaths paths = new InstancePaths(URI.create("https://acme.service-now.com"));

    assertThat(paths.table("sn_fcms_intg_imp_supplier", Map.of("sysparm_query", "a=b^c=d")))
        .hasToString(
            "https://acme.service-now.com/api/now/table/sn_fcms_intg_imp_supplier"
                + "?sysparm_query=a%3Db%5Ec%3Dd");
    assertThatThrownBy(() -> paths.table("../../evil", Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> paths.record("sn_fcms_intg_imp_supplier", "../x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> paths.checkUnder(URI.create("https://acme.service-now.com.evil.io/api/now")))
        .hasMessageContaining("leaves the tenant's instance");
    assertThatThrownBy(
            () -> paths.checkUnder(URI.create("https://acme.service-now.com/api/../../etc")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
