package io.mlconnector.qadpoller;

import io.mlconnector.common.tenant.RegistryTenantDirectory;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The set-up of every poller test of this module: a fresh {@link QadWorld} (simulator, tenants
 * registered for the poller, topic reading) per test, closed after it.
 */
abstract class QadWorldTest {
  @Inject RegistryTenantDirectory directory;
  QadWorld world;

  @BeforeEach
  void startWorld() {
    world = new QadWorld(directory);
  }

  @AfterEach
  void stopWorld() throws Exception {
    world.close();
  }
}
