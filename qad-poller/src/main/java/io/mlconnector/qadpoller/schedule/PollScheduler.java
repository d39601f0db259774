package io.mlconnector.qadpoller.schedule;

import io.mlconnector.common.tenant.Tenant;
import io.mlconnector.qadpoller.config.QadPollerConfig;
import io.mlconnector.qadpoller.poll.EntityFamily;
import io.mlconnector.qadpoller.poll.TenantPollRunner;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One fast tick decides which tenant/family polls are due, from the registry as it is now: tenants
 * added or disabled in the console are picked up without a restart. Each due tenant runs on a pool
 * thread of its own, so a slow or failing tenant never delays another.
 */
@ApplicationScoped
public class PollScheduler {
  private final PollTargets targets;
  private final TenantPollRunner runner;
  private final QadPollerConfig config;
  private final ExecutorService pool;
  private final Map<String, Instant> nextDue = new ConcurrentHashMap<>();
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

  public PollScheduler(PollTargets targets, TenantPollRunner runner, QadPollerConfig config) {
    this.targets = targets;
    this.runner = runner;
    this.config = config;
    this.pool =
        Executors.newFixedThreadPool(
            config.qad().concurrency(),
            r -> {
              Thread t = new Thread(r, "qad-poll");
              t.setDaemon(true);
              return t;
            });
  }

  @Scheduled(
      every = "${mlc.qad.tick:5s}",
      delayed = "${mlc.qad.tick:5s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void tick() {
    if (config.qad().schedulingEnabled()) {
      pollDue(Instant.now());
    }
  }

  /** Starts every poll due at {@code now}; returns the tenants started. */
  public List<String> pollDue(Instant now) {
    List<Tenant> tenants = targets.tenants();
    Set<String> ids = ConcurrentHashMap.newKeySet();
    tenants.forEach(t -> ids.add(t.id()));
    nextDue.keySet().removeIf(k -> !ids.contains(k.substring(0, k.indexOf('|'))));
    List<String> started = new ArrayList<>();
    for (Tenant tenant : tenants) {
      List<EntityFamily> due = new ArrayList<>();
      for (EntityFamily f : EntityFamily.values()) {
        Instant at = nextDue.get(tenant.id() + "|" + f);
        if (at == null || !now.isBefore(at)) {
          due.add(f);
        }
      }
      if (due.isEmpty() || !inFlight.add(tenant.id())) {
        continue;
      }
      due.forEach(
          f ->
              nextDue.put(
                  tenant.id() + "|" + f,
                  now.plus(
                      tenant.schedule(
                          f.scheduleKey(), f.defaultCadence(config.qad().schedule())))));
      started.add(tenant.id());
      pool.submit(
          () -> {
            try {
              runner.tryRun(tenant, due);
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
