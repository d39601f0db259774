package io.mlconnector.writer.deferral;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mlconnector.common.audit.AuditEntry.KafkaCoordinates;
import io.mlconnector.common.event.EntityType;
import io.mlconnector.common.event.EventEnvelope;
import io.mlconnector.common.event.SourceSystem;
import io.mlconnector.common.kafka.ConsumedEvent;
import io.mlconnector.common.kafka.KafkaConfig;
import io.mlconnector.writer.config.WriterConfig;
import jakarta.enterprise.inject.Instance;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A tenant whose target answers but loses some answers (ServiceNow's Table API one row at a time:
 * the first failed row fails the rest of its batch) must still have its deferred queue drained at
 * the rate the target allows. Seen in a full chaos run: acme's 4,900 deferred records drained a few
 * per replay with a pause of up to 30 s after each, because every replay that kept one record
 * paused the tenant although it had just written others.
 */
class DeferredReplayTest {
  private static final String LANE = "servicenow";

  /** Fails every third record it is given and, like one-by-one writes, keeps the rest after it. */
  private static class LossyTarget implements DeferredLane {
    private int calls;
    final List<String> written = new ArrayList<>();

    @Override
    public String name() {
      return LANE;
    }

    @Override
    public String stage() {
      return "writer.servicenow";
    }

    @Override
    public List<ConsumedEvent> replay(List<ConsumedEvent> events) {
      for (int i = 0; i < events.size(); i++) {
        if (++calls % 3 == 0) {
          return events.subList(i, events.size());
        }
        written.add(events.get(i).event().sourceId());
      }
      return List.of();
    }
  }

  /** The queue in memory: what {@link DeferredReplay} reads and removes. */
  private static final class InMemoryQueue extends DeferredQueue {
    final List<Deferred> waiting = new ArrayList<>();

    InMemoryQueue(int records) {
      super(null);
      for (int i = 0; i < records; i++) {
        waiting.add(new Deferred(i, event("P" + i, i)));
      }
    }

    @Override
    public Set<String> tenantsWaiting(String lane) {
      return waiting.isEmpty() ? Set.of() : Set.of("acme");
    }

    @Override
    public List<Deferred> oldest(String lane, String tenant, int limit) {
      return List.copyOf(waiting.subList(0, Math.min(limit, waiting.size())));
    }

    @Override
    public void remove(Collection<Long> ids) {
      waiting.removeIf(d -> ids.contains(d.id()));
    }
  }

  @Test
  void aTargetThatAnswersButLosesSomeAnswersHasItsQueueDrainedWithoutPausing() {
    InMemoryQueue queue = new InMemoryQueue(60);
    LossyTarget target = new LossyTarget();
    DeferredReplay replay = replay(queue, target);

    replay.runOnce();
    replay.runOnce(); // right after: a tenant that made progress is not paused

    assertThat(queue.waiting).isEmpty();
    assertThat(target.written).hasSize(60).doesNotHaveDuplicates();
    assertThat(target.written).isSortedAccordingTo(DeferredReplayTest::byNumber);
  }

  @Test
  void aTargetThatFailsEverythingPausesTheTenant() {
    InMemoryQueue queue = new InMemoryQueue(10);
    List<Integer> tries = new ArrayList<>();
    DeferredLane down =
        new LossyTarget() {
          @Override
          public List<ConsumedEvent> replay(List<ConsumedEvent> events) {
            tries.add(events.size());
            return events;
          }
        };
    DeferredReplay replay = replay(queue, down);

    replay.runOnce();
    replay.runOnce();
    replay.runOnce();

    assertThat(tries).hasSize(1); // asked once, then left alone for the pause
    assertThat(queue.waiting).hasSize(10);
  }

  private static int byNumber(String a, String b) {
    return Integer.compare(Integer.parseInt(a.substring(1)), Integer.parseInt(b.substring(1)));
  }

  private static DeferredReplay replay(DeferredQueue queue, DeferredLane lane) {
    WriterConfig config =
        config(
            WriterConfig.class,
            Map.of(
                "deferral",
                config(
                    WriterConfig.Deferral.class,
                    Map.of(
                        "enabled",
                        true,
                        "retryBackoff",
                        Duration.ofSeconds(10),
                        "maxRetryBackoff",
                        Duration.ofSeconds(30),
                        "replayBatch",
                        7))));
    KafkaConfig kafka =
        config(
            KafkaConfig.class,
            Map.of("consumer", config(KafkaConfig.Consumer.class, Map.of("maxAttempts", 5))));
    ReplayLock lock =
        new ReplayLock(null) {
          @Override
          public boolean tryWith(String lane, String tenant, Runnable work) {
            work.run();
            return true;
          }
        };
    Deferral deferral = new Deferral(queue, null, new SimpleMeterRegistry(), config);
    return new DeferredReplay(
        lanes(lane),
        queue,
        lock,
        (event, stage, reason) -> {
          throw new AssertionError("nothing is parked here: " + reason);
        },
        new SimpleMeterRegistry(),
        config,
        kafka,
        deferral);
  }

  @SuppressWarnings("unchecked")
  private static Instance<DeferredLane> lanes(DeferredLane lane) {
    return (Instance<DeferredLane>)
        Proxy.newProxyInstance(
            DeferredReplayTest.class.getClassLoader(),
            new Class<?>[] {Instance.class},
            (proxy, method, args) -> {
              if (method.getName().equals("iterator")) {
                return List.of(lane).iterator();
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }

  /** A config interface answering the given values by method name. */
  @SuppressWarnings("unchecked")
  private static <T> T config(Class<T> type, Map<String, Object> values) {
    return (T)
        Proxy.newProxyInstance(
            DeferredReplayTest.class.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> {
              if (!values.containsKey(method.getName())) {
                throw new UnsupportedOperationException(type.getSimpleName() + "." + method);
              }
              return values.get(method.getName());
            });
  }

  private static ConsumedEvent event(String sourceId, long offset) {
    return new ConsumedEvent(
        EventEnvelope.create(
            "acme",
            EntityType.PURCHASE_ORDER,
            SourceSystem.CONNECTOR,
            sourceId,
            "v1",
            Instant.parse("2026-01-01T00:00:00Z"),
            JsonNodeFactory.instance.objectNode()),
        "acme|po|" + sourceId,
        new KafkaCoordinates("sn.upsert", 0, offset));
  }
}
