package io.mlconnector.snpoller;

import io.mlconnector.common.tenant.RegistryTenantDirectory;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The set-up of every poller test of this module: a fresh {@link SnWorld} (simulator on a frozen
 * clock, tenants registered for the poller, topic reading) per test, closed after it.
 */
abstract class SnWorldTest {
  @Inject RegistryTenantDirectory directory;
  SnWorld world;

  @BeforeEach
  void startWorld() {
    world = new SnWorld(directory);
  }

  @AfterEach
  void stopWorld() throws Exception {
    world.close();
  }
}
