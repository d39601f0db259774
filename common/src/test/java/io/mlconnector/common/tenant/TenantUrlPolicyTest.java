package io.mlconnector.common.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.mlconnector.common.tenant.TenantUrlPolicy.RejectedUrlException;
import io.mlconnector.common.tenant.TenantUrlPolicy.Rule;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TenantUrlPolicyTest {
  /** A DNS that knows a handful of names; anything else does not resolve. */
  private static final Map<String, List<String>> DNS =
      Map.of(
          "acme.service-now.com", List.of("203.0.113.10"),
          "qad.acme.example", List.of("198.51.100.7", "2001:db8::7"),
          "erp.internal.acme", List.of("10.20.0.5"),
          "rebind.attacker.example", List.of("203.0.113.9", "127.0.0.1"),
          "metadata.attacker.example", List.of("169.254.169.254"),
          "v6private.acme", List.of("fd12:3456::1"));

  private final List<String> lookups = new ArrayList<>();
  private final TenantUrlPolicy policy = new TenantUrlPolicy(this::resolve);

  private List<InetAddress> resolve(String host) throws UnknownHostException {
    lookups.add(host);
    List<String> ips = DNS.get(host);
    if (ips == null) {
      throw new UnknownHostException(host);
    }
    List<InetAddress> out = new ArrayList<>();
    for (String ip : ips) {
      out.add(InetAddress.getByName(ip));
    }
    return out;
  }

  private Rule rejection(String url, boolean sandbox, boolean allowPrivate) {
    RejectedUrlException e =
        catchThrowableOfType(
            () -> policy.validateBaseUrl(URI.create(url), sandbox, allowPrivate),
            RejectedUrlException.class);
    assertThat(e).as("expected %s to be refused", url).isNotNull();
    assertThat(e.getMessage()).startsWith(e.rule().code());
    return e.rule();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://acme.service-now.com",
        "https://acme.service-now.com/",
        "https://qad.acme.example:8443/qad-central/api",
        "https://ACME.Service-Now.com./",
        "https://203.0.113.10/",
        "https://[2001:db8::1]/api"
      })
  void publicHttpsUrlsAreAccepted(String url) {
    assertThatCode(() -> policy.validateBaseUrl(URI.create(url), false, false))
        .doesNotThrowAnyException();
  }

  @ParameterizedTest
  @CsvSource({
    "http://acme.service-now.com, HTTPS_REQUIRED",
    "ftp://acme.service-now.com, HTTPS_REQUIRED",
    "file:///etc/passwd, HTTPS_REQUIRED",
    "/relative/only, ABSOLUTE_URL_REQUIRED",
    "https:opaque, ABSOLUTE_URL_REQUIRED",
    "https://admin:hunter2@acme.service-now.com/, NO_USER_INFO",
    "https://admin@acme.service-now.com/, NO_USER_INFO",
    "https://acme.service-now.com/?x=1, NO_QUERY",
    "https://acme.service-now.com/?, NO_QUERY",
    "https://acme.service-now.com/#frag, NO_FRAGMENT",
    "https://acme.service-now.com:99999/, VALID_PORT",
    "https://a_b.acme/, VALID_HOST",
    "https://[fe80::1%25eth0]/, VALID_HOST",
    "https://does-not-exist.example/, RESOLVABLE_HOST",
    "https://acme.service-now.com/a/%2e%2e/b, NO_ENCODED_DOT_SEGMENT",
    "https://acme.service-now.com/a%2fb, NO_ENCODED_SLASH",
  })
  void malformedOrUnsafeUrlsNameTheirRule(String url, Rule rule) {
    assertThat(rejection(url, false, false)).isEqualTo(rule);
  }

  @ParameterizedTest
  @CsvSource({
    // Loopback in every spelling.
    "https://127.0.0.1/, NO_LOOPBACK",
    "https://127.8.9.10/, NO_LOOPBACK",
    "https://localhost/, NO_LOOPBACK",
    "https://LOCALHOST./, NO_LOOPBACK",
    "https://api.localhost/, NO_LOOPBACK",
    "https://[::1]/, NO_LOOPBACK",
    "https://[::ffff:127.0.0.1]/, NO_LOOPBACK",
    "https://[::ffff:7f00:1]/, NO_LOOPBACK",
    "https://[::127.0.0.1]/, NO_LOOPBACK",
    "https://[64:ff9b::7f00:1]/, NO_LOOPBACK",
    "http://2130706433/, NO_LOOPBACK",
    "http://0x7f.1/, NO_LOOPBACK",
    "http://0x7f000001/, NO_LOOPBACK",
    "http://0177.0.0.1/, NO_LOOPBACK",
    "http://017700000001/, NO_LOOPBACK",
    "http://127.1/, NO_LOOPBACK",
    "http://127.0.1/, NO_LOOPBACK",
    // Private ranges, IPv4 and IPv6, literal and through DNS.
    "https://10.0.0.1/, NO_PRIVATE_NETWORK",
    "https://172.16.0.1/, NO_PRIVATE_NETWORK",
    "https://172.31.255.254/, NO_PRIVATE_NETWORK",
    "https://192.168.1.1/, NO_PRIVATE_NETWORK",
    "https://100.64.0.1/, NO_PRIVATE_NETWORK",
    "https://[fc00::1]/, NO_PRIVATE_NETWORK",
    "https://[fd12:3456::1]/, NO_PRIVATE_NETWORK",
    "https://[::ffff:10.0.0.1]/, NO_PRIVATE_NETWORK",
    "https://0xa000001/, NO_PRIVATE_NETWORK",
    "https://erp.internal.acme/, NO_PRIVATE_NETWORK",
    "https://v6private.acme/, NO_PRIVATE_NETWORK",
    // Link-local, cloud metadata, unspecified, broadcast.
    "https://169.254.169.254/latest/meta-data, NO_LINK_LOCAL",
    "http://0xa9fea9fe/, NO_LINK_LOCAL",
    "https://[fe80::1]/, NO_LINK_LOCAL",
    "https://[::ffff:169.254.169.254]/, NO_LINK_LOCAL",
    "https://metadata.attacker.example/, NO_LINK_LOCAL",
    "https://0.0.0.0/, NO_UNSPECIFIED_ADDRESS",
    "http://0/, NO_UNSPECIFIED_ADDRESS",
    "https://[::]/, NO_UNSPECIFIED_ADDRESS",
    "https://255.255.255.255/, UNICAST_REQUIRED",
    "https://[ff02::1]/, UNICAST_REQUIRED",
    // A name resolving to one public and one loopback address is judged by the worst.
    "https://rebind.attacker.example/, NO_LOOPBACK",
  })
  void internalAddressesAreRefusedByDefault(String url, Rule rule) {
    assertThat(rejection(url, false, false)).isEqualTo(rule);
  }

  @Test
  void allowPrivateNetworkAdmitsPrivateRangesOnly() {
    assertThatCode(
            () -> policy.validateBaseUrl(URI.create("https://erp.internal.acme/"), false, true))
        .doesNotThrowAnyException();
    assertThatCode(() -> policy.validateBaseUrl(URI.create("https://[fd00::5]/"), false, true))
        .doesNotThrowAnyException();
    assertThat(rejection("https://127.0.0.1/", false, true)).isEqualTo(Rule.NO_LOOPBACK);
    assertThat(rejection("https://169.254.169.254/", false, true)).isEqualTo(Rule.NO_LINK_LOCAL);
    assertThat(rejection("https://0.0.0.0/", false, true)).isEqualTo(Rule.NO_UNSPECIFIED_ADDRESS);
    assertThat(rejection("http://10.0.0.1/", false, true)).isEqualTo(Rule.HTTPS_REQUIRED);
  }

  @Test
  void sandboxAdmitsLoopbackAlsoOverPlainHttpButNothingElse() {
    for (String url :
        List.of("http://127.0.0.1:8081/", "http://localhost:9000/qad", "https://[::1]:8443/")) {
      assertThatCode(() -> policy.validateBaseUrl(URI.create(url), true, false))
          .as(url)
          .doesNotThrowAnyException();
    }
    assertThat(rejection("http://acme.service-now.com/", true, false))
        .isEqualTo(Rule.HTTPS_REQUIRED);
    assertThat(rejection("http://10.0.0.1/", true, true)).isEqualTo(Rule.HTTPS_REQUIRED);
    assertThat(rejection("https://169.254.169.254/", true, true)).isEqualTo(Rule.NO_LINK_LOCAL);
  }

  @Test
  void nonCanonicalIpv4IsRefusedEvenWhenTheAddressWouldBeAllowed() {
    assertThat(rejection("https://3405803786/", false, false)).isEqualTo(Rule.CANONICAL_IP);
    assertThat(rejection("https://0xcb.0.113.10/", false, false)).isEqualTo(Rule.CANONICAL_IP);
    assertThat(rejection("http://2130706433/", true, false)).isEqualTo(Rule.CANONICAL_IP);
    assertThat(rejection("https://1.2.3.4.5/", false, false)).isEqualTo(Rule.VALID_HOST);
    assertThat(rejection("https://256.1.1.1/", false, false)).isEqualTo(Rule.VALID_HOST);
    assertThat(rejection("https://08.1.1.1/", false, false)).isEqualTo(Rule.VALID_HOST);
  }

  @Test
  void ipLiteralsAndLocalhostNeverReachDns() {
    rejection("https://127.0.0.1/", false, false);
    rejection("http://0x7f.1/", false, false);
    rejection("https://localhost/", false, false);
    rejection("https://[::1]/", false, false);
    assertThat(lookups).isEmpty();
  }

  @Test
  void rejectionMessagesNeverEchoUserInfo() {
    RejectedUrlException e =
        catchThrowableOfType(
            () ->
                policy.validateBaseUrl(
                    URI.create("https://svc:S3cr3t-Pa55@acme.service-now.com/"), false, false),
            RejectedUrlException.class);
    assertThat(e.getMessage()).doesNotContain("S3cr3t-Pa55").doesNotContain("svc:");
  }

  private static final URI SN = URI.create("https://acme.service-now.com");
  private static final URI QAD = URI.create("https://qad.acme.example/qad-central/api");

  @ParameterizedTest
  @CsvSource({
    "api/now/table/sys_user, https://acme.service-now.com/api/now/table/sys_user",
    "/api/now/table/sys_user, https://acme.service-now.com/api/now/table/sys_user",
    "'api/now/table/x?sysparm_limit=10&sysparm_offset=20', "
        + "'https://acme.service-now.com/api/now/table/x?sysparm_limit=10&sysparm_offset=20'",
    "api/now/./table/../table/x, https://acme.service-now.com/api/now/table/x",
    "api/now/table/a%20b, https://acme.service-now.com/api/now/table/a%20b",
  })
  void entityPathsResolveUnderTheInstance(String path, String expected) {
    assertThat(TenantUrlPolicy.resolveEntityPath(SN, path)).isEqualTo(URI.create(expected));
  }

  @Test
  void entityPathsResolveUnderABaseWithAPathWithOrWithoutTrailingSlash() {
    URI expected = URI.create("https://qad.acme.example/qad-central/api/erp/purchaseOrders");
    assertThat(TenantUrlPolicy.resolveEntityPath(QAD, "erp/purchaseOrders")).isEqualTo(expected);
    assertThat(TenantUrlPolicy.resolveEntityPath(URI.create(QAD + "/"), "/erp/purchaseOrders"))
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "../secrets, STAY_UNDER_BASE",
    "erp/../../secrets, STAY_UNDER_BASE",
    "erp/../../../../etc/passwd, STAY_UNDER_BASE",
    "/../api-admin, STAY_UNDER_BASE",
    "erp/%2e%2e/%2E%2E/admin, NO_ENCODED_DOT_SEGMENT",
    "erp/.%2e/x, NO_ENCODED_DOT_SEGMENT",
    "erp/%2e/x, NO_ENCODED_DOT_SEGMENT",
    "erp%2f..%2fadmin, NO_ENCODED_SLASH",
    "erp/%2F/x, NO_ENCODED_SLASH",
    "erp%5c..%5cadmin, NO_ENCODED_SLASH",
    "erp\\..\\admin, NO_BACKSLASH",
    "https://evil.example/x, RELATIVE_PATH_REQUIRED",
    "HTTPS://qad.acme.example/qad-central/api/erp, RELATIVE_PATH_REQUIRED",
    "javascript:alert(1), RELATIVE_PATH_REQUIRED",
    "//evil.example/x, SAME_HOST_REQUIRED",
    "///evil.example/x, SAME_HOST_REQUIRED",
    "erp/x#frag, NO_FRAGMENT",
    "erp/a b, VALID_PATH",
  })
  void hostileEntityPathsAreRefused(String path, Rule rule) {
    RejectedUrlException e =
        catchThrowableOfType(
            () -> TenantUrlPolicy.resolveEntityPath(QAD, path), RejectedUrlException.class);
    assertThat(e).as(path).isNotNull();
    assertThat(e.rule()).as(path).isEqualTo(rule);
  }

  @Test
  void siblingPathWithTheSamePrefixIsNotUnderTheBase() {
    // "/qad-central/api-admin" starts with "/qad-central/api" but is not under it.
    Rule rule =
        catchThrowableOfType(
                () -> TenantUrlPolicy.resolveEntityPath(QAD, "../api-admin/users"),
                RejectedUrlException.class)
            .rule();
    assertThat(rule).isEqualTo(Rule.STAY_UNDER_BASE);
  }

  @Test
  void atSignInAPathDoesNotChangeTheHost() {
    URI resolved = TenantUrlPolicy.resolveEntityPath(SN, "@evil.example/x");
    assertThat(resolved.getHost()).isEqualTo("acme.service-now.com");
  }
}
