package io.mlconnector.qadclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.qadclient.http.TenantUrl;
import java.net.URI;
import org.junit.jupiter.api.Test;

class TenantUrlTest {
  private final TenantUrl url =
      TenantUrl.of("acme", URI.create("https://acme.example/clouderp/"), false);

  @Test
  void resolvesPathsUnderTheBase() {
    assertThat(url.resolve("api/qracore/browses"))
        .isEqualTo(URI.create("https://acme.example/clouderp/api/qracore/browses"));
  }

  @Test
  void refusesPathsThatLeaveTheBase() {
    for (String bad :
        new String[] {
          "../admin", "api/../../x", "/api/erp", "https://evil.example/x", "a//b", "a?b=c", "./x"
        }) {
      assertThatThrownBy(() -> url.resolve(bad))
          .as(bad)
          .isInstanceOf(QadConfigurationException.class);
    }
  }

  @Test
  void plainHttpOnlyForSandboxLoopback() {
    assertThatThrownBy(() -> TenantUrl.of("acme", URI.create("http://acme.example/clouderp"), true))
        .hasMessageContaining("https");
    assertThatThrownBy(() -> TenantUrl.of("acme", URI.create("http://127.0.0.1:8080/q"), false))
        .hasMessageContaining("https");
    assertThat(TenantUrl.of("acme", URI.create("http://127.0.0.1:8080/q"), true).base())
        .isEqualTo(URI.create("http://127.0.0.1:8080/q"));
  }
}
