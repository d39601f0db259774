package io.mlconnector.qadpoller.poll;

import io.mlconnector.common.event.EntityType;
import io.mlconnector.common.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * Runs a tenant's entity families, one run per tenant at a time, and remembers the last run of each
 * entity. A failure stops its family (lines are not polled past a failed header poll) and is logged
 * as one line; it never reaches other tenants.
 */
@ApplicationScoped
public class TenantPollRunner {
  private static final Logger LOG = Logger.getLogger(TenantPollRunner.class);

  private final EntityPoller poller;
  private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
  private final Map<String, Map<String, EntityRun>> lastRuns = new ConcurrentHashMap<>();

  public TenantPollRunner(EntityPoller poller) {
    this.poller = poller;
  }

  /** Every family now, waiting for a scheduled run of the same tenant to finish first. */
  public List<EntityRun> runAll(Tenant tenant) {
    ReentrantLock lock = lock(tenant.id());
    lock.lock();
    try {
      List<EntityRun> runs = new ArrayList<>();
      for (EntityFamily family : EntityFamily.values()) {
        runs.addAll(runFamily(tenant, family));
      }
      return runs;
    } finally {
      lock.unlock();
    }
  }

  /** The given families, unless the tenant is already being polled. */
  public Optional<List<EntityRun>> tryRun(Tenant tenant, List<EntityFamily> families) {
    ReentrantLock lock = lock(tenant.id());
    if (!lock.tryLock()) {
      return Optional.empty();
    }
    try {
      List<EntityRun> runs = new ArrayList<>();
      families.forEach(f -> runs.addAll(runFamily(tenant, f)));
      return Optional.of(runs);
    } finally {
      lock.unlock();
    }
  }

  /** The last run of each entity of a tenant. */
  public Map<String, EntityRun> lastRuns(String tenant) {
    return Map.copyOf(lastRuns.getOrDefault(tenant, Map.of()));
  }

  private List<EntityRun> runFamily(Tenant tenant, EntityFamily family) {
    List<EntityRun> runs = new ArrayList<>();
    for (EntityType entity : family.entities()) {
      EntityPoller.Counts counts = new EntityPoller.Counts();
      Instant started = Instant.now();
      EntityRun run;
      try {
        run = poller.poll(tenant, entity, counts);
      } catch (RuntimeException e) {
        LOG.warnf(
            "QAD poll of tenant %s, %s failed after %d event(s); cursor kept: %s",
            tenant.id(), entity.wireName(), counts.published.get(), e.getMessage());
        LOG.debug("poll failure detail", e);
        run = counts.toRun(entity, false, started, e.getMessage());
      }
      lastRuns.computeIfAbsent(tenant.id(), t -> new ConcurrentHashMap<>()).put(run.entity(), run);
      runs.add(run);
      if (run.error() != null) {
        break;
      }
    }
    return runs;
  }

  private ReentrantLock lock(String tenant) {
    return locks.computeIfAbsent(tenant, t -> new ReentrantLock());
  }
}
