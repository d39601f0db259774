package io.mlconnector.sandbox.qad;

import java.time.Duration;

/**
 * How one simulated QAD customer is reached: OAuth client and service-account credentials, the
 * workspace (domain_entity) the account works in, token lifetimes and match tolerances.
 */
public record QadTenantConfig(
    String tenant,
    String clientId,
    String username,
    String password,
    String workspaceId,
    Duration tokenLifetime,
    Duration refreshTokenLifetime,
    MatchTolerance tolerance) {

  public QadTenantConfig {
    if (tenant == null || !tenant.matches("[A-Za-z0-9_-]+")) {
      throw new IllegalArgumentException("tenant must be [A-Za-z0-9_-]+: " + tenant);
    }
    if (tokenLifetime.isNegative() || tokenLifetime.isZero()) {
      throw new IllegalArgumentException("token lifetime must be positive");
    }
  }

  /** Sandbox defaults: one-hour tokens, workspace {@code 10USA_10USACO}, 5% price tolerance. */
  public static QadTenantConfig defaults(String tenant) {
    return new QadTenantConfig(
        tenant,
        "mlc-connector",
        "mlc.integration",
        "sandbox-" + tenant,
        "10USA_10USACO",
        Duration.ofHours(1),
        Duration.ofHours(8),
        MatchTolerance.DEFAULT);
  }

  public QadTenantConfig withCredentials(String clientId, String username, String password) {
    return new QadTenantConfig(
        tenant,
        clientId,
        username,
        password,
        workspaceId,
        tokenLifetime,
        refreshTokenLifetime,
        tolerance);
  }

  public QadTenantConfig withWorkspaceId(String workspaceId) {
    return new QadTenantConfig(
        tenant,
        clientId,
        username,
        password,
        workspaceId,
        tokenLifetime,
        refreshTokenLifetime,
        tolerance);
  }

  public QadTenantConfig withTokenLifetime(Duration lifetime) {
    return new QadTenantConfig(
        tenant,
        clientId,
        username,
        password,
        workspaceId,
        lifetime,
        refreshTokenLifetime,
        tolerance);
  }

  public QadTenantConfig withTolerance(MatchTolerance tolerance) {
    return new QadTenantConfig(
        tenant,
        clientId,
        username,
        password,
        workspaceId,
        tokenLifetime,
        refreshTokenLifetime,
        tolerance);
  }
}
