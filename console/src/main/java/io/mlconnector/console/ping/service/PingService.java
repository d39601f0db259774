package io.mlconnector.console.ping.service;

import io.mlconnector.common.http.ApiException;
import io.mlconnector.common.tenant.RegistryTenantDirectory;
import io.mlconnector.common.tenant.Tenant;
import io.mlconnector.console.config.ConsoleConfig;
import io.mlconnector.console.ping.qad.QadProbe;
import io.mlconnector.console.ping.report.CheckSink;
import io.mlconnector.console.ping.report.PingCheck;
import io.mlconnector.console.ping.report.PingReport;
import io.mlconnector.console.ping.report.PingSystem;
import io.mlconnector.console.ping.servicenow.ServiceNowProbe;
import io.mlconnector.console.push.PushPingCheck;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import org.jboss.logging.Logger;

/**
 * Runs the onboarding ping of one tenant: URL rules, then QAD and ServiceNow side by side, each
 * within its time budget, so one system being down or slow never hides the other's results.
 */
@ApplicationScoped
public class PingService {
  private static final Logger LOG = Logger.getLogger(PingService.class);

  private final RegistryTenantDirectory directory;
  private final UrlChecks urls;
  private final QadProbe qad;
  private final ServiceNowProbe servicenow;
  private final Duration budget;
  private final ExecutorService executor = Executors.newCachedThreadPool(PingService::thread);

  public PingService(
      RegistryTenantDirectory directory,
      UrlChecks urls,
      QadProbe qad,
      ServiceNowProbe servicenow,
      ConsoleConfig config) {
    this.directory = directory;
    this.urls = urls;
    this.qad = qad;
    this.servicenow = servicenow;
    this.budget = config.ping().timeout();
  }

  /**
   * @param writeProbe whether empty staging tables may get an insert-and-delete probe row
   */
  public PingReport ping(String tenantId, boolean writeProbe) {
    Tenant tenant =
        directory
            .find(tenantId)
            .orElseThrow(
                () ->
                    new ApiException(
                        404,
                        "tenant-not-found",
                        "tenant '" + tenantId + "' not found",
                        "GET /tenants lists the tenants"));
    Instant started = Instant.now();
    CheckSink qadChecks = new CheckSink();
    CheckSink snChecks = new CheckSink();
    boolean qadUrlOk = urls.check(tenant, PingSystem.QAD, qadChecks);
    boolean snUrlOk = urls.check(tenant, PingSystem.SERVICENOW, snChecks);
    snChecks.add(PushPingCheck.of(tenant));
    // A URL that breaks the rules now (e.g. its name resolves elsewhere) is not called at all.
    CompletableFuture<Void> qadRun = start(qadUrlOk, qad::run, tenant, qadChecks);
    CompletableFuture<Void> snRun =
        start(snUrlOk, (t, sink) -> servicenow.run(t, sink, writeProbe), tenant, snChecks);
    long deadline = System.nanoTime() + budget.toNanos();
    List<PingCheck> all = new ArrayList<>();
    all.addAll(await(qadRun, qadChecks, PingSystem.QAD, deadline));
    all.addAll(await(snRun, snChecks, PingSystem.SERVICENOW, deadline));
    PingReport report = PingReport.of(tenant.id(), started, all);
    LOG.infof("ping of tenant %s: %s", tenant.id(), report.summary());
    return report;
  }

  private CompletableFuture<Void> start(
      boolean urlOk, BiConsumer<Tenant, CheckSink> probe, Tenant tenant, CheckSink sink) {
    if (!urlOk) {
      return CompletableFuture.completedFuture(null);
    }
    return CompletableFuture.runAsync(() -> probe.accept(tenant, sink), executor);
  }

  private List<PingCheck> await(
      CompletableFuture<Void> run, CheckSink sink, PingSystem system, long deadline) {
    String name = system.name().toLowerCase(Locale.ROOT);
    try {
      run.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      run.cancel(true);
      sink.add(
          PingCheck.failed(
              name + ".timeout",
              system,
              "the remaining " + name + " checks",
              "the system answers too slowly: check its health, then ping again",
              "did not finish within " + budget.toSeconds() + " s; checks above completed"));
    } catch (ExecutionException e) {
      LOG.warnf("ping %s probe failed unexpectedly: %s", name, e.getCause().toString());
      sink.add(
          PingCheck.failed(
              name + ".probe",
              system,
              "the remaining " + name + " checks",
              "report this to the connector team",
              "probe stopped: " + e.getCause().getClass().getSimpleName()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return sink.snapshot();
  }

  private static Thread thread(Runnable r) {
    Thread t = new Thread(r, "mlc-ping");
    t.setDaemon(true);
    return t;
  }

  @PreDestroy
  void stop() {
    executor.shutdownNow();
  }
}
