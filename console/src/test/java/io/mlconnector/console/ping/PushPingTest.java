package io.mlconnector.console.ping;

import static io.mlconnector.console.ConsoleApi.authorized;
import static io.mlconnector.console.ConsoleApi.uniqueId;
import static io.mlconnector.console.ping.PingSandbox.check;
import static io.mlconnector.console.ping.PingSandbox.ping;
import static io.mlconnector.console.ping.PingSandbox.provision;
import static io.mlconnector.console.ping.PingSandbox.register;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.console.ping.PingSandbox.Credentials;
import io.mlconnector.stack.StackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The onboarding ping says whether push is configured; push being optional, neither blocks. */
@QuarkusTest
@QuarkusTestResource(StackResource.class)
class PushPingTest {

  @Test
  void pingReportsWhetherPushIsConfigured() {
    Credentials c = provision(uniqueId("ping-push"));
    register(c);

    var without = ping(c.id());
    assertThat(String.valueOf(check(without, "servicenow.push")))
        .contains("PASSED", "push not configured", "/push-secret");
    assertThat(without.getBoolean("ready")).isTrue();

    authorized().post("/tenants/{id}/push-secret", c.id()).then().statusCode(201);
    var with = ping(c.id());

    assertThat(String.valueOf(check(with, "servicenow.push")))
        .contains("PASSED", "push configured", "/notify/" + c.id());
    assertThat(with.getBoolean("ready")).isTrue();
  }
}
