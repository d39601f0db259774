package io.mlconnector.qadclient;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.common.event.EntityType;
import io.mlconnector.qadclient.browse.BrowseQuery;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A 404 with a plain-text body (a wrong tenant URL, a proxy's error page) is reported as "not
 * found", pointing at the URL, not as a corrupt JSON answer.
 */
@QuarkusTest
class QadNotFoundTest {
  private final SandboxQad sandbox = new SandboxQad("notfound", Duration.ofHours(1));

  @AfterEach
  void close() {
    sandbox.close();
  }

  @Test
  void aWrongTenantUrlIsANotFoundNamingTheUrlNotInvalidJson() {
    URI wrong = URI.create(sandbox.tenant.qad().baseUrl() + "/not-here");
    QadClient client =
        sandbox.client(
            SandboxQad.tenant(sandbox.tenant.id(), wrong, "sandbox-notfound"),
            SandboxQad.settings());

    assertThatThrownBy(() -> client.browse(EntityType.SUPPLIER, BrowseQuery.all(1, 5)))
        .isInstanceOf(QadAuthException.class)
        .hasMessageContaining("HTTP 404")
        .hasMessageContaining("not found")
        .hasMessageNotContaining("JSON")
        .hasMessageNotContaining("corrupt");
  }
}
