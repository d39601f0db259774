package io.mlconnector.pollercore.run;

import io.mlconnector.common.tenant.Tenant;
import io.mlconnector.pollercore.health.ReadStalledException;
import io.mlconnector.pollercore.health.ReadStalls;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs a tenant's families, one run per tenant at a time, and remembers the last run of each entity
 * or table. A failure stops its family (lines are not polled past a failed header poll) and is
 * logged as one line; it never reaches other tenants.
 *
 * <p>A poller extends it with its family type {@code F}, its poll target {@code T} (an entity, a
 * table) and its run record {@code R}, and says how one target is polled. A target whose reader
 * stalls ({@link ReadStalledException}) is recorded in {@link ReadStalls} until a poll of it
 * completes.
 */
public abstract class TenantPolls<F, T, R extends TargetRun> {
  private final Logger log = Logger.getLogger(getClass());
  private final String system;
  private final RunFactory<R> runs;
  private final ReadStalls stalls;
  private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
  private final Map<String, Map<String, R>> lastRuns = new ConcurrentHashMap<>();

  /**
   * @param system the source system named in failure log lines, e.g. {@code QAD}
   */
  protected TenantPolls(String system, RunFactory<R> runs, ReadStalls stalls) {
    this.system = system;
    this.runs = runs;
    this.stalls = stalls;
  }

  /** The source system, as log lines and API answers name it, e.g. {@code QAD}. */
  public String system() {
    return system;
  }

  /** Every family, in polling order. */
  protected abstract List<F> families();

  /** The targets of a family, in polling order. */
  protected abstract List<T> targetsOf(F family);

  /** The entity (wire name) whose events and published versions a target's reads make. */
  protected abstract String entityOf(T target);

  /** The name of a target's cursor and last run, e.g. {@code gl-account}. */
  protected abstract String nameOf(T target);

  /** Polls one target; throws when the source or the broker fails. */
  protected abstract R poll(Tenant tenant, T target, PollCounts counts);

  /** Runs {@code work} now, waiting for a scheduled run of the same tenant to finish first. */
  protected final <X> X whenIdle(Tenant tenant, Supplier<X> work) {
    ReentrantLock lock = lock(tenant.id());
    lock.lock();
    try {
      return work.get();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Every entity this poller publishes, with the names of the cursors whose reads publish it, in
   * polling order: what an operator's reset of one entity moves back.
   */
  public Map<String, List<String>> cursorsByEntity() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (F family : families()) {
      for (T target : targetsOf(family)) {
        out.computeIfAbsent(entityOf(target), e -> new ArrayList<>()).add(nameOf(target));
      }
    }
    return out;
  }

  /** Runs an operator's change of a tenant's poll state once no poll of the tenant runs. */
  public void betweenPolls(Tenant tenant, Runnable change) {
    whenIdle(
        tenant,
        () -> {
          change.run();
          return null;
        });
  }

  /** Runs {@code work} unless the tenant is already being polled. */
  protected final <X> Optional<X> ifIdle(Tenant tenant, Supplier<X> work) {
    ReentrantLock lock = lock(tenant.id());
    if (!lock.tryLock()) {
      return Optional.empty();
    }
    try {
      return Optional.of(work.get());
    } finally {
      lock.unlock();
    }
  }

  /** The last run of each target of a tenant, by name. */
  public Map<String, R> lastRuns(String tenant) {
    return Map.copyOf(lastRuns.getOrDefault(tenant, Map.of()));
  }

  /** Polls the family's targets in order, up to the first failure. */
  protected List<R> runFamily(Tenant tenant, F family) {
    List<R> out = new ArrayList<>();
    for (T target : targetsOf(family)) {
      PollCounts counts = new PollCounts();
      Instant started = Instant.now();
      String name = nameOf(target);
      R run;
      try {
        run = poll(tenant, target, counts);
        stalls.progressed(tenant.id(), name);
      } catch (RuntimeException e) {
        if (e instanceof ReadStalledException) {
          stalls.stalled(tenant.id(), name, e.getMessage());
        }
        log.warnf(
            "%s poll of tenant %s, %s failed after %d event(s); cursor kept: %s",
            system, tenant.id(), name, counts.published(), e.getMessage());
        log.debug("poll failure detail", e);
        run = counts.toRun(runs, name, false, started, String.valueOf(e.getMessage()));
      }
      lastRuns.computeIfAbsent(tenant.id(), t -> new ConcurrentHashMap<>()).put(name, run);
      out.add(run);
      if (run.error() != null) {
        break;
      }
    }
    return out;
  }

  private ReentrantLock lock(String tenant) {
    return locks.computeIfAbsent(tenant, t -> new ReentrantLock());
  }
}
