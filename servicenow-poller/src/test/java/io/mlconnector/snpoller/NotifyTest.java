package io.mlconnector.snpoller;

import static io.mlconnector.snpoller.SnWorld.INVOICE;
import static io.mlconnector.snpoller.SnWorld.approve;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mlconnector.common.event.Topics;
import io.mlconnector.common.tenant.Secret;
import io.mlconnector.sandbox.servicenow.ServiceNowInstance;
import io.mlconnector.snpoller.push.PushSignature;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /notify/{tenant}}: a signed notification polls the tenant's invoices at once (no
 * {@code /polls/run}, scheduling off in tests); anything not signed by the tenant's push secret is
 * one identical 401 and polls nothing; replays and floods never add a poll's worth of events. The
 * number of invoice polls is the receipt-sync stub's call count (one call per invoice poll).
 */
@QuarkusTest
@QuarkusTestResource(SnPollerStackResource.class)
class NotifyTest extends SnWorldTest {
  private static final SecureRandom RANDOM = new SecureRandom();

  @Test
  void signedNotificationPollsTheInvoicesAtOnceAndTrustsNothingInIt() throws Exception {
    String secret = newSecret();
    ServiceNowInstance sn = world.tenant("push", Map.of(), new Secret(secret));
    String t = sn.name();
    String first = approve(sn, "INV-P1", 2);
    String second = approve(sn, "INV-P2", 1);

    // The body names a row that does not exist and claims a status: only the table counts.
    String body =
        "{\"table\":\""
            + INVOICE
            + "\",\"sys_id\":\"ffffffffffffffffffffffffffffffff\","
            + "\"sys_updated_on\":\"2099-01-01 00:00:00\",\"integration_status\":\"Processed\"}";
    Response r = send(t, secret, now(), body);

    assertThat(r.statusCode()).as(r.asString()).isEqualTo(202);
    assertThat(r.jsonPath().getString("outcome")).isEqualTo("poll-scheduled");
    var events = world.events(Topics.SN_INVOICE_CHANGED, t, 2);
    assertThat(events.stream().map(e -> e.event().sourceId()).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(first, second);
    await().atMost(Duration.ofSeconds(30)).until(() -> polls(t) == 1);
    assertThat(world.events(Topics.SN_INVOICE_CHANGED, t, -1)).hasSize(2);
  }

  @Test
  void everythingNotSignedByTheTenantIsOneIdentical401AndPollsNothing() throws Exception {
    String secret = newSecret();
    ServiceNowInstance sn = world.tenant("forge", Map.of(), new Secret(secret));
    ServiceNowInstance noPush = world.tenant("nopush");
    String t = sn.name();
    approve(sn, "INV-F1", 1);
    approve(noPush, "INV-N1", 1);
    String body = "{\"table\":\"" + INVOICE + "\",\"sys_id\":\"x\"}";
    String ts = now();

    List<Response> refused = new ArrayList<>();
    refused.add(send(t, newSecret(), ts, body)); // signed with another secret
    refused.add(send("no-such-tenant", secret, ts, body)); // unknown tenant
    refused.add(send(noPush.name(), secret, ts, body)); // tenant without push
    refused.add(send(t, secret, String.valueOf(Instant.now().getEpochSecond() - 310), body));
    refused.add(send(t, secret, String.valueOf(Instant.now().getEpochSecond() + 310), body));
    refused.add(
        given()
            .contentType("application/json")
            .header(PushSignature.TIMESTAMP_HEADER, ts)
            .header(PushSignature.SIGNATURE_HEADER, PushSignature.sign(secret, ts, bytes(body)))
            .body(body.replace("x", "y")) // body changed after signing
            .post("/notify/{t}", t));
    refused.add(given().contentType("application/json").body(body).post("/notify/{t}", t));

    Set<String> answers =
        refused.stream().map(r -> r.statusCode() + " " + r.asString()).collect(Collectors.toSet());
    assertThat(answers).hasSize(1);
    assertThat(answers.iterator().next()).startsWith("401 ").contains("\"unauthorized\"");
    Thread.sleep(2_000); // two coalesce windows: a poll, had one been scheduled, would have run
    assertThat(polls(t)).isZero();
    assertThat(polls(noPush.name())).isZero();
    assertThat(sn.counters().count("GET", "table/" + INVOICE)).isZero();
  }

  @Test
  void aBodyOver16KbIs413() throws Exception {
    String secret = newSecret();
    String t = world.tenant("big", Map.of(), new Secret(secret)).name();
    String body = "{\"table\":\"" + INVOICE + "\",\"pad\":\"" + "x".repeat(16_384) + "\"}";

    assertThat(send(t, secret, now(), body).statusCode()).isEqualTo(413);
    assertThat(send("no-such-tenant", "", now(), body).statusCode()).isEqualTo(413);
  }

  @Test
  void aReplayedNotificationPollsNothingMore() throws Exception {
    String secret = newSecret();
    ServiceNowInstance sn = world.tenant("replay", Map.of(), new Secret(secret));
    String t = sn.name();
    String invoice = approve(sn, "INV-R1", 1);
    String body = "{\"table\":\"" + INVOICE + "\",\"sys_id\":\"" + invoice + "\"}";
    String ts = now();

    assertThat(send(t, secret, ts, body).jsonPath().getString("outcome"))
        .isEqualTo("poll-scheduled");
    await().atMost(Duration.ofSeconds(30)).until(() -> polls(t) == 1);
    Response again = send(t, secret, ts, body);

    assertThat(again.statusCode()).isEqualTo(202);
    assertThat(again.jsonPath().getString("outcome")).isEqualTo("replayed");
    Thread.sleep(2_000);
    assertThat(polls(t)).isEqualTo(1);
    assertThat(world.events(Topics.SN_INVOICE_CHANGED, t, -1)).hasSize(1);
  }

  @Test
  void aFloodIsCoalescedAndRateLimitedAndPublishesEachInvoiceOnce() throws Exception {
    String secret = newSecret();
    ServiceNowInstance sn = world.tenant("flood", Map.of(), new Secret(secret));
    String t = sn.name();
    List<String> invoices = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      invoices.add(approve(sn, "INV-FL" + i, 2));
    }

    long started = System.nanoTime();
    Map<Integer, Long> statuses =
        java.util.stream.IntStream.range(0, 50)
            .parallel()
            .mapToObj(
                i ->
                    send(
                        t,
                        secret,
                        now(),
                        "{\"table\":\"sn_spend_intg_outbound_invoice_line\",\"n\":" + i + "}"))
            .collect(Collectors.groupingBy(Response::statusCode, Collectors.counting()));
    long floodSeconds = (System.nanoTime() - started) / 1_000_000_000L;

    // 20 per minute in tests (refilled continuously while the flood is sent): the rest are
    // refused before they can ask for anything.
    long refilled = floodSeconds / 3 + 1;
    assertThat(statuses.get(202)).isBetween(20L, 20L + refilled);
    assertThat(statuses.get(429)).isEqualTo(50L - statuses.get(202));
    var events = world.events(Topics.SN_INVOICE_CHANGED, t, -1);
    assertThat(events.stream().map(e -> e.event().sourceId()).toList())
        .containsExactlyInAnyOrderElementsOf(invoices);
    // At most one poll per coalesce window (1 s) while the flood lasted, plus the last one.
    assertThat(polls(t)).isBetween(1, (int) floodSeconds + 2);
  }

  private static int polls(String tenant) {
    return ReceiptSyncStub.instance().calls(tenant).size();
  }

  private static Response send(String tenant, String secret, String ts, String body) {
    return given()
        .contentType("application/json")
        .header(PushSignature.TIMESTAMP_HEADER, ts)
        .header(PushSignature.SIGNATURE_HEADER, PushSignature.sign(secret, ts, bytes(body)))
        .body(body)
        .post("/notify/{t}", tenant);
  }

  private static String now() {
    return String.valueOf(Instant.now().getEpochSecond());
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String newSecret() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
