package io.mlconnector.common.kafka;

import io.mlconnector.common.retry.GrowingDelay;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * The one consumer loop of every service: at least once, in order per partition, no record ever
 * skipped. One thread polls and hands the readable events of each poll to a {@link BatchHandler};
 * then every partition commits up to its first failed record and resumes there.
 *
 * <ul>
 *   <li>A failed record holds back only its own partition: it is rewound to and paused with a
 *       growing backoff while the other partitions go on.
 *   <li>Unreadable bytes go to {@code mlc.dlq}; while the dead-letter topic is unavailable the
 *       partition waits at that record (retried with backoff), the others flow.
 *   <li>A record that fails {@link LoopSettings#maxAttempts} times in a row the same way, not being
 *       a transient kind ({@link Failures#isTransient}), is parked with the exception as reason and
 *       its partition moves on.
 *   <li>Any other failure (poll, commit, seek, resume, a bug) rewinds every assigned partition to
 *       its committed offset before the next poll, retrying the rewind until it works; the thread
 *       never ends before {@link #close}. Until a poll succeeds again the loop is not ready.
 * </ul>
 */
public final class EventConsumerLoop implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(EventConsumerLoop.class);
  private static final GrowingDelay LOOP_BACKOFF =
      new GrowingDelay(Duration.ofMillis(400), Duration.ofSeconds(30));

  private final Consumer<String, byte[]> consumer;
  private final LoopSettings settings;
  private final BatchHandler handler;
  private final EventPublisher dlq;
  private final Settlement settlement;
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicBoolean assigned = new AtomicBoolean();
  private final Thread thread;
  private volatile String trouble = "not started";
  private boolean rewindPending;

  public EventConsumerLoop(
      Consumer<String, byte[]> consumer,
      LoopSettings settings,
      BatchHandler handler,
      EventPublisher dlq,
      RecordParker parker) {
    this.consumer = consumer;
    this.settings = settings;
    this.handler = handler;
    this.dlq = dlq;
    this.settlement = new Settlement(consumer, settings, parker);
    this.thread = new Thread(this::run, "consumer-" + settings.groupId());
  }

  public void start() {
    if (running.compareAndSet(false, true)) {
      thread.start();
    }
  }

  private void run() {
    int failures = 0;
    try {
      while (running.get()) {
        try {
          if (consumer.subscription().isEmpty() && consumer.assignment().isEmpty()) {
            consumer.subscribe(settings.topics(), new AssignmentTracker());
          }
          if (rewindPending) {
            rewindToCommitted();
          }
          settlement.resumeDue();
          ConsumerRecords<String, byte[]> batch = consumer.poll(Duration.ofMillis(500));
          trouble = null;
          failures = 0;
          if (!batch.isEmpty()) {
            settlement.settle(new BatchRound(settings, handler, dlq), batch);
          }
        } catch (WakeupException stopping) {
          if (!running.get()) {
            break;
          }
        } catch (RuntimeException e) {
          // Positions may be past records that were polled but not handled: go back to the
          // committed offsets before polling again, or a later commit would skip them.
          failures++;
          rewindPending = true;
          trouble = Failures.describe(e);
          LOG.errorf(e, "consumer %s failed; rewinding to committed offsets", settings.groupId());
          sleep(LOOP_BACKOFF.nth(failures));
        }
      }
    } finally {
      assigned.set(false);
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private void rewindToCommitted() {
    Set<TopicPartition> assignment = consumer.assignment();
    Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(assignment);
    for (TopicPartition p : assignment) {
      OffsetAndMetadata offset = committed.get(p);
      if (offset != null) {
        consumer.seek(p, offset.offset());
      } else {
        consumer.seekToBeginning(List.of(p));
      }
    }
    rewindPending = false;
  }

  /** True while the loop runs, has its partitions and its last poll worked. */
  public boolean ready() {
    return running.get() && thread.isAlive() && assigned.get() && trouble == null;
  }

  /** For the readiness check: what the loop is doing. */
  public String state() {
    if (!running.get() || !thread.isAlive()) {
      return "stopped";
    }
    if (trouble != null) {
      return "failing: " + trouble;
    }
    return assigned.get() ? "consuming" : "waiting for partitions";
  }

  public String groupId() {
    return settings.groupId();
  }

  /** Readiness follows the group; a lost partition forgets its pauses and failure counts. */
  private final class AssignmentTracker implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      assigned.set(false);
      settlement.revoked(partitions);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      assigned.set(true);
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    if (running.compareAndSet(true, false)) {
      consumer.wakeup();
      try {
        thread.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
