package io.mlconnector.console;

import io.mlconnector.common.tenant.TenantUrlPolicy.HostResolver;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

/** Replaces the system DNS in tests: the names tests use, and nothing else, resolve. */
@Alternative
@Priority(1)
@Singleton
public class TestDns implements HostResolver {
  private static final Map<String, String> HOSTS =
      Map.of(
          "acme.service-now.com", "203.0.113.10",
          "qad.acme.example", "198.51.100.7",
          "erp.internal.acme", "10.20.0.5",
          "metadata.attacker.example", "169.254.169.254",
          "loopback.attacker.example", "127.0.0.1",
          "qad.attacker.example", "198.51.100.66",
          "evil.service-now.com", "203.0.113.66",
          "qad.newdc.example", "198.51.100.8");

  @Override
  public List<InetAddress> resolve(String host) throws UnknownHostException {
    String ip = HOSTS.get(host);
    if (ip == null) {
      throw new UnknownHostException(host);
    }
    return List.of(InetAddress.getByName(ip));
  }
}
