package io.mlconnector.snpoller;

import io.mlconnector.stack.ApiTokenFixtures;
import io.mlconnector.stack.SharedStack;
import io.mlconnector.stack.TenantFixtures;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The shared stack, a tenant registry schema of the poller tests' own, and the stand-in for
 * qad-poller's receipt sync endpoint.
 */
public class SnPollerStackResource implements QuarkusTestResourceLifecycleManager {
  static final String REGISTRY_SCHEMA = "servicenow_poller_test_registry";

  static TenantFixtures fixtures() {
    return new TenantFixtures(SharedStack.endpoints(), REGISTRY_SCHEMA);
  }

  @Override
  public Map<String, String> start() {
    try {
      Map<String, String> config = new LinkedHashMap<>(SharedStack.endpoints().quarkusConfig());
      config.putAll(fixtures().install().quarkusConfig());
      config.put(
          "mlc.servicenow.receipt-sync-url", ReceiptSyncStub.instance().baseUri().toString());
      config.put("mlc.servicenow.receipt-sync-token", ApiTokenFixtures.OPERATE);
      return config;
    } catch (Exception e) {
      throw new IllegalStateException("cannot prepare the tenant registry", e);
    }
  }

  @Override
  public void stop() {}
}
