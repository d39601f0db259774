package io.mlconnector.stack.chaos;

import io.mlconnector.sandbox.SandboxLandscape;
import io.mlconnector.sandbox.qad.QadRow;
import io.mlconnector.sandbox.servicenow.ServiceNowInstance;
import io.mlconnector.sandbox.servicenow.clerk.AccountsPayableClerk;
import io.mlconnector.stack.chaos.GroundTruth.Expectation;
import io.mlconnector.stack.chaos.InvoicePlan.Category;
import io.mlconnector.stack.chaos.InvoicePlan.Planned;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The AP clerk's and the receiver's part of a chaos run: approved invoices planned from the seed
 * (most on received PO lines, some before their receipt, some with a cost center QAD does not have,
 * some approved twice, one pair on the same PO line per tenant), approved in waves, and the clerk
 * actions the schedule calls for. Remembers what each approved invoice should end as.
 */
final class ChaosInvoices {
  /** What the run expects of one approved ServiceNow invoice. */
  record Approved(Expectation expectation, boolean resubmittable) {}

  private final SandboxLandscape sandbox;
  private final List<Planned> planned = new ArrayList<>();
  private final Map<String, Approved> approved = new ConcurrentHashMap<>();
  private final Map<String, Boolean> resubmitted = new ConcurrentHashMap<>();
  private final Map<String, Planned> bySysId = new ConcurrentHashMap<>();
  private int receiptsPosted;

  ChaosInvoices(SandboxLandscape sandbox) {
    this.sandbox = sandbox;
  }

  /** Plans {@code total} invoices across the tenants; each on a PO line of its own. */
  void plan(List<String> tenants, int total, Random random) {
    planned.addAll(InvoicePlan.plan(sandbox, tenants, total, random));
  }

  /** Approves one wave; returns how many ServiceNow invoices were created. */
  int approveWave(int wave) {
    int n = 0;
    for (Planned p : planned) {
      if (p.wave() == wave) {
        n += approve(p);
      }
    }
    return n;
  }

  /** The two invoices on one PO line, approved at the same moment (each for all it received). */
  int approveSameLine() {
    int n = 0;
    for (Planned p : planned) {
      n += p.category() == Category.SAME_LINE ? approve(p) : 0;
    }
    return n;
  }

  private int approve(Planned p) {
    AccountsPayableClerk clerk = sandbox.servicenow().instance(p.tenant()).apClerk();
    String first = clerk.approveInvoice(p.invoice());
    remember(first, p, expectation(p));
    if (p.category() == Category.APPROVED_TWICE) {
      remember(clerk.approveInvoice(p.invoice()), p, Expectation.AT_MOST_ONCE);
      return 2;
    }
    return 1;
  }

  private void remember(String sysId, Planned p, Expectation expectation) {
    bySysId.put(sysId, p);
    approved.put(
        sysId, new Approved(expectation, p.category() == Category.UNKNOWN_DIMENSION_FIXED));
  }

  private static Expectation expectation(Planned p) {
    return switch (p.category()) {
      case RECEIVED, BEFORE_RECEIPT, APPROVED_TWICE, UNKNOWN_DIMENSION_FIXED -> Expectation.POSTED;
      case UNKNOWN_DIMENSION, SAME_LINE -> Expectation.AT_MOST_ONCE;
    };
  }

  /** The receiver posts the missing receipts of the held invoices, {@code share} of them. */
  int lateReceipts(double share) {
    List<Planned> held =
        planned.stream().filter(p -> p.category() == Category.BEFORE_RECEIPT).toList();
    int upTo = share >= 1 ? held.size() : (int) Math.ceil(held.size() * share);
    int n = 0;
    for (; receiptsPosted < upTo; receiptsPosted++) {
      Planned p = held.get(receiptsPosted);
      sandbox
          .qad()
          .tenant(p.tenant())
          .receiving()
          .receive(p.line().text("pod_nbr"), Map.of(lineNumber(p.line()), BigDecimal.ONE));
      n++;
    }
    return n;
  }

  /**
   * The clerk fixes the cost center of the miscoded invoices meant for resubmission and sets them
   * back to New.
   */
  int resubmit() {
    int n = 0;
    for (Map.Entry<String, Planned> e : bySysId.entrySet()) {
      Planned p = e.getValue();
      if (p.category() != Category.UNKNOWN_DIMENSION_FIXED) {
        continue;
      }
      ServiceNowInstance sn = sandbox.servicenow().instance(p.tenant());
      for (Map<String, String> line :
          sn.rows().snapshot(AccountsPayableClerk.OUTBOUND_INVOICE_LINE)) {
        if (e.getKey().equals(line.get("invoice"))) {
          sn.rows()
              .update(
                  AccountsPayableClerk.OUTBOUND_INVOICE_LINE,
                  line.get("sys_id"),
                  Map.of("cost_center", p.line().text("pod_cc")),
                  "ap.clerk");
        }
      }
      sn.rows()
          .update(
              AccountsPayableClerk.OUTBOUND_INVOICE,
              e.getKey(),
              Map.of(
                  "integration_status", AccountsPayableClerk.STATUS_NEW, "processing_message", ""),
              "ap.clerk");
      resubmitted.put(e.getKey(), true);
      n++;
    }
    return n;
  }

  /** The clerk edits a few approved invoices (a new due date): still one QAD invoice each. */
  int editApproved(int perTenant, Random random) {
    int n = 0;
    for (String tenant : tenants()) {
      List<String> ids =
          bySysId.entrySet().stream()
              .filter(e -> e.getValue().tenant().equals(tenant))
              .filter(e -> e.getValue().category() == Category.RECEIVED)
              .map(Map.Entry::getKey)
              .sorted()
              .toList();
      for (int i = 0; i < perTenant && !ids.isEmpty(); i++) {
        String sysId = ids.get(random.nextInt(ids.size()));
        sandbox
            .servicenow()
            .instance(tenant)
            .rows()
            .update(
                AccountsPayableClerk.OUTBOUND_INVOICE,
                sysId,
                Map.of("due_date", LocalDate.now().plusDays(45).toString()),
                "ap.clerk");
        n++;
      }
    }
    return n;
  }

  private List<String> tenants() {
    return planned.stream().map(Planned::tenant).distinct().toList();
  }

  /** What is expected of the ServiceNow invoice {@code sysId} (null: not approved by the run). */
  Approved approved(String sysId) {
    Approved a = approved.get(sysId);
    if (a == null) {
      return null;
    }
    boolean done = resubmitted.containsKey(sysId);
    // A miscoded invoice the clerk has not fixed yet may stay unposted.
    Expectation e = a.resubmittable() && !done ? Expectation.AT_MOST_ONCE : a.expectation();
    return new Approved(e, done);
  }

  int plannedCount() {
    return planned.size();
  }

  private static int lineNumber(QadRow line) {
    return ((Number) line.get("pod_line")).intValue();
  }
}
