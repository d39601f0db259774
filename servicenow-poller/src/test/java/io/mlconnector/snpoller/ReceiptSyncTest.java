package io.mlconnector.snpoller;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.snpoller.receipt.ReceiptSync;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The receipt sync through its real REST client against the stand-in for qad-poller's {@code POST
 * /polls/{tenant}/run} (test profile: 2 s read timeout, breaker opens after 2 calls without an
 * answer, for 3 s). Judged by the calls the stand-in received.
 */
@QuarkusTest
@QuarkusTestResource(SnPollerStackResource.class)
class ReceiptSyncTest {
  @Inject ReceiptSync sync;

  private final ReceiptSyncStub qadPoller = ReceiptSyncStub.instance();

  @Test
  void aRunOfTheTenantIsAskedForWithTheOperateToken() {
    String t = tenant("sync");

    assertThat(sync.syncBeforeInvoices(t).status()).isEqualTo("synced");
    assertThat(qadPoller.calls(t)).hasSize(1);
  }

  @Test
  void aRedirectIsNotFollowed() {
    String t = tenant("moved");
    qadPoller.redirectFor(t);

    assertThat(sync.syncBeforeInvoices(t).status()).isEqualTo("failed: HTTP 303");
    assertThat(qadPoller.calls(t)).hasSize(1);
    assertThat(qadPoller.calls(t + "-moved")).isEmpty();
  }

  @Test
  void callsWithoutAnAnswerOpenTheBreakerAndInvoicePollsStopWaitingForQadPoller()
      throws InterruptedException {
    String first = tenant("stall");
    String second = tenant("stall");
    String healthy = tenant("healthy");
    qadPoller.stallFor(first, Duration.ofSeconds(5));
    qadPoller.stallFor(second, Duration.ofSeconds(5));

    assertThat(sync.syncBeforeInvoices(first).status()).startsWith("failed: ").contains("imeout");
    assertThat(sync.syncBeforeInvoices(second).status()).startsWith("failed: ").contains("imeout");
    assertThat(sync.syncBeforeInvoices(healthy).status()).contains("paused until");
    assertThat(qadPoller.calls(healthy)).as("not called while the breaker is open").isEmpty();

    Thread.sleep(3_500); // past the test profile's open-for: the next call is the trial
    assertThat(sync.syncBeforeInvoices(healthy).status()).isEqualTo("synced");
    assertThat(qadPoller.calls(healthy)).hasSize(1);
  }

  private static String tenant(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
