package io.mlconnector.common.tenant;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * A customer: one QAD tenant and one ServiceNow instance, with decrypted credentials. Built by
 * {@link TenantDirectory} from the registry the console writes.
 *
 * @param schedules poll cadence overrides by schedule key (e.g. {@code qad.purchase-orders})
 * @param mappingOverrides field mapping overrides (mapping key → value), see mapper-service
 * @param sandbox plain-http loopback URLs allowed (the sandbox); never for a real customer
 * @param allowPrivateNetwork URLs resolving to private ranges allowed (customer-hosted QAD)
 */
public record Tenant(
    String id,
    String displayName,
    boolean enabled,
    Qad qad,
    ServiceNow servicenow,
    Map<String, Duration> schedules,
    Map<String, String> mappingOverrides,
    boolean sandbox,
    boolean allowPrivateNetwork) {

  /** QAD: full tenant URL, workspace header, password-grant credentials. */
  public record Qad(
      URI baseUrl, String workspace, String clientId, String username, Secret password) {}

  /**
   * ServiceNow: instance URL and OAuth client-credentials; Batch API opt-in.
   *
   * @param pushSecret the shared secret a Business Rule signs push notifications with (see
   *     servicenow-poller's docs/push.md); null when push is not configured
   */
  public record ServiceNow(
      URI instanceUrl, String clientId, Secret clientSecret, boolean batchApi, Secret pushSecret) {

    /** Without push: the tenant is polled only. */
    public ServiceNow(URI instanceUrl, String clientId, Secret clientSecret, boolean batchApi) {
      this(instanceUrl, clientId, clientSecret, batchApi, null);
    }
  }

  /** The cadence for a schedule key, or the given default. */
  public Duration schedule(String key, Duration fallback) {
    return schedules.getOrDefault(key, fallback);
  }
}
