package io.mlconnector.stack.bench;

import io.mlconnector.sandbox.SandboxLandscape;
import io.mlconnector.sandbox.SandboxTenant;
import io.mlconnector.stack.TenantFixtures;
import io.mlconnector.stack.fleet.ServiceProcess;
import java.io.PrintStream;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The bench's invoice phase: servicenow-poller on the default 2-minute invoice schedule (receipt
 * sync through the bench's qad-poller), the bench tenant given a push secret, then invoices
 * approved with the push Business Rule on, and without it.
 */
final class InvoiceBench {
  static final Duration SCHEDULE = Duration.ofMinutes(2);
  private static final int PER_MODE = 8;
  private static final String TENANT = "bench";

  /** Starts a service with extra settings and waits until it is ready. */
  interface Starter {
    ServiceProcess start(String name, Map<String, String> extra) throws Exception;
  }

  private final SandboxLandscape sandbox;
  private final TenantFixtures registry;
  private final ServiceProcess qadPoller;
  private final String operateToken;
  private final PrintStream out;

  InvoiceBench(
      SandboxLandscape sandbox,
      TenantFixtures registry,
      ServiceProcess qadPoller,
      String operateToken,
      PrintStream out) {
    this.sandbox = sandbox;
    this.registry = registry;
    this.qadPoller = qadPoller;
    this.operateToken = operateToken;
    this.out = out;
  }

  InvoiceLatency measure(Starter starter) throws Exception {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    String secret = Base64.getEncoder().encodeToString(key);
    SandboxTenant bench =
        sandbox.tenants().stream().filter(t -> t.id().equals(TENANT)).findFirst().orElseThrow();
    registry.put(TenantFixtures.sandboxTenant(bench, true, secret));
    ServiceProcess snPoller =
        starter.start(
            "servicenow-poller",
            Map.of(
                "MLC_SERVICENOW_RECEIPT_SYNC_URL",
                qadPoller.baseUri().toString(),
                "MLC_SERVICENOW_RECEIPT_SYNC_TOKEN",
                operateToken,
                "MLC_SERVICENOW_SCHEDULE_INVOICES",
                SCHEDULE.toString(),
                "MLC_SERVICENOW_TICK",
                "1s"));
    InvoiceLatencyRun run =
        new InvoiceLatencyRun(
            sandbox.qad().tenant(TENANT),
            sandbox.servicenow().instance(TENANT),
            URI.create(snPoller.baseUri() + "/notify/" + TENANT),
            secret,
            2 * PER_MODE,
            out);
    List<Long> push =
        run.measure("push", true, PER_MODE, Duration.ofSeconds(5), SCHEDULE.multipliedBy(2));
    List<Long> poll =
        run.measure(
            "schedule", false, PER_MODE, SCHEDULE.dividedBy(PER_MODE), SCHEDULE.multipliedBy(2));
    return new InvoiceLatency(push, poll, SCHEDULE);
  }
}
