package io.mlconnector.mapper;

import io.mlconnector.stack.SharedStack;
import io.mlconnector.stack.StackResource;
import io.mlconnector.stack.TenantFixtures;
import java.util.LinkedHashMap;
import java.util.Map;

/** The shared stack plus a tenant registry schema of the mapper tests' own. */
public class MapperStack extends StackResource {
  static final String REGISTRY_SCHEMA = "registry_mapper";

  static TenantFixtures tenants() {
    return new TenantFixtures(SharedStack.endpoints(), REGISTRY_SCHEMA);
  }

  /** Waits until the mapper's consumer has its partitions, so published events get consumed. */
  static void awaitConsuming() {
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(60))
        .until(() -> io.restassured.RestAssured.get("/q/health/ready").statusCode() == 200);
  }

  @Override
  public Map<String, String> start() {
    Map<String, String> config = new LinkedHashMap<>(super.start());
    try {
      config.putAll(tenants().install().quarkusConfig());
    } catch (Exception e) {
      throw new IllegalStateException("cannot prepare the tenant registry", e);
    }
    return config;
  }
}
