package io.mlconnector.qadclient.http;

import io.mlconnector.qadclient.QadConfigurationException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * A tenant's QAD base URL and the only way to build request URLs from it: every entity path is
 * resolved against the base and must stay under it (no {@code ..}, no absolute URL, no host).
 */
public final class TenantUrl {
  private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9._~\\-/]+");

  private final String tenant;
  private final String base;

  private TenantUrl(String tenant, String base) {
    this.tenant = tenant;
    this.base = base;
  }

  /**
   * Checks the base URL: {@code https}, or plain {@code http} only for a sandbox tenant on a
   * loopback address.
   */
  public static TenantUrl of(String tenant, URI baseUrl, boolean sandbox) {
    if (baseUrl == null || baseUrl.getHost() == null || baseUrl.getRawQuery() != null) {
      throw new QadConfigurationException(tenant, "QAD base URL '" + baseUrl + "' is not usable");
    }
    String scheme = baseUrl.getScheme();
    boolean plainAllowed = sandbox && isLoopback(baseUrl.getHost());
    if (!"https".equals(scheme) && !("http".equals(scheme) && plainAllowed)) {
      throw new QadConfigurationException(
          tenant,
          "QAD base URL must use https (plain http only for a sandbox tenant on loopback): "
              + baseUrl);
    }
    String text = baseUrl.toString();
    return new TenantUrl(tenant, text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
  }

  /** {@code base + "/" + path}, refusing any path that could leave the tenant's base. */
  public URI resolve(String path) {
    if (path == null
        || path.isEmpty()
        || path.startsWith("/")
        || path.contains("//")
        || !SAFE_PATH.matcher(path).matches()) {
      throw new QadConfigurationException(tenant, "unsafe QAD path '" + path + "'");
    }
    for (String segment : path.split("/")) {
      if (segment.equals("..") || segment.equals(".")) {
        throw new QadConfigurationException(tenant, "QAD path '" + path + "' leaves the base URL");
      }
    }
    URI uri = URI.create(base + "/" + path).normalize();
    if (!uri.toString().startsWith(base + "/")) {
      throw new QadConfigurationException(tenant, "QAD path '" + path + "' leaves the base URL");
    }
    return uri;
  }

  public URI base() {
    return URI.create(base);
  }

  private static boolean isLoopback(String host) {
    try {
      String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
