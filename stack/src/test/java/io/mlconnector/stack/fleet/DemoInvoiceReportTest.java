package io.mlconnector.stack.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo's invoice summary counts each thing that happened once. */
class DemoInvoiceReportTest {
  /** The writer's ledger after the demo: the duplicate reference resolved to the same voucher. */
  private static final String LEDGER =
      """
      [{"sysId":"a1","invoiceNumber":"INV-acme-1","status":"POSTED","voucher":"V0000001",
        "qadStatus":"Matched","clearedFirstTime":true},
       {"sysId":"a2","invoiceNumber":"INV-acme-2","status":"POSTED","voucher":"V0000002",
        "qadStatus":"Matched","clearedFirstTime":true},
       {"sysId":"a3","invoiceNumber":"INV-acme-3","status":"REJECTED",
        "reason":"cost center CC-SN-ONLY is not in QAD"},
       {"sysId":"a4","invoiceNumber":"INV-acme-1","status":"POSTED","voucher":"V0000001",
        "qadStatus":"Matched","clearedFirstTime":true}]
      """;

  @Test
  void eachVoucherIsListedOnceAndTheDuplicateIsCountedAsRefused() throws Exception {
    JsonNode ledger = new ObjectMapper().readTree(LEDGER);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DemoInvoiceReport.print(
        "acme", ledger, List.of("INV-acme-2"), 2, new PrintStream(bytes, true, UTF8));
    String text = bytes.toString(UTF8);

    assertThat(text.split("V0000001", -1)).as(text).hasSize(2);
    assertThat(text).containsPattern("approved in ServiceNow +4");
    assertThat(text).containsPattern("posted into QAD +2");
    assertThat(text).containsPattern("held for receipt first +1 +INV-acme-2");
    assertThat(text).containsPattern("parked +1");
    assertThat(text).containsPattern("duplicates refused +1 +INV-acme-1");
    assertThat(text).containsPattern("supplier invoices in QAD +2");
    assertThat(DemoInvoiceReport.summary(ledger).duplicates()).containsExactly("INV-acme-1");
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;
}
