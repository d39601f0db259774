package io.mlconnector.console.tenant.service;

import io.mlconnector.common.http.ApiException;
import java.net.URI;
import java.util.List;

/**
 * A ServiceNow instance URL is the instance root: the clients append {@code /api/now/…} and {@code
 * /oauth_token.do} themselves. A URL copied from the browser ({@code /now/nav/ui/…}, {@code
 * …/home.do}) or from an API call ({@code /api/now/table}) is refused at save time, saying which
 * part to drop, instead of failing only at the first ping. A path that is not ServiceNow's own (a
 * proxy prefix, the sandbox's {@code /sn/acme}) is kept.
 */
final class InstanceRoot {
  private static final List<String> SERVICENOW_SEGMENTS = List.of("api", "now", "oauth_token.do");

  private InstanceRoot() {}

  static void check(URI uri, String field) {
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    String[] segments = path.split("/");
    int start = 0;
    for (String segment : segments) {
      if (isServiceNowPage(segment)) {
        int slash = Math.max(0, start - 1);
        String drop = path.substring(slash);
        String root = uri.getScheme() + "://" + uri.getRawAuthority() + path.substring(0, slash);
        throw new ApiException(
            400,
            "invalid-url",
            field + " must be the instance root, not a UI page or API path: drop '" + drop + "'",
            "use " + root + " (the connector adds /api/now/… itself)");
      }
      start += segment.length() + 1;
    }
  }

  private static boolean isServiceNowPage(String segment) {
    String s = segment.toLowerCase();
    return SERVICENOW_SEGMENTS.contains(s) || s.endsWith(".do") || s.startsWith("$");
  }
}
