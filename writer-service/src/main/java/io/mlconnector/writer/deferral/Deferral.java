package io.mlconnector.writer.deferral;

import io.micrometer.core.instrument.MeterRegistry;
import io.mlconnector.common.audit.AuditEntry;
import io.mlconnector.common.audit.AuditStage;
import io.mlconnector.common.audit.AuditTrail;
import io.mlconnector.common.event.PayloadHash;
import io.mlconnector.common.kafka.ConsumedEvent;
import io.mlconnector.writer.config.WriterConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * What the consumers ask before and after handling a poll: which keys already have records waiting
 * (their new records must queue behind them, so no key overtakes its own older record), and
 * deferring records whose target is unavailable, with an audit row each ({@code FAILED}, "deferred:
 * …"), instead of holding back the partition they came from.
 */
@ApplicationScoped
public class Deferral {
  private static final Logger LOG = Logger.getLogger(Deferral.class);

  private final DeferredQueue queue;
  private final AuditTrail audit;
  private final MeterRegistry metrics;
  private final boolean enabled;

  /** (lane|tenant)s this process deferred records of since their queue was last empty. */
  private final Set<String> deferring = ConcurrentHashMap.newKeySet();

  public Deferral(
      DeferredQueue queue, AuditTrail audit, MeterRegistry metrics, WriterConfig config) {
    this.queue = queue;
    this.audit = audit;
    this.metrics = metrics;
    this.enabled = config.deferral().enabled();
  }

  /** False: failures hold back their partition as before (the loop retries in place). */
  public boolean enabled() {
    return enabled;
  }

  /**
   * Which of these events must queue behind records already waiting: those whose key (order key,
   * see {@link DeferredQueue#orderKey}) has records in the lane's queue.
   */
  public Set<String> waitingKeys(String lane, List<ConsumedEvent> events) {
    return queue.keysWaiting(
        lane, events.stream().map(DeferredQueue::orderKey).collect(Collectors.toSet()));
  }

  /** The reason a record whose key has records waiting is not even tried. */
  public static String behindQueue(ConsumedEvent e) {
    return "queued behind earlier records of its key ("
        + DeferredQueue.orderKey(e)
        + ") that wait for their target";
  }

  /**
   * Appends the records (in the order given, which must be consumption order) with an audit row
   * each.
   */
  public void defer(String lane, List<ConsumedEvent> events, Function<ConsumedEvent, String> why) {
    defer(lane, events, why, true);
  }

  /**
   * The same; {@code audited} false where the stage keeps its own trail (the invoice ledger: a
   * deferred invoice is not FAILED).
   */
  public void defer(
      String lane,
      List<ConsumedEvent> events,
      Function<ConsumedEvent, String> why,
      boolean audited) {
    if (events.isEmpty()) {
      return;
    }
    queue.append(lane, events, why.apply(events.get(0)));
    started(lane, events, why);
    if (!audited) {
      count(lane, events);
      return;
    }
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                events.forEach(
                    e ->
                        audit.record(
                            AuditEntry.of(
                                    e.event(),
                                    AuditStage.FAILED,
                                    PayloadHash.of(e.event().payload()),
                                    e.where())
                                .withError(
                                    AuditStage.FAILED,
                                    "deferred, replayed in order once the target answers: "
                                        + why.apply(e)))));
    count(lane, events);
  }

  /** One line when a tenant's records start to wait, not one per record. */
  private void started(
      String lane, List<ConsumedEvent> events, Function<ConsumedEvent, String> why) {
    for (ConsumedEvent e : events) {
      String tenant = e.event().tenant();
      if (deferring.add(lane + "|" + tenant)) {
        LOG.infof(
            "tenant %s: deferring its %s records while the target is unavailable (replayed in"
                + " order once it answers): %s",
            tenant, lane, why.apply(e));
      }
    }
  }

  /**
   * The tenant's queue in this lane was found empty after a replay: the next deferred record starts
   * a new episode (and is logged).
   */
  public void drained(String lane, String tenant) {
    deferring.remove(lane + "|" + tenant);
  }

  /**
   * Every tenant of the lane not in {@code waiting} has an empty queue (e.g. replayed elsewhere).
   */
  public void drainedExcept(String lane, Set<String> waiting) {
    deferring.removeIf(
        k -> k.startsWith(lane + "|") && !waiting.contains(k.substring(lane.length() + 1)));
  }

  private void count(String lane, List<ConsumedEvent> events) {
    events.forEach(
        e ->
            metrics
                .counter("mlc.writer.deferred", "lane", lane, "tenant", e.event().tenant())
                .increment());
  }
}
