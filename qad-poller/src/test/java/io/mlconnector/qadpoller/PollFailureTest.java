package io.mlconnector.qadpoller;

import static io.mlconnector.stack.ApiTokenFixtures.READ;
import static io.mlconnector.stack.ApiTokenFixtures.bearer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mlconnector.common.event.EntityType;
import io.mlconnector.common.event.Topics;
import io.mlconnector.common.kafka.EventPublisher;
import io.mlconnector.common.kafka.PublishException;
import io.mlconnector.qadpoller.cursor.CursorStore;
import io.mlconnector.qadpoller.poll.EntityRun;
import io.mlconnector.qadpoller.poll.TenantPollRunner;
import io.mlconnector.qadpoller.schedule.PollScheduler;
import io.mlconnector.sandbox.qad.QadEntity;
import io.mlconnector.sandbox.qad.QadTenant;
import io.mlconnector.stack.SharedStack;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PollerStackResource.class)
class PollFailureTest extends QadWorldTest {
  @Inject EventPublisher publisher;
  @Inject CursorStore cursors;
  @Inject TenantPollRunner runner;
  @Inject PollScheduler scheduler;

  /**
   * Delegates to the real publisher, but "the broker" refuses pages while {@code refuse} says so.
   */
  static final class FailingPublisher extends EventPublisher {
    final EventPublisher real;
    volatile Predicate<List<Outgoing>> refuse = events -> true;

    FailingPublisher(EventPublisher real) {
      super(SharedStack.endpoints().kafkaAdminSettings());
      this.real = real;
    }

    @Override
    public List<RecordMetadata> publishAndAwait(List<Outgoing> events, Duration timeout) {
      if (refuse.test(events)) {
        throw new PublishException(
            "broker did not acknowledge " + events.size() + " event(s)", null);
      }
      return real.publishAndAwait(events, timeout);
    }
  }

  @Test
  void cursorStaysWhereTheBrokerStoppedAcknowledging() throws Exception {
    QadTenant qad = world.tenant("brokerdown", 21, QadWorld.SMALL);
    String t = qad.name();
    EventPublisher real = ClientProxy.unwrap(publisher);
    FailingPublisher failing = new FailingPublisher(real);
    QuarkusMock.installMockForType(failing, EventPublisher.class);

    var report = QadPollerTest.run(t);

    assertThat(report.getString("entities[0].error")).contains("broker did not acknowledge");
    assertThat(report.getInt("entities[0].published")).isZero();
    assertThat(cursors.all(t)).isEmpty();
    assertThat(cursors.publishedHashes(t, "supplier", List.of("S00001"))).isEmpty();

    // GL accounts span two pages of 100: the first batch is acknowledged, later ones are not.
    AtomicInteger glPages = new AtomicInteger();
    failing.refuse =
        events ->
            events.get(0).event().entity() == EntityType.GL_ACCOUNT
                && glPages.incrementAndGet() > 1;
    QadPollerTest.run(t);
    var glCursor = cursors.find(t, "gl-account").orElseThrow();
    var firstPageLast = qad.table(QadEntity.GL_ACCOUNT).all().get(99);
    assertThat(glCursor.lastModified()).isBeforeOrEqualTo(firstPageLast.modified());
    long acknowledged = runner.lastRuns(t).get("gl-account").published();
    assertThat(acknowledged).isPositive().isLessThan(qad.table(QadEntity.GL_ACCOUNT).size());
    assertThat(runner.lastRuns(t).get("gl-account").error()).contains("broker did not acknowledge");

    failing.refuse = events -> false;
    var last = QadPollerTest.published(QadPollerTest.run(t));
    assertThat(last.get("gl-account") + acknowledged)
        .isEqualTo(qad.table(QadEntity.GL_ACCOUNT).size());

    int gl = qad.table(QadEntity.GL_ACCOUNT).size();
    var events =
        world.events(Topics.QAD_DIMENSION_CHANGED, t, -1).stream()
            .filter(
                s ->
                    s.key().contains("|dimension|")
                        && s.event().entity().wireName().equals("gl-account"))
            .collect(Collectors.groupingBy(s -> s.event().sourceId(), Collectors.counting()));
    assertThat(events).hasSize(gl).allSatisfy((code, n) -> assertThat(n).as(code).isEqualTo(1L));
    assertThat(world.events(Topics.QAD_SUPPLIER_CHANGED, t, qad.table(QadEntity.SUPPLIER).size()))
        .hasSize(qad.table(QadEntity.SUPPLIER).size());
  }

  @Test
  void tenantWhoseQadFailsDoesNotHoldUpAnother() throws Exception {
    QadTenant down = world.tenant("down", 31, QadWorld.SMALL);
    QadTenant healthy = world.tenant("healthy", 32, QadWorld.SMALL);
    down.faults().setServerErrorRate(1.0).setLatencyMillis(300);

    List<String> started = scheduler.pollDue(Instant.now());

    assertThat(started).contains(down.name(), healthy.name());
    await().atMost(Duration.ofSeconds(60)).until(() -> runner.lastRuns(healthy.name()).size() == 8);
    assertThat(runner.lastRuns(healthy.name()).values())
        .allSatisfy(r -> assertThat(r.error()).isNull());
    assertThat(runner.lastRuns(healthy.name()).get("goods-receipt").published())
        .isEqualTo(healthy.table(QadEntity.GOODS_RECEIPT).size());
    await().atMost(Duration.ofSeconds(60)).until(() -> runner.lastRuns(down.name()).size() == 4);
    assertThat(runner.lastRuns(down.name()).values())
        .extracting(EntityRun::error)
        .allSatisfy(e -> assertThat(e).containsAnyOf("HTTP 503", "circuit breaker open"));
    assertThat(cursors.all(down.name())).isEmpty();
    // Not due again until its cadence passes: a second tick starts nothing.
    assertThat(scheduler.pollDue(Instant.now())).doesNotContain(down.name(), healthy.name());
    given()
        .header("Authorization", bearer(READ))
        .get("/polls/{t}", down.name())
        .then()
        .statusCode(200);
  }
}
