package io.mlconnector.stack.chaos;

import io.mlconnector.sandbox.SandboxLandscape;
import io.mlconnector.sandbox.SandboxTenant;
import io.mlconnector.sandbox.http.AmbiguousWrites;
import io.mlconnector.sandbox.http.LostAnswer;
import io.mlconnector.sandbox.qad.FaultSwitches;
import io.mlconnector.sandbox.qad.QadEntity;
import io.mlconnector.sandbox.qad.QadRow;
import io.mlconnector.sandbox.qad.QadTenant;
import io.mlconnector.sandbox.servicenow.ServiceNowInstance;
import io.mlconnector.sandbox.servicenow.auth.OAuthClient;
import io.mlconnector.sandbox.servicenow.clerk.AccountsPayableClerk;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The faults a chaos run switches in the simulators, for one target ({@code tenant/qad} or {@code
 * tenant/servicenow}). Each call switches a fault on and returns what switches it off again.
 */
final class SandboxFaults {
  /** How long a TIMEOUT lost answer holds the connection: past the fleet's client timeouts. */
  static final long LOST_ANSWER_TIMEOUT_MILLIS = 12_000;

  private static final String SN_TABLE_POST =
      io.mlconnector.sandbox.servicenow.fault.FaultSwitches.TABLE_POST;
  private static final String SN_TABLE_PATCH =
      io.mlconnector.sandbox.servicenow.fault.FaultSwitches.TABLE_PATCH;
  private static final String SN_BATCH =
      io.mlconnector.sandbox.servicenow.fault.FaultSwitches.BATCH;

  private final SandboxLandscape sandbox;
  private final Random random;

  SandboxFaults(SandboxLandscape sandbox, Random random) {
    this.sandbox = sandbox;
    this.random = random;
  }

  /** Switches {@code event} on; returns the action that switches it off (or a no-op). */
  Runnable on(ChaosEvent event) {
    String[] target = event.target().split("/");
    String tenant = target[0];
    boolean qad = target.length > 1 && target[1].equals("qad");
    return qad ? qad(event, qadTenant(tenant)) : servicenow(event, tenant, sn(tenant));
  }

  private Runnable qad(ChaosEvent event, QadTenant t) {
    FaultSwitches f = t.faults();
    return switch (event.kind()) {
      case RATE_LIMIT_STORM -> {
        f.setRetryAfterSeconds(2).setThrottleRequests(5);
        yield () -> {};
      }
      case SERVER_ERROR_BURST -> {
        f.setServerErrorStatus(503).setServerErrorRate(0.3);
        yield () -> f.setServerErrorRate(0);
      }
      case LATENCY_SPIKE -> {
        f.setLatencyMillis(1500);
        yield () -> f.setLatencyMillis(0);
      }
      case HTML_MAINTENANCE_PAGE -> {
        f.setHtmlBodyRate(0.2);
        yield () -> f.setHtmlBodyRate(0);
      }
      case AMBIGUOUS_QAD_INVOICE_POST -> {
        f.ambiguousWrites()
            .set(
                FaultSwitches.SUPPLIER_INVOICE_POST,
                ChaosSchedule.rate(event),
                mode(event),
                LOST_ANSWER_TIMEOUT_MILLIS);
        // Left armed until it has lost one answer (the quiet phase retires it).
        yield () -> {
          if (f.ambiguousWrites().injected(FaultSwitches.SUPPLIER_INVOICE_POST) > 0) {
            f.ambiguousWrites().clear();
          }
        };
      }
      case TOKEN_REVOCATION -> {
        t.revokeTokens();
        yield () -> {};
      }
      case TOKEN_EXPIRY -> {
        Duration lifetime = t.config().tokenLifetime();
        t.tokenLifetime(Duration.ofSeconds(3));
        yield () -> t.tokenLifetime(lifetime);
      }
      case RESAVE_WHILE_PAGING -> {
        f.setModifyDuringPagedRead(5);
        yield () -> f.setModifyDuringPagedRead(0);
      }
      case SAME_SECOND_ROWS -> {
        t.shareModifiedTime(QadEntity.PURCHASE_ORDER_LINE, 300, Instant.now());
        yield () -> {};
      }
      default -> throw new IllegalArgumentException(event.kind() + " is not a QAD fault");
    };
  }

  private Runnable servicenow(ChaosEvent event, String tenant, ServiceNowInstance i) {
    io.mlconnector.sandbox.servicenow.fault.FaultSwitches f = i.faults();
    String invoices = AccountsPayableClerk.OUTBOUND_INVOICE;
    return switch (event.kind()) {
      case RATE_LIMIT_STORM -> {
        f.rateLimitStorm(5, 2);
        yield () -> {};
      }
      case SERVER_ERROR_BURST -> {
        f.serverErrors(0.3, 503);
        yield () -> f.serverErrors(0, 503);
      }
      case LATENCY_SPIKE -> {
        f.latency(Duration.ofMillis(1500));
        yield () -> f.latency(Duration.ZERO);
      }
      case HTML_MAINTENANCE_PAGE -> {
        f.htmlPages(5);
        yield () -> f.htmlPages(0);
      }
      case AMBIGUOUS_SN_TABLE_POST, AMBIGUOUS_SN_TABLE_PATCH, AMBIGUOUS_SN_BATCH -> {
        String endpoint =
            switch (event.kind()) {
              case AMBIGUOUS_SN_TABLE_POST -> SN_TABLE_POST;
              case AMBIGUOUS_SN_TABLE_PATCH -> SN_TABLE_PATCH;
              default -> SN_BATCH;
            };
        f.ambiguousWrites()
            .set(endpoint, ChaosSchedule.rate(event), mode(event), LOST_ANSWER_TIMEOUT_MILLIS);
        yield () -> {
          if (f.ambiguousWrites().injected(endpoint) > 0) {
            f.ambiguousWrites().set(endpoint, 0, LostAnswer.RESET);
          }
        };
      }
      case TOKEN_REVOCATION -> {
        i.tokens().revokeAll();
        yield () -> {};
      }
      case TOKEN_EXPIRY -> {
        SandboxTenant.ServiceNow creds = credentials(tenant);
        i.addOAuthClient(
            creds.clientId(),
            creds.clientSecret(),
            SandboxLandscape.SN_USER,
            Duration.ofSeconds(3));
        yield () ->
            i.addOAuthClient(
                creds.clientId(),
                creds.clientSecret(),
                SandboxLandscape.SN_USER,
                OAuthClient.DEFAULT_LIFETIME);
      }
      case RESAVE_WHILE_PAGING -> {
        f.touchRowsAfterFirstPage(invoices, 20);
        yield () -> f.touchRowsAfterFirstPage(invoices, 0);
      }
      case ACL_HIDDEN_ROWS -> {
        // Hidden rows re-saved while a reader pages past them: the reader must skip no visible row.
        i.hideRows(invoices, "invoice_referenceENDSWITH3");
        f.touchRowsAfterFirstPage(invoices, 20);
        yield () -> {
          f.touchRowsAfterFirstPage(invoices, 0);
          i.revealRows(invoices);
        };
      }
      case SAME_SECOND_ROWS -> {
        // Hundreds of re-saved invoice rows stamped with one second.
        f.pinWriteTime(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        i.rows().touch(invoices, 300, "ap.clerk");
        f.pinWriteTime(null);
        yield () -> {};
      }
      default -> throw new IllegalArgumentException(event.kind() + " is not a ServiceNow fault");
    };
  }

  /** A buyer and a vendor manager at work in QAD: PO line descriptions and supplier names. */
  int changeRecords(String tenant) {
    QadTenant t = qadTenant(tenant);
    int changed = 0;
    for (var entry :
        Map.of(QadEntity.PURCHASE_ORDER_LINE, "pod_desc", QadEntity.SUPPLIER, "vd_sort")
            .entrySet()) {
      List<QadRow> rows = t.table(entry.getKey()).all();
      int n = entry.getKey() == QadEntity.SUPPLIER ? 5 : 20;
      for (int k = 0; k < n && !rows.isEmpty(); k++) {
        QadRow row = rows.get(random.nextInt(rows.size()));
        t.change(
            entry.getKey(),
            row.key(),
            Map.of(entry.getValue(), "chaos edit " + random.nextInt(1_000_000)));
        changed++;
      }
    }
    return changed;
  }

  /**
   * Every switch of every tenant off: the fleet gets a quiet landscape to settle in. Ambiguous-
   * outcome switches that have not lost an answer yet stay armed (see {@link #retireAmbiguous()}),
   * so each write endpoint is hit at least once even when its writes came late.
   */
  void clearAll() {
    for (SandboxTenant t : sandbox.tenants()) {
      AmbiguousWrites qadWrites = qadTenant(t.id()).faults().ambiguousWrites();
      Map<String, AmbiguousWrites.Switch> qadArmed = AmbiguousSwitches.unhit(qadWrites);
      qadTenant(t.id()).faults().clear();
      qadArmed.forEach((e, s) -> qadWrites.set(e, s.rate(), s.mode(), s.timeoutMillis()));
      ServiceNowInstance i = sn(t.id());
      AmbiguousWrites snWrites = i.faults().ambiguousWrites();
      Map<String, AmbiguousWrites.Switch> snArmed = AmbiguousSwitches.unhit(snWrites);
      i.faults().clear();
      snArmed.forEach((e, s) -> snWrites.set(e, s.rate(), s.mode(), s.timeoutMillis()));
      i.revealRows(AccountsPayableClerk.OUTBOUND_INVOICE);
    }
  }

  private static LostAnswer mode(ChaosEvent event) {
    return LostAnswer.valueOf(event.detail().substring(event.detail().indexOf(' ') + 1));
  }

  private SandboxTenant.ServiceNow credentials(String tenant) {
    return sandbox.tenants().stream()
        .filter(t -> t.id().equals(tenant))
        .findFirst()
        .orElseThrow()
        .servicenow();
  }

  private QadTenant qadTenant(String tenant) {
    return sandbox.qad().tenant(tenant);
  }

  private ServiceNowInstance sn(String tenant) {
    return sandbox.servicenow().instance(tenant);
  }
}
