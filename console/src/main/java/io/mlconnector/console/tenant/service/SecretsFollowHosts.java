package io.mlconnector.console.tenant.service;

import io.mlconnector.common.http.ApiException;
import io.mlconnector.console.tenant.store.TenantRow;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * A stored credential stays bound to the host it was entered for: an update that points a tenant's
 * QAD or ServiceNow at another origin (scheme, host or port) must enter that system's secret again.
 * Otherwise whoever may edit tenants could redirect a tenant to a host of their own, ping, and
 * receive the stored password in plain text.
 */
final class SecretsFollowHosts {
  private SecretsFollowHosts() {}

  static void check(TenantRow current, TenantDraft draft) {
    if (draft.qadPassword() == null
        && !sameOrigin(current.qadBaseUrl(), draft.row().qadBaseUrl())) {
      throw required("qad.baseUrl", "qad.password");
    }
    if (draft.snClientSecret() == null
        && !sameOrigin(current.snInstanceUrl(), draft.row().snInstanceUrl())) {
      throw required("servicenow.instanceUrl", "servicenow.clientSecret");
    }
  }

  static boolean sameOrigin(String a, String b) {
    URI x = URI.create(a);
    URI y = URI.create(b);
    return lower(x.getScheme()).equals(lower(y.getScheme()))
        && lower(x.getHost()).equals(lower(y.getHost()))
        && port(x) == port(y);
  }

  private static int port(URI u) {
    if (u.getPort() != -1) {
      return u.getPort();
    }
    return "http".equalsIgnoreCase(u.getScheme()) ? 80 : 443;
  }

  private static String lower(String s) {
    return Objects.toString(s, "").toLowerCase(Locale.ROOT);
  }

  private static ApiException required(String field, String secret) {
    return new ApiException(
        400,
        "secret-required",
        field + " points to another host: the stored secret is not sent to a new host",
        "send " + secret + " again together with the new " + field);
  }
}
