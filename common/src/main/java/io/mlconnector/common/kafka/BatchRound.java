package io.mlconnector.common.kafka;

import io.mlconnector.common.audit.AuditEntry.KafkaCoordinates;
import io.mlconnector.common.event.EnvelopeCodec;
import io.mlconnector.common.event.EnvelopeFormatException;
import io.mlconnector.common.event.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * One poll's records through decoding and the handler: which events were readable, and where each
 * partition has to resume. Every failure is the failure of one partition at one record; nothing a
 * record does can stop another partition.
 */
final class BatchRound {
  private static final Logger LOG = Logger.getLogger(BatchRound.class);
  private static final Duration DLQ_TIMEOUT = Duration.ofSeconds(30);

  /** A partition of the poll: its records' range and the first record that failed, if any. */
  record Partition(TopicPartition partition, long end, RecordFailure failure) {}

  private final LoopSettings settings;
  private final BatchHandler handler;
  private final EventPublisher dlq;
  private final Map<TopicPartition, RecordFailure> failures = new HashMap<>();
  private final Map<KafkaCoordinates, ConsumedEvent> readable = new LinkedHashMap<>();

  BatchRound(LoopSettings settings, BatchHandler handler, EventPublisher dlq) {
    this.settings = settings;
    this.handler = handler;
    this.dlq = dlq;
  }

  /** Decodes and handles the poll; returns every partition of it with its first failure. */
  List<Partition> run(ConsumerRecords<String, byte[]> batch) {
    for (TopicPartition p : batch.partitions()) {
      decode(p, batch.records(p));
    }
    List<ConsumedEvent> events = new ArrayList<>(readable.values());
    try {
      handler.handle(events).forEach(this::failed);
    } catch (Exception wholeBatch) {
      LOG.warnf(
          "%s: a batch of %d event(s) failed (%s); handling them one at a time",
          settings.groupId(), events.size(), Failures.describe(wholeBatch));
      oneAtATime(events);
    }
    List<Partition> out = new ArrayList<>();
    for (TopicPartition p : batch.partitions()) {
      List<ConsumerRecord<String, byte[]>> records = batch.records(p);
      out.add(new Partition(p, records.get(records.size() - 1).offset() + 1, failures.get(p)));
    }
    return out;
  }

  /** The readable event at these coordinates, if it was one. */
  ConsumedEvent event(KafkaCoordinates where) {
    return readable.get(where);
  }

  private void decode(TopicPartition p, List<ConsumerRecord<String, byte[]>> records) {
    for (ConsumerRecord<String, byte[]> r : records) {
      KafkaCoordinates where = new KafkaCoordinates(r.topic(), r.partition(), r.offset());
      try {
        readable.put(
            where,
            new ConsumedEvent(
                EnvelopeCodec.read(r.value(), settings.maxRecordBytes()), r.key(), where));
      } catch (EnvelopeFormatException malformed) {
        if (!deadLetter(r, where, malformed.getMessage())) {
          return; // the partition resumes at this record; the events before it are handled
        }
      }
    }
  }

  private boolean deadLetter(ConsumerRecord<String, byte[]> r, KafkaCoordinates where, String why) {
    try {
      dlq.publishRawAndAwait(Topics.DLQ, r.key(), r.value(), why, DLQ_TIMEOUT);
      LOG.warnf("unreadable event at %s, sent to %s: %s", where, Topics.DLQ, why);
      return true;
    } catch (RuntimeException e) {
      failed(
          RecordFailure.retry(
              where, "unreadable (" + why + ") and the dead-letter topic is unavailable: " + e));
      return false;
    }
  }

  private void oneAtATime(List<ConsumedEvent> events) {
    for (ConsumedEvent e : events) {
      TopicPartition p = partitionOf(e.where());
      if (failures.containsKey(p)) {
        continue;
      }
      try {
        handler.handle(List.of(e)).forEach(this::failed);
      } catch (Exception failure) {
        failed(RecordFailure.of(e.where(), failure));
      }
    }
  }

  /** Keeps the earliest failure of each partition. */
  private void failed(RecordFailure f) {
    failures.merge(
        partitionOf(f.where()), f, (a, b) -> a.where().offset() <= b.where().offset() ? a : b);
  }

  static TopicPartition partitionOf(KafkaCoordinates where) {
    return new TopicPartition(where.topic(), where.partition());
  }
}
