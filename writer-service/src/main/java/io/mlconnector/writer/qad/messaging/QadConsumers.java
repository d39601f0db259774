package io.mlconnector.writer.qad.messaging;

import io.mlconnector.common.event.Topics;
import io.mlconnector.common.kafka.ConsumerLoops;
import io.mlconnector.common.kafka.EventConsumerLoop;
import io.mlconnector.qadclient.QadAuthException;
import io.mlconnector.qadclient.QadUnavailableException;
import io.mlconnector.snclient.error.ServiceNowAuthException;
import io.mlconnector.snclient.error.ServiceNowResponseFormatException;
import io.mlconnector.snclient.error.ServiceNowUnavailableException;
import io.mlconnector.writer.config.WriterConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Starts the QAD side's two consumers on common's consumer loop, each in its own group so a QAD
 * outage that holds back invoice commands never holds back the receipts that would release other
 * invoices.
 */
@ApplicationScoped
public class QadConsumers {
  private static final int MAX_POLL_RECORDS = 500;

  /**
   * Outages of QAD or ServiceNow (down, throttled, unreadable answers, credentials): the command
   * waits for its target, it is never parked for them.
   */
  static final Predicate<Throwable> TARGET_OUTAGE =
      t ->
          t instanceof QadUnavailableException
              || t instanceof QadAuthException
              || t instanceof ServiceNowUnavailableException
              || t instanceof ServiceNowAuthException
              || t instanceof ServiceNowResponseFormatException;

  private final WriterConfig config;
  private final InvoiceDeferredLane commands;
  private final ReceiptEventHandler receipts;
  private final ConsumerLoops loops;
  private final List<EventConsumerLoop> started = new ArrayList<>();

  public QadConsumers(
      WriterConfig config,
      InvoiceDeferredLane commands,
      ReceiptEventHandler receipts,
      ConsumerLoops loops) {
    this.config = config;
    this.commands = commands;
    this.receipts = receipts;
    this.loops = loops;
  }

  synchronized void onStart(@Observes StartupEvent event) {
    if (!config.qad().enabled() || !started.isEmpty()) {
      return;
    }
    started.add(
        loops.start(
            loops
                .settings(
                    "writer.receipts",
                    config.consumerGroups().receipts(),
                    List.of(Topics.QAD_PO_CHANGED))
                .withTransient(TARGET_OUTAGE),
            MAX_POLL_RECORDS,
            receipts.oneAtATime()));
    started.add(
        loops.start(
            loops
                .settings(
                    "writer.qad", config.consumerGroups().qad(), List.of(Topics.QAD_INVOICE_POST))
                .withTransient(TARGET_OUTAGE),
            MAX_POLL_RECORDS,
            commands.consumer()));
  }

  synchronized void onStop(@Observes ShutdownEvent event) {
    started.forEach(loops::stop);
    started.clear();
  }
}
