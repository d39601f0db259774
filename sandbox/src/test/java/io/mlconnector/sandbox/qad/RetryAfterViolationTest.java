package io.mlconnector.sandbox.qad;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator counts a client that calls again before the Retry-After of its 429. */
class RetryAfterViolationTest {
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
  void anImmediateRetryOnTheSameConnectionIsAViolation() {
    tenant.faults().setThrottleRequests(1).setRetryAfterSeconds(30);
    assertThat(client.browse("urn:browse:mfg:vd_mstr", 1, 10, List.of()).status()).isEqualTo(429);
    assertThat(qad.retryAfterViolations()).isZero();
    assertThat(client.browse("urn:browse:mfg:vd_mstr", 1, 10, List.of()).status()).isEqualTo(200);
    assertThat(qad.retryAfterViolations()).isEqualTo(1);
    assertThat(qad.retryAfterViolationCalls())
        .singleElement()
        .asString()
        .startsWith("GET /qad/acme/clouderp/api/qracore/browses");
  }

  @Test
  void anotherCallOfTheSameClientIsNoRetry() {
    tenant.faults().setThrottleRequests(1).setRetryAfterSeconds(30);
    assertThat(client.browse("urn:browse:mfg:vd_mstr", 1, 10, List.of()).status()).isEqualTo(429);
    assertThat(client.browse("urn:browse:mfg:pod_det", 1, 10, List.of()).status()).isEqualTo(200);
    assertThat(qad.retryAfterViolations()).isZero();
  }

  @Test
  void waitingOutRetryAfterIsNoViolation() throws InterruptedException {
    tenant.faults().setThrottleRequests(1).setRetryAfterSeconds(1);
    assertThat(client.browse("urn:browse:mfg:vd_mstr", 1, 10, List.of()).status()).isEqualTo(429);
    Thread.sleep(1000);
    assertThat(client.browse("urn:browse:mfg:vd_mstr", 1, 10, List.of()).status()).isEqualTo(200);
    assertThat(qad.retryAfterViolations()).isZero();
  }
}
