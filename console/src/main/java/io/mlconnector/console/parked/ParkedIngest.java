package io.mlconnector.console.parked;

import io.mlconnector.common.event.Topics;
import io.mlconnector.common.kafka.ConsumedEvent;
import io.mlconnector.common.kafka.ConsumerLoops;
import io.mlconnector.common.kafka.EventConsumerLoop;
import io.mlconnector.common.kafka.RecordFailure;
import io.mlconnector.console.config.ConsoleConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * Keeps {@code parked_record} up to date from {@code mlc.parked}, in the console's own consumer
 * group (one loop of common's {@link ConsumerLoops}). A failure here is the database being away: it
 * is retried in place and never parked, or the console would park onto the topic it reads.
 */
@ApplicationScoped
public class ParkedIngest {
  private static final int MAX_POLL_RECORDS = 200;

  private final ConsumerLoops loops;
  private final ParkedStore store;
  private final String groupId;
  private EventConsumerLoop loop;

  public ParkedIngest(ConsumerLoops loops, ParkedStore store, ConsoleConfig config) {
    this.loops = loops;
    this.store = store;
    this.groupId = config.parked().consumerGroup();
  }

  synchronized void onStart(@Observes StartupEvent event) {
    if (loop == null) {
      loop =
          loops.start(
              loops.settings("console", groupId, List.of(Topics.PARKED)).withTransient(f -> true),
              MAX_POLL_RECORDS,
              this::keepAll);
    }
  }

  synchronized void onStop(@Observes ShutdownEvent event) {
    if (loop != null) {
      loops.stop(loop);
      loop = null;
    }
  }

  private List<RecordFailure> keepAll(List<ConsumedEvent> events) {
    for (ConsumedEvent e : events) {
      store.keep(e.event(), e.key(), e.where().partition(), e.where().offset());
    }
    return List.of();
  }
}
