package io.mlconnector.writer.servicenow.messaging;

import io.mlconnector.common.audit.AuditEntry.KafkaCoordinates;
import io.mlconnector.common.audit.AuditStage;
import io.mlconnector.common.event.EnvelopeCodec;
import io.mlconnector.common.event.EnvelopeFormatException;
import io.mlconnector.common.event.Topics;
import io.mlconnector.common.kafka.EventPublisher;
import io.mlconnector.writer.servicenow.service.IncomingUpsert;
import io.mlconnector.writer.servicenow.service.RecordOutcome;
import io.mlconnector.writer.servicenow.service.StagingBatchProcessor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * One poll at a time, at least once, per-partition order kept: the whole poll goes to the {@link
 * StagingBatchProcessor} (so lookups can be batched), then each partition commits up to its first
 * record that failed, is rewound there, and is paused with a growing backoff; partitions without
 * failures go on. A malformed event goes to {@link Topics#DLQ}, as in common's EventConsumerLoop.
 */
final class StagingBatchLoop {
  private static final Logger LOG = Logger.getLogger(StagingBatchLoop.class);
  private static final Duration DLQ_TIMEOUT = Duration.ofSeconds(30);

  private final Consumer<String, byte[]> consumer;
  private final StagingBatchProcessor processor;
  private final EventPublisher dlq;
  private final PartitionPauses pauses;

  StagingBatchLoop(
      Consumer<String, byte[]> consumer,
      StagingBatchProcessor processor,
      EventPublisher dlq,
      PartitionPauses pauses) {
    this.consumer = consumer;
    this.processor = processor;
    this.dlq = dlq;
    this.pauses = pauses;
  }

  /** Polls once and handles what came. */
  void pollOnce() {
    pauses.resumeDue(consumer);
    ConsumerRecords<String, byte[]> batch = consumer.poll(Duration.ofMillis(500));
    if (batch.isEmpty()) {
      return;
    }
    Map<TopicPartition, Long> first = new HashMap<>();
    Map<TopicPartition, Long> next = new HashMap<>();
    try {
      List<IncomingUpsert> incoming = decode(batch, first, next);
      Map<TopicPartition, Long> failedAt = firstFailures(processor.process(incoming));
      Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
      next.forEach(
          (p, end) -> commits.put(p, new OffsetAndMetadata(failedAt.getOrDefault(p, end))));
      consumer.commitSync(commits);
      for (TopicPartition p : next.keySet()) {
        if (failedAt.containsKey(p)) {
          consumer.seek(p, failedAt.get(p));
          pauses.pause(consumer, p);
        } else {
          pauses.succeeded(p);
        }
      }
    } catch (RuntimeException e) {
      // Database, broker or a bug: nothing of this poll is committed; all of it comes again.
      LOG.errorf(e, "sn.upsert batch of %d record(s) failed; rewinding", batch.count());
      first.forEach(
          (p, offset) -> {
            consumer.seek(p, offset);
            pauses.pause(consumer, p);
          });
    }
  }

  private List<IncomingUpsert> decode(
      ConsumerRecords<String, byte[]> batch,
      Map<TopicPartition, Long> first,
      Map<TopicPartition, Long> next) {
    List<IncomingUpsert> out = new ArrayList<>();
    for (TopicPartition p : batch.partitions()) {
      for (ConsumerRecord<String, byte[]> r : batch.records(p)) {
        first.putIfAbsent(p, r.offset());
        next.put(p, r.offset() + 1);
        KafkaCoordinates where = new KafkaCoordinates(r.topic(), r.partition(), r.offset());
        try {
          out.add(new IncomingUpsert(EnvelopeCodec.read(r.value()), r.key(), where));
        } catch (EnvelopeFormatException malformed) {
          LOG.warnf(
              "unreadable event at %s, sent to %s: %s", where, Topics.DLQ, malformed.getMessage());
          dlq.publishRawAndAwait(
              Topics.DLQ, r.key(), r.value(), malformed.getMessage(), DLQ_TIMEOUT);
        }
      }
    }
    return out;
  }

  private static Map<TopicPartition, Long> firstFailures(List<RecordOutcome> outcomes) {
    Map<TopicPartition, Long> failedAt = new HashMap<>();
    for (RecordOutcome o : outcomes) {
      if (o.stage() == AuditStage.FAILED) {
        KafkaCoordinates w = o.record().where();
        failedAt.merge(new TopicPartition(w.topic(), w.partition()), w.offset(), Math::min);
      }
    }
    return failedAt;
  }
}
