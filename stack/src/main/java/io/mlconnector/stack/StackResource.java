package io.mlconnector.stack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} at the shared local stack (Kafka + PostgreSQL). Use with
 * {@code @QuarkusTestResource(StackResource.class)}; the stack outlives the test class and is
 * reused by every test class of the JVM.
 */
public class StackResource implements QuarkusTestResourceLifecycleManager {
  @Override
  public Map<String, String> start() {
    return SharedStack.endpoints().quarkusConfig();
  }

  @Override
  public void stop() {
    // Shared across test classes; stopped when the JVM exits.
  }
}
