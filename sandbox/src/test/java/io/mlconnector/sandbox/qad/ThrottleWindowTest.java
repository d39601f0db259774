package io.mlconnector.sandbox.qad;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A 429 closes the tenant for every client, not only the one answered: the simulator counts, per
 * User-Agent, the calls that arrive for the tenant before its Retry-After has passed.
 */
class ThrottleWindowTest {
  private QadSimulator qad;
  private QadTenant tenant;
  private QadTestClient writer;
  private QadTestClient poller;

  @BeforeEach
  void start() {
    qad = QadSimulator.start(0);
    tenant = qad.addTenant("acme");
    QadFixtures.masterData(tenant);
    qad.addTenant("other");
    writer = new QadTestClient(qad, tenant.config()).login();
    writer.userAgent = "writer-service";
    poller = new QadTestClient(qad, tenant.config()).login();
    poller.userAgent = "qad-poller";
  }

  @AfterEach
  void stop() {
    qad.close();
  }

  @Test
  void anotherClientCallingTheThrottledTenantIsCountedAsThatClient() {
    tenant.faults().setThrottleRequests(1).setRetryAfterSeconds(30);
    assertThat(writer.browse("urn:browse:mfg:vd_mstr", 1, 10, List.of()).status()).isEqualTo(429);
    assertThat(poller.browse("urn:browse:mfg:pod_det", 1, 10, List.of()).status()).isEqualTo(200);
    assertThat(poller.browse("urn:browse:mfg:pod_det", 1, 10, List.of()).status()).isEqualTo(200);

    assertThat(qad.throttleViolationsByClient()).isEqualTo(Map.of("qad-poller", 2L));
    assertThat(qad.throttleViolationCalls())
        .first()
        .asString()
        .startsWith("qad-poller GET /qad/acme/clouderp/api/qracore/browses");
  }

  @Test
  void otherTenantsAndCallsAfterTheWindowAreNoViolation() throws InterruptedException {
    tenant.faults().setThrottleRequests(1).setRetryAfterSeconds(1);
    assertThat(writer.browse("urn:browse:mfg:vd_mstr", 1, 10, List.of()).status()).isEqualTo(429);
    QadTestClient otherTenant = new QadTestClient(qad, qad.tenant("other").config()).login();
    otherTenant.userAgent = "qad-poller";
    assertThat(otherTenant.browse("urn:browse:mfg:vd_mstr", 1, 10, List.of()).status())
        .isEqualTo(200);
    Thread.sleep(1000);
    assertThat(poller.browse("urn:browse:mfg:pod_det", 1, 10, List.of()).status()).isEqualTo(200);

    assertThat(qad.throttleViolationsByClient()).isEmpty();
  }
}
