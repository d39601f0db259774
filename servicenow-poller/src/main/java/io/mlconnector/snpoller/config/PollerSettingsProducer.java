package io.mlconnector.snpoller.config;

import io.mlconnector.pollercore.config.PollerSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Hands poller-core the {@code mlc.servicenow.*} polling keys. */
@ApplicationScoped
public class PollerSettingsProducer {

  @Produces
  PollerSettings settings(ServiceNowPollerConfig config) {
    return config.servicenow();
  }
}
