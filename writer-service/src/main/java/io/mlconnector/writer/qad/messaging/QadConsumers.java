package io.mlconnector.writer.qad.messaging;

import io.mlconnector.common.event.Topics;
import io.mlconnector.common.kafka.EventConsumerLoop;
import io.mlconnector.common.kafka.EventPublisher;
import io.mlconnector.writer.config.WriterConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts the QAD side's two consumers, each in its own group so a QAD outage that holds back
 * invoice commands never holds back the receipts that would release other invoices.
 */
@ApplicationScoped
public class QadConsumers {
  private final Map<String, Object> kafkaConfig;
  private final WriterConfig config;
  private final InvoiceCommandHandler commands;
  private final ReceiptEventHandler receipts;
  private final EventPublisher publisher;
  private final List<EventConsumerLoop> loops = new ArrayList<>();

  public QadConsumers(
      @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
      WriterConfig config,
      InvoiceCommandHandler commands,
      ReceiptEventHandler receipts,
      EventPublisher publisher) {
    this.kafkaConfig = kafkaConfig;
    this.config = config;
    this.commands = commands;
    this.receipts = receipts;
    this.publisher = publisher;
  }

  synchronized void onStart(@Observes StartupEvent event) {
    if (!config.qad().enabled() || !loops.isEmpty()) {
      return;
    }
    loops.add(
        new EventConsumerLoop(
            kafkaConfig,
            config.consumerGroups().receipts(),
            List.of(Topics.QAD_PO_CHANGED),
            receipts,
            publisher));
    loops.add(
        new EventConsumerLoop(
            kafkaConfig,
            config.consumerGroups().qad(),
            List.of(Topics.QAD_INVOICE_POST),
            commands,
            publisher));
    loops.forEach(EventConsumerLoop::start);
  }

  synchronized void onStop(@Observes ShutdownEvent event) {
    loops.forEach(EventConsumerLoop::close);
    loops.clear();
  }
}
