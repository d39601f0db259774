package io.mlconnector.snpoller.push;

import io.mlconnector.common.tenant.Tenant;
import io.mlconnector.snpoller.config.PushSettings;
import io.mlconnector.snpoller.config.ServiceNowPollerConfig;
import io.mlconnector.snpoller.poll.PollFamily;
import io.mlconnector.snpoller.poll.TenantPollRunner;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Turns authenticated notifications into polls: the tenant's family is polled from its cursor, as a
 * scheduled poll would, one coalesce window after the first notification (the header and its lines
 * are saved within moments of each other), and every notification arriving before that poll starts
 * is served by it. A notification that arrives while the tenant is being polled asks for one more
 * poll after it, because that poll may have read past the change already.
 */
@ApplicationScoped
public class PushPolls {
  private static final Logger LOG = Logger.getLogger(PushPolls.class);

  /** What became of a notification. */
  public enum Outcome {
    /** A poll will start within the coalesce window. */
    POLL_SCHEDULED,
    /** A poll is already scheduled and will serve this one too. */
    COALESCED,
    /** The same signed notification was seen already: nothing more happens. */
    REPLAYED,
    /** The tenant sent more than its per-minute allowance: nothing happens. */
    RATE_LIMITED
  }

  private record Key(String tenant, PollFamily family) {}

  private final TenantPollRunner runner;
  private final PushSettings settings;
  private final ReplayMemory replays;
  private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
  private final Map<Key, AtomicBoolean> pending = new ConcurrentHashMap<>();
  private final ScheduledExecutorService pool;

  public PushPolls(TenantPollRunner runner, ServiceNowPollerConfig config) {
    this.runner = runner;
    this.settings = config.servicenow().push();
    this.replays = new ReplayMemory(settings.maxAge());
    this.pool =
        Executors.newScheduledThreadPool(
            config.servicenow().concurrency(),
            r -> {
              Thread t = new Thread(r, "servicenow-push-poll");
              t.setDaemon(true);
              return t;
            });
  }

  /** Accepts an authenticated notification of {@code family} with {@code signature}. */
  public Outcome notified(Tenant tenant, PollFamily family, String signature) {
    if (!replays.firstTime(tenant.id(), signature)) {
      return Outcome.REPLAYED;
    }
    TokenBucket bucket =
        buckets.computeIfAbsent(tenant.id(), t -> new TokenBucket(settings.perTenantPerMinute()));
    if (!bucket.take()) {
      return Outcome.RATE_LIMITED;
    }
    AtomicBoolean flag =
        pending.computeIfAbsent(new Key(tenant.id(), family), k -> new AtomicBoolean());
    if (!flag.compareAndSet(false, true)) {
      return Outcome.COALESCED;
    }
    schedule(tenant, family, flag);
    return Outcome.POLL_SCHEDULED;
  }

  private void schedule(Tenant tenant, PollFamily family, AtomicBoolean flag) {
    pool.schedule(
        () -> fire(tenant, family, flag),
        settings.coalesceWindow().toMillis(),
        TimeUnit.MILLISECONDS);
  }

  private void fire(Tenant tenant, PollFamily family, AtomicBoolean flag) {
    flag.set(false); // notifications from now on ask for a poll after this one
    try {
      if (runner.tryRun(tenant, List.of(family)).isEmpty() && flag.compareAndSet(false, true)) {
        // A poll of the tenant is running: it may have started before the change. Poll after it.
        schedule(tenant, family, flag);
      }
    } catch (RuntimeException e) {
      LOG.warnf("push-triggered poll of tenant %s failed: %s", tenant.id(), e.getMessage());
    }
  }

  @PreDestroy
  void stop() {
    pool.shutdownNow();
  }
}
