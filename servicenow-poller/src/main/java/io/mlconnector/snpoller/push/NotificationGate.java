package io.mlconnector.snpoller.push;

import io.mlconnector.common.tenant.Secret;
import io.mlconnector.common.tenant.Tenant;
import io.mlconnector.pollercore.schedule.PollTargets;
import io.mlconnector.snpoller.config.PushSettings;
import io.mlconnector.snpoller.config.ServiceNowPollerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Decides whether a notification comes from the tenant it names: push enabled, a fresh timestamp, a
 * tenant this instance polls that has a push secret, and the signature of timestamp and body. Every
 * refusal looks the same to the caller (a sender must not learn which tenants exist or have push);
 * the reason is logged here for the operator.
 */
@ApplicationScoped
public class NotificationGate {
  private static final Logger LOG = Logger.getLogger(NotificationGate.class);

  private final PollTargets targets;
  private final PushSettings settings;
  private final Clock clock;

  public NotificationGate(PollTargets targets, ServiceNowPollerConfig config) {
    this.targets = targets;
    this.settings = config.servicenow().push();
    this.clock = Clock.systemUTC();
  }

  /** The tenant the notification authentically comes from; empty = refuse. */
  public Optional<Tenant> admit(String tenantId, String timestamp, String signature, byte[] body) {
    // Looked up among the cached enabled tenants, never by a registry reload: a stream of
    // notifications for made-up tenant ids costs no database round trip.
    Optional<Tenant> tenant =
        targets.tenants().stream().filter(t -> t.id().equals(tenantId)).findFirst();
    Secret secret = tenant.map(t -> t.servicenow().pushSecret()).orElse(null);
    boolean signed =
        PushSignature.matches(secret == null ? null : secret.reveal(), timestamp, body, signature);
    String refusal =
        !settings.enabled()
            ? "push is switched off (mlc.servicenow.push.enabled)"
            : !fresh(timestamp)
                ? "timestamp missing or outside ±" + settings.maxAge()
                : tenant.isEmpty()
                    ? "no enabled tenant of that id is polled here"
                    : secret == null
                        ? "the tenant has no push secret (console: POST /tenants/{id}/push-secret)"
                        : !signed ? "signature does not match" : null;
    if (refusal != null) {
      LOG.infof(
          "push notification for tenant %s refused (%s)",
          tenant.map(Tenant::id).orElse("(not known here)"), refusal);
      return Optional.empty();
    }
    return tenant;
  }

  private boolean fresh(String timestamp) {
    if (timestamp == null || !timestamp.matches("\\d{1,12}")) {
      return false;
    }
    Instant sent = Instant.ofEpochSecond(Long.parseLong(timestamp));
    Duration age = Duration.between(sent, clock.instant()).abs();
    return age.compareTo(settings.maxAge()) <= 0;
  }
}
