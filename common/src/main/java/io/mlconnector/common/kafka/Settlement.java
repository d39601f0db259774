package io.mlconnector.common.kafka;

import io.mlconnector.common.kafka.BatchRound.Partition;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * After a poll: each partition commits up to its first failed record and resumes there, paused with
 * its own backoff, or, once that record failed {@link LoopSettings#maxAttempts} times the same way,
 * parks it and moves on. Used only by the consumer thread.
 */
final class Settlement {
  private static final Logger LOG = Logger.getLogger(Settlement.class);

  private final Consumer<String, byte[]> consumer;
  private final LoopSettings settings;
  private final RecordParker parker;
  private final PartitionPauses pauses;
  private final RepeatedFailures repeated = new RepeatedFailures();

  Settlement(Consumer<String, byte[]> consumer, LoopSettings settings, RecordParker parker) {
    this.consumer = consumer;
    this.settings = settings;
    this.parker = parker;
    this.pauses = new PartitionPauses(settings.retryBackoff(), settings.maxRetryBackoff());
  }

  void resumeDue() {
    pauses.resumeDue(consumer);
  }

  /** A partition this consumer lost forgets its pause and its failure count. */
  void revoked(Collection<TopicPartition> partitions) {
    pauses.revoked(partitions);
    repeated.revoked(partitions);
  }

  /** Commits each partition up to its first failure and resumes it there (or parks the record). */
  void settle(BatchRound round, ConsumerRecords<String, byte[]> batch) {
    List<Partition> partitions = round.run(batch);
    Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
    Map<TopicPartition, Long> rewinds = new HashMap<>();
    Set<TopicPartition> held = new HashSet<>();
    for (Partition p : partitions) {
      RecordFailure f = p.failure();
      if (f == null) {
        commits.put(p.partition(), new OffsetAndMetadata(p.end()));
        repeated.clear(p.partition());
        pauses.succeeded(p.partition());
      } else if (parkedAfterRepeats(round, p.partition(), f)) {
        commits.put(p.partition(), new OffsetAndMetadata(f.where().offset() + 1));
        rewinds.put(p.partition(), f.where().offset() + 1);
        repeated.clear(p.partition());
        pauses.succeeded(p.partition());
      } else {
        commits.put(p.partition(), new OffsetAndMetadata(f.where().offset()));
        rewinds.put(p.partition(), f.where().offset());
        held.add(p.partition());
      }
    }
    consumer.commitSync(commits);
    rewinds.forEach(consumer::seek);
    held.forEach(p -> pauses.pause(consumer, p));
  }

  private boolean parkedAfterRepeats(BatchRound round, TopicPartition p, RecordFailure f) {
    boolean countable = !settings.isTransient(f) && f.cause() != null;
    int attempts =
        countable ? repeated.failed(p, f.where().offset(), Failures.signature(f.cause())) : 0;
    LOG.warnf(
        "%s: record at %s failed%s: %s",
        settings.groupId(),
        f.where(),
        countable ? " (attempt " + attempts + " of " + settings.maxAttempts() + ")" : "",
        f.reason());
    ConsumedEvent event = round.event(f.where());
    if (!countable || attempts < settings.maxAttempts() || event == null) {
      return false;
    }
    String reason =
        "failed " + attempts + " times in a row in " + settings.stage() + ": " + f.reason();
    try {
      parker.park(event, settings.stage(), reason);
      LOG.warnf("%s: parked the record at %s: %s", settings.groupId(), f.where(), reason);
      return true;
    } catch (RuntimeException e) {
      LOG.errorf(e, "%s: cannot park the record at %s; it stays", settings.groupId(), f.where());
      return false;
    }
  }
}
