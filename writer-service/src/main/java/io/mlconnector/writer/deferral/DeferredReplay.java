package io.mlconnector.writer.deferral;

import io.micrometer.core.instrument.MeterRegistry;
import io.mlconnector.common.kafka.ConsumedEvent;
import io.mlconnector.common.kafka.Failures;
import io.mlconnector.common.kafka.KafkaConfig;
import io.mlconnector.common.kafka.RecordParker;
import io.mlconnector.writer.config.WriterConfig;
import io.mlconnector.writer.deferral.DeferredQueue.Deferred;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Replays each tenant's deferred records, oldest first, every {@code
 * mlc.writer.deferral.replay-interval}, with a growing pause per tenant while its target is still
 * unavailable. A replayed batch removes what was handled and keeps, in place, what still waits; so
 * records of one key go out in the order they were consumed. A record that keeps failing for
 * another reason (not an outage) is replayed alone and parked after {@code
 * mlc.kafka.consumer.max-attempts} attempts, so it cannot hold its tenant's queue forever.
 */
@ApplicationScoped
public class DeferredReplay {
  private static final Logger LOG = Logger.getLogger(DeferredReplay.class);
  private static final int MAX_BATCHES_PER_TICK = 20;

  /** A queue whose oldest records fail this long is logged as stalled (see StalledQueues). */
  private static final Duration STALLED_AFTER = Duration.ofMinutes(2);

  private final Instance<DeferredLane> lanes;
  private final DeferredQueue queue;
  private final ReplayLock lock;
  private final RecordParker parker;
  private final MeterRegistry metrics;
  private final WriterConfig.Deferral config;
  private final int maxAttempts;
  private final ReplayBackoff backoff;
  private final Deferral deferral;
  private final StalledQueues stalled = new StalledQueues(STALLED_AFTER);
  private final Set<String> replayAlone = new HashSet<>();

  public DeferredReplay(
      Instance<DeferredLane> lanes,
      DeferredQueue queue,
      ReplayLock lock,
      RecordParker parker,
      MeterRegistry metrics,
      WriterConfig config,
      KafkaConfig kafka,
      Deferral deferral) {
    this.lanes = lanes;
    this.queue = queue;
    this.lock = lock;
    this.parker = parker;
    this.metrics = metrics;
    this.config = config.deferral();
    this.maxAttempts = kafka.consumer().maxAttempts();
    this.backoff = new ReplayBackoff(this.config.retryBackoff(), this.config.maxRetryBackoff());
    this.deferral = deferral;
  }

  @Scheduled(
      every = "${mlc.writer.deferral.replay-interval:1s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    if (config.enabled()) {
      try {
        runOnce();
      } catch (RuntimeException e) {
        LOG.warnf("replay of deferred records failed: %s", Failures.describe(e));
      }
    }
  }

  /** One pass over every lane's tenants whose pause is over. */
  public synchronized void runOnce() {
    for (DeferredLane lane : lanes) {
      Set<String> waiting = queue.tenantsWaiting(lane.name());
      deferral.drainedExcept(lane.name(), waiting);
      for (String tenant : waiting) {
        if (backoff.due(lane.name(), tenant)) {
          lock.tryWith(lane.name(), tenant, () -> replayTenant(lane, tenant));
        }
      }
    }
  }

  private void replayTenant(DeferredLane lane, String tenant) {
    String key = lane.name() + "|" + tenant;
    int replayed = 0;
    try {
      replayed = replayBatches(lane, tenant, key);
    } finally {
      if (replayed > 0) {
        LOG.infof("tenant %s: replayed %d deferred %s records", tenant, replayed, lane.name());
      }
    }
  }

  /** Up to {@link #MAX_BATCHES_PER_TICK} batches; returns how many records left the queue. */
  private int replayBatches(DeferredLane lane, String tenant, String key) {
    int replayed = 0;
    for (int round = 0; round < MAX_BATCHES_PER_TICK; round++) {
      boolean alone = replayAlone.contains(key);
      List<Deferred> batch = queue.oldest(lane.name(), tenant, alone ? 1 : config.replayBatch());
      if (batch.isEmpty()) {
        backoff.succeeded(lane.name(), tenant);
        deferral.drained(lane.name(), tenant);
        stalled.moved(lane.name(), tenant);
        if (replayed > 0) {
          LOG.infof(
              "tenant %s: every deferred %s record replayed, its queue is empty",
              tenant, lane.name());
        }
        return replayed;
      }
      List<ConsumedEvent> kept;
      try {
        kept = lane.replay(batch.stream().map(Deferred::event).toList());
      } catch (Exception e) {
        failed(lane, tenant, key, batch.get(0), alone, e);
        return replayed;
      }
      replayAlone.remove(key);
      Set<Object> keptAt = new HashSet<>();
      kept.forEach(e -> keptAt.add(e.where()));
      List<Long> handled =
          batch.stream()
              .filter(d -> !keptAt.contains(d.event().where()))
              .map(Deferred::id)
              .toList();
      queue.remove(handled);
      replayed += handled.size();
      metrics
          .counter("mlc.writer.deferred.replayed", "lane", lane.name(), "tenant", tenant)
          .increment(handled.size());
      if (kept.isEmpty()) {
        stalled.moved(lane.name(), tenant);
        backoff.succeeded(lane.name(), tenant);
      } else if (handled.isEmpty()) {
        ConsumedEvent first = kept.get(0);
        stalled.stuck(
            lane.name(), tenant, kept.size(), first.event().sourceId() + " at " + first.where());
        backoff.paused(lane.name(), tenant);
        return replayed; // the target is still unavailable: try again after the pause
      } else {
        // The target answers but failed some (e.g. an answer lost on the way): go on at once with
        // what still waits. Pausing here drained a queue of thousands a few records per 30 s.
        stalled.moved(lane.name(), tenant);
        backoff.progressed(lane.name(), tenant);
      }
    }
    return replayed;
  }

  private void failed(
      DeferredLane lane, String tenant, String key, Deferred head, boolean alone, Exception e) {
    if (Failures.isTransient(e)) {
      LOG.warnf("replay of %s's deferred records waits: %s", tenant, Failures.describe(e));
      backoff.paused(lane.name(), tenant);
      return;
    }
    if (!alone) {
      replayAlone.add(key); // find the record that fails: the oldest, on its own
      return;
    }
    int attempts = backoff.failedAt(lane.name(), tenant, head.id());
    LOG.warnf(
        "replay of deferred %s at %s failed (attempt %d of %d): %s",
        head.event().event().sourceId(),
        head.event().where(),
        attempts,
        maxAttempts,
        Failures.describe(e));
    if (attempts >= maxAttempts) {
      parker.park(
          head.event(),
          lane.stage(),
          "failed " + attempts + " times in a row on replay: " + Failures.describe(e));
      queue.remove(List.of(head.id()));
      replayAlone.remove(key);
      backoff.succeeded(lane.name(), tenant);
    }
  }
}
