package io.mlconnector.writer.qad.messaging;

import io.mlconnector.common.kafka.BatchHandler;
import io.mlconnector.common.kafka.ConsumedEvent;
import io.mlconnector.common.kafka.RecordFailure;
import io.mlconnector.writer.deferral.Deferral;
import io.mlconnector.writer.deferral.DeferredLane;
import io.mlconnector.writer.deferral.DeferredQueue;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code qad.invoice.post} with per-tenant deferral: a command whose tenant's QAD (or ServiceNow)
 * is unavailable, and every later command of an invoice with commands waiting, goes to the tenant's
 * deferred queue instead of holding back the partition; the queue is replayed one command at a time
 * through the same {@link InvoiceCommandHandler}, stopping at the first that still meets an outage.
 * No audit row: the invoice ledger already says where the invoice stands (RECEIVED, POSTING, …),
 * and an outage is not a failure of the invoice.
 */
@ApplicationScoped
public class InvoiceDeferredLane implements DeferredLane {
  static final String LANE = "qad.invoice";
  static final String STAGE = "writer.qad";

  private final InvoiceCommandHandler commands;
  private final Deferral deferral;

  public InvoiceDeferredLane(InvoiceCommandHandler commands, Deferral deferral) {
    this.commands = commands;
    this.deferral = deferral;
  }

  @Override
  public String name() {
    return LANE;
  }

  @Override
  public String stage() {
    return STAGE;
  }

  /** The consumer's handler: defers instead of failing on an outage (unless deferral is off). */
  BatchHandler consumer() {
    if (!deferral.enabled()) {
      return commands.oneAtATime();
    }
    return events -> {
      Set<String> waiting = new HashSet<>(deferral.waitingKeys(LANE, events));
      Set<Object> stopped = new HashSet<>();
      List<RecordFailure> failures = new ArrayList<>();
      for (ConsumedEvent e : events) {
        Object partition = List.of(e.where().topic(), e.where().partition());
        String key = DeferredQueue.orderKey(e);
        if (stopped.contains(partition)) {
          continue;
        }
        if (waiting.contains(key)) {
          deferral.defer(LANE, List.of(e), Deferral::behindQueue, false);
          continue;
        }
        try {
          commands.handle(e.event(), e.where());
        } catch (Exception failure) {
          if (!isOutage(failure)) {
            failures.add(RecordFailure.of(e.where(), failure));
            stopped.add(partition);
            continue;
          }
          deferral.defer(LANE, List.of(e), x -> String.valueOf(failure.getMessage()), false);
          waiting.add(key);
        }
      }
      return failures;
    };
  }

  @Override
  public List<ConsumedEvent> replay(List<ConsumedEvent> events) throws Exception {
    for (int i = 0; i < events.size(); i++) {
      try {
        commands.handle(events.get(i).event(), events.get(i).where());
      } catch (Exception failure) {
        if (!isOutage(failure)) {
          throw failure;
        }
        return events.subList(i, events.size());
      }
    }
    return List.of();
  }

  private static boolean isOutage(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (QadConsumers.TARGET_OUTAGE.test(t)) {
        return true;
      }
    }
    return false;
  }
}
