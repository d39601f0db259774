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
        "breakers":{"qad":{"state":"OPEN","service":"writer-service",
          "since":"2026-11-30T08:00:03Z","lastFailure":"HTTP 503 from GET /browses",
          "openUntil":"2026-11-30T08:00:33Z","services":{"qad-poller":"CLOSED",
          "writer-service":"OPEN"}},
          "servicenow":{"state":"CLOSED","service":"servicenow-poller",
          "since":"2026-11-30T07:00:00Z","lastFailure":null,"openUntil":null,
          "services":{"servicenow-poller":"CLOSED"}}},
        "stages":[],"lastError":{"tenant":"acme","at":"2026-11-30T08:00:02Z","service":"writer",
          "stage":"FAILED","entity":"supplier","externalId":"S-9","error":"QAD answered 503"}},
       {"tenant":"beta","displayName":"Beta","enabled":true,"health":"NOT_POLLED","entities":[],
        "behind":{},"lagCapped":false,"lagError":"Kafka not reachable: TimeoutException",
        "parked":0,"invoices":{},"breakers":{},"stages":[],"lastError":null}]
      """;

  @Test
  void printsEachTenantsEntitiesBacklogParkedInvoicesBreakersAndLastError() throws Exception {
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
        .contains(
            "breaker qad         OPEN (writer-service since 2026-11-30T08:00:03Z, open until"
                + " 2026-11-30T08:00:33Z): HTTP 503 from GET /browses")
        .contains("breaker servicenow  CLOSED (servicenow-poller since 2026-11-30T07:00:00Z)")
        .contains("breakers  none published yet")
        .contains("last error  2026-11-30T08:00:02Z writer FAILED supplier S-9: QAD answered 503")
        .contains("tenant beta (Beta)  NOT_POLLED")
        .contains("(not polled yet)")
        .contains("records behind  unknown: Kafka not reachable: TimeoutException");
  }
}
