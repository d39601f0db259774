package io.mlconnector.stack.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** ./mlc status prints, per tenant and entity, what the console's GET /status answered. */
class TenantStatusReportTest {
  private static final String STATUS =
      """
      [{"tenant":"acme","displayName":"ACME","enabled":true,"health":"ATTENTION",
        "entities":[{"tenant":"acme","system":"qad","entity":"supplier",
          "lastPoll":"2026-11-30T08:00:01Z","cursorModified":"2026-11-30T07:59:00Z",
          "cursorKey":"S-100"}],
        "behind":{"mlc-mapper":{"qad.supplier.changed":3}},"lagCapped":false,"lagError":null,
        "parked":2,"invoices":{"AWAITING_RECEIPT":1,"POSTED":5},
        "stages":[],"lastError":{"tenant":"acme","at":"2026-11-30T08:00:02Z","service":"writer",
          "stage":"FAILED","entity":"supplier","externalId":"S-9","error":"QAD answered 503"}},
       {"tenant":"beta","displayName":"Beta","enabled":true,"health":"NOT_POLLED","entities":[],
        "behind":{},"lagCapped":false,"lagError":"Kafka not reachable: TimeoutException",
        "parked":0,"invoices":{},"stages":[],"lastError":null}]
      """;

  @Test
  void printsEachTenantsEntitiesBacklogParkedInvoicesAndLastError() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    TenantStatusReport.print(
        new ObjectMapper().readTree(STATUS), new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String text = bytes.toString(StandardCharsets.UTF_8);

    assertThat(text)
        .contains(
            "tenant acme (ACME)  ATTENTION  parked 2  invoices: awaiting receipt 1, posted 5,"
                + " failed 0, rejected 0")
        .containsPattern("qad +supplier +2026-11-30T08:00:01Z +2026-11-30T07:59:00Z / S-100")
        .contains("records behind  mlc-mapper qad.supplier.changed 3")
        .contains("last error  2026-11-30T08:00:02Z writer FAILED supplier S-9: QAD answered 503")
        .contains("tenant beta (Beta)  NOT_POLLED")
        .contains("(not polled yet)")
        .contains("records behind  unknown: Kafka not reachable: TimeoutException");
  }
}
