package io.mlconnector.snpoller;

import static io.mlconnector.snpoller.SnWorld.approve;
import static io.mlconnector.snpoller.SnWorld.published;
import static io.mlconnector.snpoller.SnWorld.run;
import static io.mlconnector.snpoller.SnWorld.total;
import static io.mlconnector.stack.ApiTokenFixtures.READ;
import static io.mlconnector.stack.ApiTokenFixtures.bearer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mlconnector.common.event.EntityType;
import io.mlconnector.common.event.Topics;
import io.mlconnector.common.kafka.EventPublisher;
import io.mlconnector.common.kafka.PublishException;
import io.mlconnector.sandbox.servicenow.ServiceNowInstance;
import io.mlconnector.snpoller.cursor.CursorStore;
import io.mlconnector.snpoller.poll.TableRun;
import io.mlconnector.snpoller.poll.TenantPollRunner;
import io.mlconnector.snpoller.schedule.PollScheduler;
import io.mlconnector.stack.SharedStack;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(SnPollerStackResource.class)
class PollOperationsTest extends SnWorldTest {
  @Inject EventPublisher publisher;
  @Inject CursorStore cursors;
  @Inject TenantPollRunner runner;
  @Inject PollScheduler scheduler;

  /** Delegates to the real publisher, but "the broker" refuses pages while {@code refuse} says. */
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
  void costCentersAndGlAccountsArePublishedAsReadOnce() throws Exception {
    ServiceNowInstance sn = world.tenant("dims");
    String t = sn.name();
    List<String> centers = sn.apClerk().seedCostCenters(List.of("CC100", "CC200", "CC300"));
    List<String> accounts = sn.apClerk().seedGlAccounts(List.of("6000", "6100"));

    Map<String, Integer> first = published(run(t));

    assertThat(first).containsEntry("cost-center", 3).containsEntry("gl-account", 2);
    var events = world.events(Topics.SN_DIMENSION_CHANGED, t, -1);
    assertThat(events).hasSize(5);
    assertThat(events)
        .filteredOn(s -> s.event().entity() == EntityType.COST_CENTER)
        .extracting(s -> s.event().sourceId())
        .containsExactlyInAnyOrderElementsOf(centers);
    assertThat(events)
        .allSatisfy(s -> assertThat(s.key()).isEqualTo(t + "|dimension|" + s.event().sourceId()));
    var cc100 =
        events.stream()
            .filter(s -> s.event().payload().path("code").asText().equals("CC100"))
            .findFirst()
            .orElseThrow();
    assertThat(cc100.event().payload().get("name").asText()).isEqualTo("Cost center CC100");
    assertThat(cc100.event().payload().get("active").asText()).isEqualTo("true");
    var gl =
        events.stream()
            .filter(s -> s.event().entity() == EntityType.GL_ACCOUNT)
            .map(s -> s.event().payload().get("account_number").asText())
            .toList();
    assertThat(gl).containsExactlyInAnyOrder("6000", "6100");
    assertThat(accounts).hasSize(2);

    assertThat(total(published(run(t)))).as("second run without changes").isZero();
  }

  @Test
  void cursorStaysWhereTheBrokerStoppedAcknowledging() throws Exception {
    ServiceNowInstance sn = world.tenant("brokerdown");
    String t = sn.name();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      ids.add(approve(sn, "B-" + i, 1));
    }
    FailingPublisher failing = new FailingPublisher(ClientProxy.unwrap(publisher));
    QuarkusMock.installMockForType(failing, EventPublisher.class);

    JsonPath refused = run(t);

    assertThat(refused.getString("tables[0].error")).contains("broker did not acknowledge");
    assertThat(refused.getInt("tables[0].published")).isZero();
    assertThat(cursors.all(t)).isEmpty();
    assertThat(cursors.publishedHashes(t, "supplier-invoice", ids)).isEmpty();

    // Pages of 50: the first is acknowledged, the second is not.
    AtomicInteger pages = new AtomicInteger();
    failing.refuse = events -> pages.incrementAndGet() > 1;
    JsonPath half = run(t);
    assertThat(half.getInt("tables[0].published")).isEqualTo(50);
    assertThat(half.getString("tables[0].error")).contains("broker did not acknowledge");
    String lastAcknowledged = ids.stream().sorted().toList().get(49);
    assertThat(cursors.find(t, "supplier-invoice").orElseThrow().lastKey())
        .isEqualTo(lastAcknowledged);

    failing.refuse = events -> false;
    assertThat(published(run(t))).containsEntry("supplier-invoice", 70);
    Map<String, Long> perInvoice =
        world.events(Topics.SN_INVOICE_CHANGED, t, -1).stream()
            .collect(Collectors.groupingBy(s -> s.event().sourceId(), Collectors.counting()));
    assertThat(perInvoice).hasSize(120).allSatisfy((id, n) -> assertThat(n).as(id).isOne());
  }

  @Test
  void tenantWhoseServiceNowFailsDoesNotHoldUpAnother() throws Exception {
    ServiceNowInstance down =
        world.tenant("down", Map.of("servicenow.invoices", Duration.ofMinutes(10)));
    ServiceNowInstance healthy = world.tenant("healthy");
    down.faults().serverErrors(1.0, 503).latency(Duration.ofMillis(300));
    String invoice = approve(healthy, "H-1", 2);
    healthy.apClerk().seedCostCenters(List.of("CC100"));
    // Its receipt sync fails: invoices are still pulled (the writer's receipt gate protects).
    ReceiptSyncStub.instance().failFor(healthy.name());
    Instant now = Instant.now();

    List<String> started = scheduler.pollDue(now);

    assertThat(started).contains(down.name(), healthy.name());
    await().atMost(Duration.ofSeconds(60)).until(() -> runner.lastRuns(healthy.name()).size() == 4);
    assertThat(runner.lastRuns(healthy.name()).values())
        .allSatisfy(r -> assertThat(r.error()).isNull());
    assertThat(runner.lastRuns(healthy.name()).get("supplier-invoice").published()).isEqualTo(1);
    assertThat(world.events(Topics.SN_INVOICE_CHANGED, healthy.name(), 1))
        .extracting(s -> s.event().sourceId())
        .containsExactly(invoice);
    assertThat(ReceiptSyncStub.instance().calls(healthy.name())).hasSize(1);
    await().atMost(Duration.ofSeconds(60)).until(() -> runner.lastRuns(down.name()).size() == 2);
    assertThat(runner.lastRuns(down.name()).values())
        .extracting(TableRun::error)
        .allSatisfy(e -> assertThat(e).isNotNull());
    assertThat(cursors.all(down.name())).isEmpty();

    // Not due again before its cadence; the down tenant's invoices wait for their own 10 minutes.
    assertThat(scheduler.pollDue(now.plusSeconds(60))).doesNotContain(down.name(), healthy.name());
    Instant healthyDone = runner.lastRuns(healthy.name()).get("supplier-invoice").finishedAt();
    assertThat(scheduler.pollDue(now.plus(Duration.ofMinutes(3))))
        .contains(healthy.name())
        .doesNotContain(down.name());
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                runner
                    .lastRuns(healthy.name())
                    .get("supplier-invoice")
                    .finishedAt()
                    .isAfter(healthyDone));
    given()
        .header("Authorization", bearer(READ))
        .get("/polls/{t}", down.name())
        .then()
        .statusCode(200);
  }
}
