package io.mlconnector.qadpoller.config;

import io.mlconnector.pollercore.config.PollerSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Hands poller-core the {@code mlc.qad.*} polling keys. */
@ApplicationScoped
public class PollerSettingsProducer {

  @Produces
  PollerSettings settings(QadPollerConfig config) {
    return config.qad();
  }
}
