package io.mlconnector.common.tenant;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The rules a tenant URL must follow, applied by the console when a tenant is saved and again by
 * its onboarding ping (a DNS name may resolve elsewhere later). Tenant URLs are typed by operators
 * and entity paths partly come from remote data, so both are treated as hostile: the aim is that a
 * request built from them can only reach the tenant's own host, under the tenant's base path, over
 * TLS. The clients do not call this class per request: they build every path under the saved base
 * themselves (qad-client's {@code TenantUrl}: https unless a sandbox tenant on loopback, no {@code
 * ..}, no absolute URL; servicenow-client's {@code InstancePaths}: checked table names and sys_ids,
 * paging links only under the instance).
 *
 * <p>Host names are resolved through an injectable {@link HostResolver} so the rules can be tested
 * without a network. A name is checked against every address it resolves to.
 */
public final class TenantUrlPolicy {
  /** Which rule a URL broke; {@link #code()} is stable and shown to operators. */
  public enum Rule {
    ABSOLUTE_URL_REQUIRED("absolute-url-required", "must be an absolute http(s) URL"),
    HTTPS_REQUIRED("https-required", "must use https (http only to loopback in sandbox mode)"),
    NO_USER_INFO("no-user-info", "must not contain user:password@; credentials go in fields"),
    NO_QUERY("no-query", "base URL must not have a query (?…)"),
    NO_FRAGMENT("no-fragment", "must not have a fragment (#…)"),
    VALID_HOST("valid-host", "host is not a valid DNS name or IP address"),
    VALID_PORT("valid-port", "port must be between 1 and 65535"),
    CANONICAL_IP("canonical-ip", "IP addresses must be written as four decimal parts"),
    RESOLVABLE_HOST("resolvable-host", "host name does not resolve"),
    NO_LOOPBACK("no-loopback", "loopback addresses are only allowed for sandbox tenants"),
    NO_PRIVATE_NETWORK(
        "no-private-network", "private addresses need allowPrivateNetwork on the tenant"),
    NO_LINK_LOCAL("no-link-local", "link-local addresses (incl. cloud metadata) are refused"),
    NO_UNSPECIFIED_ADDRESS("no-unspecified-address", "0.0.0.0 / :: are not a destination"),
    UNICAST_REQUIRED("unicast-required", "multicast and broadcast addresses are refused"),
    VALID_PATH("valid-path", "is not a valid URL path"),
    NO_BACKSLASH("no-backslash", "backslashes are refused (some servers read them as '/')"),
    NO_ENCODED_SLASH("no-encoded-slash", "encoded slashes (%2f, %5c) are refused"),
    NO_ENCODED_DOT_SEGMENT("no-encoded-dot-segment", "encoded dot segments (%2e) are refused"),
    RELATIVE_PATH_REQUIRED("relative-path-required", "entity path must be relative, not a URL"),
    SAME_HOST_REQUIRED("same-host-required", "entity path must not name another host (//…)"),
    STAY_UNDER_BASE("stay-under-base", "entity path escapes the tenant base URL");

    private final String code;
    private final String description;

    Rule(String code, String description) {
      this.code = code;
      this.description = description;
    }

    public String code() {
      return code;
    }

    public String description() {
      return description;
    }
  }

  /** A URL broke {@link #rule()}. The message never echoes user-info, which may hold a password. */
  public static final class RejectedUrlException extends RuntimeException {
    private final Rule rule;

    public RejectedUrlException(Rule rule, String detail) {
      super(rule.code() + ": " + rule.description() + (detail == null ? "" : " (" + detail + ")"));
      this.rule = rule;
    }

    public Rule rule() {
      return rule;
    }
  }

  /** DNS lookup; tests pass a map, production {@link #system()}. */
  @FunctionalInterface
  public interface HostResolver {
    List<InetAddress> resolve(String host) throws UnknownHostException;

    static HostResolver system() {
      return host -> Arrays.asList(InetAddress.getAllByName(host));
    }
  }

  private final HostResolver resolver;

  public TenantUrlPolicy(HostResolver resolver) {
    this.resolver = resolver;
  }

  /**
   * Checks a tenant base URL (QAD base, ServiceNow instance).
   *
   * @param sandboxAllowed the tenant is a sandbox tenant and the console runs in sandbox mode:
   *     loopback hosts, also over plain http, are allowed
   * @param allowPrivate private ranges (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7) are
   *     allowed; loopback, link-local and unspecified addresses never are through this flag
   * @throws RejectedUrlException naming the first rule broken
   */
  public void validateBaseUrl(URI url, boolean sandboxAllowed, boolean allowPrivate) {
    if (url == null || !url.isAbsolute() || url.isOpaque()) {
      throw new RejectedUrlException(Rule.ABSOLUTE_URL_REQUIRED, null);
    }
    String scheme = url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw new RejectedUrlException(Rule.HTTPS_REQUIRED, "scheme " + scheme);
    }
    String authority = url.getRawAuthority();
    if (url.getRawUserInfo() != null || (authority != null && authority.contains("@"))) {
      throw new RejectedUrlException(Rule.NO_USER_INFO, null);
    }
    if (url.getRawQuery() != null) {
      throw new RejectedUrlException(Rule.NO_QUERY, null);
    }
    if (url.getRawFragment() != null) {
      throw new RejectedUrlException(Rule.NO_FRAGMENT, null);
    }
    if (authority == null || authority.isEmpty()) {
      throw new RejectedUrlException(Rule.VALID_HOST, "no host");
    }
    if (url.getPort() == 0 || url.getPort() > 65535) {
      throw new RejectedUrlException(Rule.VALID_PORT, "port " + url.getPort());
    }
    checkPathSegments(url.getRawPath() == null ? "" : url.getRawPath());
    String host = url.getHost() != null ? url.getHost() : hostOfAuthority(authority);
    boolean allLoopback = true;
    for (InetAddress address : addressesOf(host)) {
      NetworkAddresses.Category category = NetworkAddresses.categorise(address);
      allLoopback &= category == NetworkAddresses.Category.LOOPBACK;
      switch (category) {
        case LOOPBACK -> require(sandboxAllowed, Rule.NO_LOOPBACK, host);
        case PRIVATE -> require(allowPrivate, Rule.NO_PRIVATE_NETWORK, host);
        case LINK_LOCAL -> require(false, Rule.NO_LINK_LOCAL, host);
        case UNSPECIFIED -> require(false, Rule.NO_UNSPECIFIED_ADDRESS, host);
        case NOT_UNICAST -> require(false, Rule.UNICAST_REQUIRED, host);
        case PUBLIC -> {}
      }
    }
    if (NetworkAddresses.looksNumeric(host) && !NetworkAddresses.isCanonicalIpv4(host)) {
      // Decimal, octal and hex forms are read differently by different clients: refuse them
      // even when the address they denote would be allowed.
      throw new RejectedUrlException(Rule.CANONICAL_IP, host);
    }
    if (scheme.equals("http") && !(sandboxAllowed && allLoopback)) {
      throw new RejectedUrlException(Rule.HTTPS_REQUIRED, "scheme http");
    }
  }

  /**
   * Resolves an entity path (e.g. {@code api/now/table/sys_user?sysparm_limit=10}) against a tenant
   * base URL. The path is always relative to the base; one leading '/' is tolerated and also means
   * the base. The result is normalised and guaranteed to be on the base's scheme, host and port,
   * under the base's path.
   *
   * @throws RejectedUrlException naming the rule the path broke
   */
  public static URI resolveEntityPath(URI base, String path) {
    if (path == null) {
      throw new RejectedUrlException(Rule.VALID_PATH, "no path");
    }
    if (path.indexOf('\\') >= 0) {
      throw new RejectedUrlException(Rule.NO_BACKSLASH, null);
    }
    if (path.startsWith("//")) {
      throw new RejectedUrlException(Rule.SAME_HOST_REQUIRED, null);
    }
    URI ref;
    try {
      ref = new URI(path);
    } catch (URISyntaxException e) {
      throw new RejectedUrlException(Rule.VALID_PATH, e.getReason());
    }
    if (ref.isAbsolute()) {
      throw new RejectedUrlException(Rule.RELATIVE_PATH_REQUIRED, null);
    }
    if (ref.getRawAuthority() != null) {
      throw new RejectedUrlException(Rule.SAME_HOST_REQUIRED, null);
    }
    if (ref.getRawFragment() != null) {
      throw new RejectedUrlException(Rule.NO_FRAGMENT, null);
    }
    String rawPath = ref.getRawPath() == null ? "" : ref.getRawPath();
    checkPathSegments(rawPath);
    URI dir = baseDirectory(base);
    String relative = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
    String query = ref.getRawQuery() == null ? "" : "?" + ref.getRawQuery();
    URI resolved = URI.create(dir + relative + query).normalize();
    String resolvedPath = resolved.getRawPath();
    boolean sameOrigin =
        dir.getScheme().equalsIgnoreCase(resolved.getScheme())
            && dir.getRawAuthority().equalsIgnoreCase(resolved.getRawAuthority());
    if (!sameOrigin
        || resolvedPath == null
        || !resolvedPath.startsWith(dir.getRawPath())
        || ("/" + resolvedPath + "/").contains("/../")) {
      throw new RejectedUrlException(Rule.STAY_UNDER_BASE, null);
    }
    return resolved;
  }

  private static URI baseDirectory(URI base) {
    if (base == null || !base.isAbsolute() || base.getRawAuthority() == null) {
      throw new RejectedUrlException(Rule.ABSOLUTE_URL_REQUIRED, "tenant base");
    }
    String path = base.normalize().getRawPath();
    String dir = path == null || path.isEmpty() ? "/" : path.endsWith("/") ? path : path + "/";
    return URI.create(base.getScheme() + "://" + base.getRawAuthority() + dir);
  }

  /** Refuses encodings that servers or proxies may decode into path separators or dot segments. */
  private static void checkPathSegments(String rawPath) {
    String lower = rawPath.toLowerCase(Locale.ROOT);
    if (lower.contains("%2f") || lower.contains("%5c")) {
      throw new RejectedUrlException(Rule.NO_ENCODED_SLASH, null);
    }
    for (String segment : lower.split("/", -1)) {
      String decoded = segment.replace("%2e", ".");
      if (!decoded.equals(segment) && (decoded.equals(".") || decoded.equals(".."))) {
        throw new RejectedUrlException(Rule.NO_ENCODED_DOT_SEGMENT, null);
      }
    }
  }

  private List<InetAddress> addressesOf(String host) {
    String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    h = h.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      return List.of(NetworkAddresses.ipv6Literal(h.substring(1, h.length() - 1)));
    }
    if (NetworkAddresses.looksNumeric(h)) {
      byte[] v4 = NetworkAddresses.parseIpv4(h);
      if (v4 == null) {
        throw new RejectedUrlException(Rule.VALID_HOST, host);
      }
      return List.of(NetworkAddresses.v4(v4));
    }
    if (!h.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*")) {
      throw new RejectedUrlException(Rule.VALID_HOST, null);
    }
    if (h.equals("localhost") || h.endsWith(".localhost")) {
      return List.of(InetAddress.getLoopbackAddress()); // RFC 6761: never ask DNS.
    }
    try {
      List<InetAddress> all = resolver.resolve(h);
      if (all == null || all.isEmpty()) {
        throw new UnknownHostException(h);
      }
      return all;
    } catch (UnknownHostException e) {
      throw new RejectedUrlException(Rule.RESOLVABLE_HOST, h);
    }
  }

  /** Host of a registry-based authority (one java.net.URI could not parse, e.g. {@code 127.1}). */
  private static String hostOfAuthority(String authority) {
    int colon = authority.lastIndexOf(':');
    return colon > 0 && !authority.endsWith("]") ? authority.substring(0, colon) : authority;
  }

  private static void require(boolean allowed, Rule rule, String host) {
    if (!allowed) {
      throw new RejectedUrlException(rule, host);
    }
  }

  /** Address parsing and classification; kept apart from the URL rules for readability. */
  static final class NetworkAddresses {
    enum Category {
      PUBLIC,
      LOOPBACK,
      PRIVATE,
      LINK_LOCAL,
      UNSPECIFIED,
      NOT_UNICAST
    }

    private NetworkAddresses() {}

    /** WHATWG URL rule: a host whose last label is a number is an IPv4 address. */
    static boolean looksNumeric(String host) {
      String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
      String last = h.substring(h.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
      return last.matches("[0-9]+|0x[0-9a-f]*");
    }

    static boolean isCanonicalIpv4(String host) {
      return host.matches(
          "((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}"
              + "(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])");
    }

    /** inet_aton forms: 1-4 parts, each decimal, octal (leading 0) or hex (0x); null if invalid. */
    static byte[] parseIpv4(String host) {
      String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
      String[] parts = h.split("\\.", -1);
      if (parts.length > 4) {
        return null;
      }
      long[] values = new long[parts.length];
      for (int i = 0; i < parts.length; i++) {
        Long v = parseNumber(parts[i]);
        long limit = i == parts.length - 1 ? (1L << (8 * (5 - parts.length))) - 1 : 255;
        if (v == null || v > limit) {
          return null;
        }
        values[i] = v;
      }
      long address = values[parts.length - 1];
      for (int i = 0; i < parts.length - 1; i++) {
        address |= values[i] << (8 * (3 - i));
      }
      return new byte[] {
        (byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address
      };
    }

    private static Long parseNumber(String part) {
      try {
        if (part.startsWith("0x") || part.startsWith("0X")) {
          return part.length() == 2 ? 0L : Long.parseLong(part.substring(2), 16);
        }
        if (part.length() > 1 && part.startsWith("0")) {
          return Long.parseLong(part.substring(1), 8);
        }
        return part.length() > 12 ? null : Long.parseLong(part);
      } catch (NumberFormatException e) {
        return null;
      }
    }

    static InetAddress v4(byte[] bytes) {
      try {
        return InetAddress.getByAddress(bytes);
      } catch (UnknownHostException e) {
        throw new IllegalStateException(e); // Four bytes are always a valid address.
      }
    }

    static InetAddress ipv6Literal(String literal) {
      if (!literal.matches("[0-9a-f:.]+")) { // Zone ids (%25eth0) only make sense on-link.
        throw new RejectedUrlException(Rule.VALID_HOST, "IPv6 literal");
      }
      try {
        return InetAddress.getByName(literal); // A literal: no DNS lookup happens.
      } catch (UnknownHostException e) {
        throw new RejectedUrlException(Rule.VALID_HOST, "IPv6 literal");
      }
    }

    static Category categorise(InetAddress address) {
      byte[] b = address.getAddress();
      if (address instanceof Inet6Address && embedsIpv4(b)) {
        // ::a.b.c.d, ::ffff:a.b.c.d (Java usually unwraps that one itself) and 64:ff9b::a.b.c.d
        // reach the IPv4 address they embed.
        return categorise(v4(Arrays.copyOfRange(b, 12, 16)));
      }
      int b0 = b[0] & 0xff;
      int b1 = b[1] & 0xff;
      if (address.isAnyLocalAddress() || (address instanceof Inet4Address && b0 == 0)) {
        return Category.UNSPECIFIED;
      }
      if (address.isLoopbackAddress()) {
        return Category.LOOPBACK;
      }
      if (address.isLinkLocalAddress()) {
        return Category.LINK_LOCAL;
      }
      if (address.isMulticastAddress() || (address instanceof Inet4Address && b0 >= 240)) {
        return Category.NOT_UNICAST; // Includes 255.255.255.255 and reserved 240/4.
      }
      boolean cgnat = address instanceof Inet4Address && b0 == 100 && (b1 & 0xc0) == 64;
      boolean uniqueLocal = address instanceof Inet6Address && (b0 & 0xfe) == 0xfc;
      if (address.isSiteLocalAddress() || cgnat || uniqueLocal) {
        return Category.PRIVATE;
      }
      return Category.PUBLIC;
    }

    private static boolean embedsIpv4(byte[] b) {
      boolean zeroPrefix = true;
      for (int i = 0; i < 10; i++) {
        zeroPrefix &= b[i] == 0;
      }
      boolean compatible = zeroPrefix && b[10] == 0 && b[11] == 0 && !isAllZeroOrOne(b);
      boolean mapped = zeroPrefix && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
      boolean nat64 =
          (b[0] & 0xff) == 0x00
              && (b[1] & 0xff) == 0x64
              && (b[2] & 0xff) == 0xff
              && (b[3] & 0xff) == 0x9b;
      for (int i = 4; nat64 && i < 12; i++) {
        nat64 = b[i] == 0;
      }
      return compatible || mapped || nat64;
    }

    /** {@code ::} and {@code ::1} are not IPv4-compatible addresses but themselves. */
    private static boolean isAllZeroOrOne(byte[] b) {
      for (int i = 0; i < 15; i++) {
        if (b[i] != 0) {
          return false;
        }
      }
      return b[15] == 0 || b[15] == 1;
    }
  }
}
