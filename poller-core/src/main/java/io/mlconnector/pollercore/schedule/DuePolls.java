package io.mlconnector.pollercore.schedule;

import io.mlconnector.common.tenant.Tenant;
import io.mlconnector.pollercore.config.PollerSettings;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * One fast tick decides which tenant/family polls are due, from the registry as it is now: tenants
 * added, disabled or re-scheduled in the console are picked up without a restart. Each due tenant
 * runs on a pool thread of its own, so a slow or failing tenant never delays another.
 *
 * <p>A poller extends it with its family type and its {@code @Scheduled} tick (whose interval key
 * is the poller's own), calling {@link #tick()}.
 */
public abstract class DuePolls<F> {
  private record Due(String tenant, Object family) {}

  private final PollTargets targets;
  private final PollerSettings settings;
  private final ExecutorService pool;
  private final Map<Due, Instant> nextDue = new ConcurrentHashMap<>();
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

  /**
   * @param threadName the name of the pool's threads, e.g. {@code qad-poll}
   */
  protected DuePolls(PollTargets targets, PollerSettings settings, String threadName) {
    this.targets = targets;
    this.settings = settings;
    this.pool =
        Executors.newFixedThreadPool(
            settings.concurrency(),
            r -> {
              Thread t = new Thread(r, threadName);
              t.setDaemon(true);
              return t;
            });
  }

  /** Every family, in the order a run polls them. */
  protected abstract List<F> families();

  /** The tenant's cadence of a family: its own schedule key, or the deployment's default. */
  protected abstract Duration cadence(Tenant tenant, F family);

  /** Runs the due families of a tenant, unless it is already being polled. */
  protected abstract void run(Tenant tenant, List<F> due);

  /** The scheduled tick: polls what is due, unless scheduling is switched off. */
  protected void tick() {
    if (settings.schedulingEnabled()) {
      pollDue(Instant.now());
    }
  }

  /** Starts every poll due at {@code now}; returns the tenants started. */
  public List<String> pollDue(Instant now) {
    List<Tenant> tenants = targets.tenants();
    Set<String> ids = tenants.stream().map(Tenant::id).collect(Collectors.toSet());
    nextDue.keySet().removeIf(d -> !ids.contains(d.tenant()));
    List<String> started = new ArrayList<>();
    for (Tenant tenant : tenants) {
      List<F> due = new ArrayList<>();
      for (F f : families()) {
        Instant at = nextDue.get(new Due(tenant.id(), f));
        if (at == null || !now.isBefore(at)) {
          due.add(f);
        }
      }
      if (due.isEmpty() || !inFlight.add(tenant.id())) {
        continue;
      }
      // The cadence is read per tick, so a changed schedule applies from the next due time.
      due.forEach(f -> nextDue.put(new Due(tenant.id(), f), now.plus(cadence(tenant, f))));
      started.add(tenant.id());
      pool.submit(
          () -> {
            try {
              run(tenant, due);
            } finally {
              inFlight.remove(tenant.id());
            }
          });
    }
    return started;
  }

  @PreDestroy
  void stop() {
    pool.shutdownNow();
  }
}
