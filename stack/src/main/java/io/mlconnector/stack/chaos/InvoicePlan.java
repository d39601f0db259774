package io.mlconnector.stack.chaos;

import io.mlconnector.sandbox.SandboxLandscape;
import io.mlconnector.sandbox.qad.QadEntity;
import io.mlconnector.sandbox.qad.QadRow;
import io.mlconnector.sandbox.qad.QadTenant;
import io.mlconnector.sandbox.servicenow.clerk.SupplierInvoice;
import io.mlconnector.stack.fleet.DemoInvoices;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The invoices of a chaos run, drawn from the seed: most on received PO lines, ~10 % before their
 * receipt exists, ~10 % coded to a cost center QAD does not have (half of them to be fixed by the
 * clerk), ~6 % approved twice, and per tenant two invoices on one PO line for all it received.
 */
final class InvoicePlan {
  private InvoicePlan() {}

  enum Category {
    RECEIVED,
    BEFORE_RECEIPT,
    UNKNOWN_DIMENSION,
    UNKNOWN_DIMENSION_FIXED,
    APPROVED_TWICE,
    SAME_LINE
  }

  record Planned(
      String tenant, SupplierInvoice invoice, Category category, int wave, QadRow line) {}

  /** Plans {@code total} invoices across the tenants; each on a PO line of its own. */
  static List<Planned> plan(
      SandboxLandscape sandbox, List<String> tenants, int total, Random random) {
    List<Planned> planned = new ArrayList<>();
    for (String tenant : tenants) {
      QadTenant qad = sandbox.qad().tenant(tenant);
      List<QadRow> received = lines(qad, true, random);
      List<QadRow> open = lines(qad, false, random);
      int count = total / tenants.size();
      for (int i = 0; i < count; i++) {
        double draw = random.nextDouble();
        Category category =
            draw < 0.10 && !open.isEmpty()
                ? Category.BEFORE_RECEIPT
                : draw < 0.15
                    ? Category.UNKNOWN_DIMENSION
                    : draw < 0.20
                        ? Category.UNKNOWN_DIMENSION_FIXED
                        : draw < 0.26 ? Category.APPROVED_TWICE : Category.RECEIVED;
        QadRow line = category == Category.BEFORE_RECEIPT ? take(open) : take(received);
        String cc =
            category == Category.UNKNOWN_DIMENSION || category == Category.UNKNOWN_DIMENSION_FIXED
                ? SandboxLandscape.SERVICENOW_ONLY_COST_CENTER
                : null;
        String reference = String.format("CH-%s-%04d", tenant, i);
        planned.add(
            new Planned(
                tenant,
                DemoInvoices.invoice(qad, line, reference, BigDecimal.ONE, cc),
                category,
                i % ChaosSchedule.WAVES,
                line));
      }
      QadRow shared = take(received);
      BigDecimal all = new BigDecimal(shared.text("pod_qty_rcvd"));
      for (String suffix : List.of("A", "B")) {
        String reference = "CH-" + tenant + "-PAIR-" + suffix;
        planned.add(
            new Planned(
                tenant,
                DemoInvoices.invoice(qad, shared, reference, all, null),
                Category.SAME_LINE,
                -1,
                shared));
      }
    }
    return planned;
  }

  private static List<QadRow> lines(QadTenant qad, boolean received, Random random) {
    List<QadRow> lines =
        new ArrayList<>(
            qad.table(QadEntity.PURCHASE_ORDER_LINE)
                .select(
                    l ->
                        (new BigDecimal(l.text("pod_qty_rcvd")).signum() > 0) == received
                            && new BigDecimal(l.text("pod_qty_ord")).signum() > 0
                            && DemoInvoices.active(qad, l)));
    Collections.shuffle(lines, random);
    return lines;
  }

  private static QadRow take(List<QadRow> lines) {
    if (lines.isEmpty()) {
      throw new IllegalStateException("not enough PO lines in the seed: raise --records");
    }
    return lines.remove(lines.size() - 1);
  }
}
