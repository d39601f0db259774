package io.mlconnector.qadpoller;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.common.event.EntityType;
import io.mlconnector.common.event.Topics;
import io.mlconnector.common.kafka.EventPublisher;
import io.mlconnector.common.kafka.PublishException;
import io.mlconnector.qadpoller.cursor.CursorStore;
import io.mlconnector.qadpoller.poll.TenantPollRunner;
import io.mlconnector.sandbox.qad.QadEntity;
import io.mlconnector.sandbox.qad.QadRow;
import io.mlconnector.sandbox.qad.QadTenant;
import io.mlconnector.sandbox.seed.SeedSize;
import io.mlconnector.stack.SharedStack;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

/**
 * A poll reads its next page from QAD while the previous page is published, and that read-ahead
 * neither reorders nor loses records, nor publishes past a page the broker refused.
 */
@QuarkusTest
@QuarkusTestResource(PollerStackResource.class)
class PipelinedPollTest extends QadWorldTest {
  /** GL accounts over six pages of 100. */
  static final SeedSize GL_PAGES = new SeedSize(10, 5, 600, 10, 5, 5);

  @Inject EventPublisher publisher;
  @Inject CursorStore cursors;
  @Inject TenantPollRunner runner;

  /** The real publisher, with a look at each GL page before it goes to the broker. */
  static final class WatchedPublisher extends EventPublisher {
    final EventPublisher real;
    final AtomicInteger glPages = new AtomicInteger();
    volatile Consumer<Integer> beforeGlPage = page -> {};

    WatchedPublisher(EventPublisher real) {
      super(SharedStack.endpoints().kafkaAdminSettings());
      this.real = real;
    }

    @Override
    public List<RecordMetadata> publishAndAwait(List<Outgoing> events, Duration timeout) {
      if (events.get(0).event().entity() == EntityType.GL_ACCOUNT) {
        beforeGlPage.accept(glPages.incrementAndGet());
      }
      return real.publishAndAwait(events, timeout);
    }
  }

  private WatchedPublisher watched() {
    WatchedPublisher w = new WatchedPublisher(ClientProxy.unwrap(publisher));
    QuarkusMock.installMockForType(w, EventPublisher.class);
    return w;
  }

  private static long qadCalls(QadTenant qad) {
    return qad.counters().snapshot().values().stream().mapToLong(Long::longValue).sum();
  }

  @Test
  void readsTheNextPageWhileThePreviousIsPublished() throws Exception {
    QadTenant qad = world.tenant("readahead", 41, GL_PAGES);
    WatchedPublisher w = watched();
    AtomicBoolean readWhilePublishing = new AtomicBoolean();
    w.beforeGlPage =
        page -> {
          if (page == 1) {
            long before = qadCalls(qad);
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (qadCalls(qad) == before && System.nanoTime() < until) {
              Thread.onSpinWait();
            }
            readWhilePublishing.set(qadCalls(qad) > before);
          }
        };

    QadPollerTest.run(qad.name());

    assertThat(readWhilePublishing).as("QAD read while the first page was published").isTrue();
    assertGlPublishedOnceInReadOrder(qad);
    List<QadRow> gl = qad.table(QadEntity.GL_ACCOUNT).all();
    assertThat(cursors.find(qad.name(), "gl-account").orElseThrow().lastModified())
        .isEqualTo(gl.get(gl.size() - 1).modified());
  }

  @Test
  void nothingReadAfterARefusedPageIsPublished() throws Exception {
    QadTenant qad = world.tenant("refused", 42, GL_PAGES);
    WatchedPublisher w = watched();
    w.beforeGlPage =
        page -> {
          if (page == 3) {
            // Let the reader get ahead of the refused page before refusing it.
            long before = qadCalls(qad);
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (qadCalls(qad) < before + 2 && System.nanoTime() < until) {
              Thread.onSpinWait();
            }
          }
          if (page >= 3) {
            throw new PublishException("broker did not acknowledge the page", null);
          }
        };

    QadPollerTest.run(qad.name());
    var run = runner.lastRuns(qad.name()).get("gl-account");
    assertThat(run.error()).contains("broker did not acknowledge");
    long acknowledged = run.published();
    assertThat(acknowledged).isPositive().isLessThan(qad.table(QadEntity.GL_ACCOUNT).size());
    assertThat(glEvents(qad, (int) acknowledged)).hasSize((int) acknowledged);
    Instant cursor = cursors.find(qad.name(), "gl-account").orElseThrow().lastModified();
    List<QadRow> gl = qad.table(QadEntity.GL_ACCOUNT).all();
    assertThat(cursor).isBefore(gl.get(gl.size() - 1).modified());

    w.beforeGlPage = page -> {};
    QadPollerTest.run(qad.name());
    assertThat(runner.lastRuns(qad.name()).get("gl-account").error()).isNull();
    assertGlPublishedOnceInReadOrder(qad);
  }

  private List<QadWorld.Seen> glEvents(QadTenant qad, int atLeast) {
    return world.events(Topics.QAD_DIMENSION_CHANGED, qad.name(), atLeast).stream()
        .filter(s -> s.event().entity() == EntityType.GL_ACCOUNT)
        .toList();
  }

  /** Every GL account once, and each partition's events in QAD's modified-time order. */
  private void assertGlPublishedOnceInReadOrder(QadTenant qad) {
    int size = qad.table(QadEntity.GL_ACCOUNT).size();
    List<QadWorld.Seen> events = glEvents(qad, -1);
    Map<String, Long> perAccount =
        events.stream()
            .collect(Collectors.groupingBy(s -> s.event().sourceId(), Collectors.counting()));
    assertThat(perAccount).hasSize(size).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1L));
    Map<Integer, List<QadWorld.Seen>> byPartition =
        events.stream().collect(Collectors.groupingBy(QadWorld.Seen::partition));
    byPartition.forEach(
        (partition, seen) -> {
          List<Instant> times =
              seen.stream()
                  .sorted((a, b) -> Long.compare(a.offset(), b.offset()))
                  .map(s -> s.event().occurredAt())
                  .toList();
          assertThat(times).as("partition " + partition).isSorted();
        });
  }
}
