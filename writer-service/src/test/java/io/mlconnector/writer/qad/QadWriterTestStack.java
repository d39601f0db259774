package io.mlconnector.writer.qad;

import io.mlconnector.sandbox.qad.QadSimulator;
import io.mlconnector.sandbox.servicenow.ServiceNowSimulator;
import io.mlconnector.stack.SharedStack;
import io.mlconnector.stack.StackEndpoints;
import io.mlconnector.stack.TenantFixtures;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * QAD side additions to the writer's test stack: consumer groups of this run, quick QAD client
 * retries, and one embedded QAD and ServiceNow simulator for the JVM. {@code @QuarkusTestResource}
 * resources are global, so this one is merged with the ServiceNow side's WriterTestStack and must
 * agree with it: same tenant registry schema, no ServiceNow settings of its own. The recheck is
 * left to the tests (they call it), so a release by a receipt event is not mistaken for one by the
 * recheck.
 */
public class QadWriterTestStack implements QuarkusTestResourceLifecycleManager {
  static final String REGISTRY_SCHEMA = "registry_writer"; // WriterTestStack's
  private static QadSimulator qad;
  private static ServiceNowSimulator servicenow;
  private static TenantFixtures fixtures;

  static synchronized QadSimulator qad() {
    if (qad == null) {
      qad = QadSimulator.start(0);
    }
    return qad;
  }

  static synchronized ServiceNowSimulator servicenow() {
    if (servicenow == null) {
      servicenow = ServiceNowSimulator.start(0);
    }
    return servicenow;
  }

  /**
   * The registry the app reads. Installed on first use, after every test resource started: the
   * ServiceNow side's WriterTestStack (also global) empties the same schema when it starts.
   */
  static synchronized TenantFixtures fixtures() throws Exception {
    if (fixtures == null) {
      fixtures = new TenantFixtures(SharedStack.endpoints(), REGISTRY_SCHEMA).install();
    }
    return fixtures;
  }

  @Override
  public Map<String, String> start() {
    StackEndpoints stack = SharedStack.endpoints();
    String run = UUID.randomUUID().toString();
    Map<String, String> config = new HashMap<>(stack.quarkusConfig());
    config.putAll(new TenantFixtures(stack, REGISTRY_SCHEMA).quarkusConfig());
    config.put("mlc.writer.consumer-groups.qad", "writer-qad-test-" + run);
    config.put("mlc.writer.consumer-groups.receipts", "writer-qad-test-receipts-" + run);
    config.put("mlc.writer.qad.recheck", "1h");
    config.put("mlc.writer.qad.write-back.max-refusals", "2");
    // Quick retries and a short breaker so the 503 storm finishes fast.
    config.put("mlc.qad-client.max-attempts", "2");
    config.put("mlc.qad-client.backoff-base", "10ms");
    config.put("mlc.qad-client.backoff-max", "50ms");
    config.put("mlc.qad-client.breaker.open-for", "500ms");
    return config;
  }

  @Override
  public void stop() {
    synchronized (QadWriterTestStack.class) {
      if (qad != null) {
        qad.close();
        qad = null;
      }
      if (servicenow != null) {
        servicenow.close();
        servicenow = null;
      }
    }
  }
}
