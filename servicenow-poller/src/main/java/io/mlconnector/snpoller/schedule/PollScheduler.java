package io.mlconnector.snpoller.schedule;

import io.mlconnector.common.tenant.Tenant;
import io.mlconnector.snpoller.config.ServiceNowPollerConfig;
import io.mlconnector.snpoller.poll.PollFamily;
import io.mlconnector.snpoller.poll.TenantPollRunner;
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
import java.util.stream.Collectors;

/**
 * One fast tick decides which tenant/family polls are due, from the registry as it is now: tenants
 * added, disabled or re-scheduled in the console are picked up without a restart. Each due tenant
 * runs on a pool thread of its own, so a slow or failing tenant never delays another.
 */
@ApplicationScoped
public class PollScheduler {
  private record Due(String tenant, PollFamily family) {}

  private final PollTargets targets;
  private final TenantPollRunner runner;
  private final ServiceNowPollerConfig.ServiceNow config;
  private final ExecutorService pool;
  private final Map<Due, Instant> nextDue = new ConcurrentHashMap<>();
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

  public PollScheduler(
      PollTargets targets, TenantPollRunner runner, ServiceNowPollerConfig config) {
    this.targets = targets;
    this.runner = runner;
    this.config = config.servicenow();
    this.pool =
        Executors.newFixedThreadPool(
            this.config.concurrency(),
            r -> {
              Thread t = new Thread(r, "servicenow-poll");
              t.setDaemon(true);
              return t;
            });
  }

  @Scheduled(
      every = "${mlc.servicenow.tick:5s}",
      delayed = "${mlc.servicenow.tick:5s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void tick() {
    if (config.schedulingEnabled()) {
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
      List<PollFamily> due = new ArrayList<>();
      for (PollFamily f : PollFamily.values()) {
        Instant at = nextDue.get(new Due(tenant.id(), f));
        if (at == null || !now.isBefore(at)) {
          due.add(f);
        }
      }
      if (due.isEmpty() || !inFlight.add(tenant.id())) {
        continue;
      }
      // The cadence is read per tick, so a changed schedule applies from the next due time.
      due.forEach(
          f ->
              nextDue.put(
                  new Due(tenant.id(), f),
                  now.plus(tenant.schedule(f.scheduleKey(), f.defaultCadence(config.schedule())))));
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
