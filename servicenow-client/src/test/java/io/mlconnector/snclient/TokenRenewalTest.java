package io.mlconnector.snclient;

import static io.mlconnector.snclient.SimulatedTenants.SUPPLIERS;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.sandbox.servicenow.ServiceNowInstance;
import io.mlconnector.snclient.query.TableQuery;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Token requests the sandbox counts: per token lifetime, not per call, and ahead of expiry. */
@QuarkusTest
class TokenRenewalTest extends SimulatorTest {
  private ServiceNowInstance instance(String name, Duration tokenLifetime) {
    return sim.addInstance(name)
        .addUser("svc.integration", "pw", "sn_fcms_intg.integration_user")
        .addOAuthClient("mlc", "secret", "svc.integration", tokenLifetime)
        .enableClientCredentialsGrant();
  }

  @Test
  void aTokenShorterThanTheRefreshSkewIsStillReusedAcrossCalls() {
    String name = SimulatedTenants.uniqueId();
    ServiceNowInstance sn = instance(name, Duration.ofSeconds(20));
    ServiceNowClient client = client(name, false);

    for (int i = 0; i < 20; i++) {
      client.query(TableQuery.of(SUPPLIERS));
    }

    // 20 s tokens (below the 30 s skew) must not cost one token request per call.
    assertThat(sn.counters().count("GET", "table/" + SUPPLIERS)).isEqualTo(20);
    assertThat(sn.counters().count("POST", "oauth_token.do")).isEqualTo(1);
  }

  @Test
  void aTokenIsRenewedBeforeItExpiresNotOnlyAfterA401() throws InterruptedException {
    String name = SimulatedTenants.uniqueId();
    ServiceNowInstance sn = instance(name, Duration.ofSeconds(8));
    ServiceNowClient client = client(name, false);
    client.query(TableQuery.of(SUPPLIERS));

    // Past half of its life but well before expiry: the next call renews it first.
    Thread.sleep(5_000);
    client.query(TableQuery.of(SUPPLIERS));

    assertThat(sn.counters().count("POST", "oauth_token.do")).isEqualTo(2);
    assertThat(sn.counters().count("GET", "table/" + SUPPLIERS)).isEqualTo(2);
  }
}
