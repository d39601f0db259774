package io.mlconnector.sandbox.qad;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Per-endpoint call counters: counted on arrival, readable and resettable over admin HTTP. */
class QadCallCountersTest {
  private QadSimulator qad;
  private QadTenant tenant;
  private QadTestClient client;

  @BeforeEach
  void start() {
    qad = QadSimulator.start(0);
    tenant = qad.addTenant("acme");
    QadFixtures.masterData(tenant);
    client = new QadTestClient(qad, tenant.config()).login();
  }

  @AfterEach
  void stop() {
    qad.close();
  }

  @Test
  void countsEachEndpointAndEachBrowseIncludingFaultedCalls() {
    client.browse("urn:browse:mfg:vd_mstr", 1, 10, List.of());
    client.browse("urn:browse:mfg:vd_mstr", 2, 10, List.of());
    client.browse("urn:browse:fin:cc_mstr", 1, 10, List.of());
    tenant.faults().setThrottleRequests(1);
    client.get("/api/erp/supplierInvoices", "supplier", "S100");

    assertThat(tenant.counters().get("POST /oauth/token")).isEqualTo(1);
    assertThat(tenant.counters().get("GET /api/qracore/browses")).isEqualTo(3);
    assertThat(tenant.counters().get("browse urn:browse:mfg:vd_mstr")).isEqualTo(2);
    assertThat(tenant.counters().get("browse urn:browse:fin:cc_mstr")).isEqualTo(1);
    assertThat(tenant.counters().get("GET /api/erp/supplierInvoices")).isEqualTo(1);

    JsonNode counters = client.admin("GET", "/counters", null).json().get("counters");
    assertThat(counters.get("GET /api/qracore/browses").asLong()).isEqualTo(3);
    assertThat(counters.get("POST /oauth/token").asLong()).isEqualTo(1);
  }

  @Test
  void resetStartsFromZero() {
    client.browse("urn:browse:mfg:vd_mstr", 1, 10, List.of());
    assertThat(client.admin("DELETE", "/counters", null).status()).isEqualTo(204);
    assertThat(tenant.counters().snapshot()).isEmpty();
    client.browse("urn:browse:mfg:vd_mstr", 1, 10, List.of());
    assertThat(tenant.counters().get("GET /api/qracore/browses")).isEqualTo(1);
  }
}
