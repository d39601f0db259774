package io.mlconnector.stack.fleet;

import io.mlconnector.sandbox.SandboxLandscape;
import io.mlconnector.sandbox.qad.QadEntity;
import io.mlconnector.sandbox.qad.QadRow;
import io.mlconnector.sandbox.qad.QadTenant;
import io.mlconnector.sandbox.servicenow.ServiceNowInstance;
import io.mlconnector.sandbox.servicenow.clerk.InvoiceLine;
import io.mlconnector.sandbox.servicenow.clerk.SupplierInvoice;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The AP clerk's part of the demo (and of the invoice integration test): four approved invoices per
 * tenant that show each path — one whose receipt exists, one whose receipt is not posted yet, one
 * coded to a cost center QAD does not have, and a duplicate of the first.
 */
public final class DemoInvoices {
  /** The PO line the held invoice waits for, so the demo can post its receipt later. */
  public record Held(String poNumber, int line, BigDecimal quantity) {}

  private final SandboxLandscape sandbox;

  public DemoInvoices(SandboxLandscape sandbox) {
    this.sandbox = sandbox;
  }

  /** Approves the four invoices in ServiceNow; returns the line the held one waits for. */
  public Held approve(String tenant) {
    QadTenant qad = sandbox.qad().tenant(tenant);
    ServiceNowInstance sn = sandbox.servicenow().instance(tenant);
    QadRow received = line(qad, l -> qty(l, "pod_qty_rcvd").signum() > 0 && active(qad, l));
    QadRow open = line(qad, l -> qty(l, "pod_qty_rcvd").signum() == 0 && active(qad, l));
    BigDecimal one = BigDecimal.ONE;
    sn.apClerk().approveInvoice(invoice(qad, received, "INV-" + tenant + "-1", one, null));
    sn.apClerk().approveInvoice(invoice(qad, open, "INV-" + tenant + "-2", one, null));
    sn.apClerk()
        .approveInvoice(
            invoice(
                qad,
                received,
                "INV-" + tenant + "-3",
                one,
                SandboxLandscape.SERVICENOW_ONLY_COST_CENTER));
    sn.apClerk().approveInvoice(invoice(qad, received, "INV-" + tenant + "-1", one, null));
    return new Held(
        open.get("pod_nbr").toString(), ((Number) open.get("pod_line")).intValue(), one);
  }

  /** One more invoice, for one unit of a PO line other lines' invoices have not used. */
  public SupplierInvoice receivedInvoice(String tenant, String reference) {
    QadTenant qad = sandbox.qad().tenant(tenant);
    QadRow first = line(qad, l -> qty(l, "pod_qty_rcvd").signum() > 0 && active(qad, l));
    QadRow other =
        line(qad, l -> l != first && qty(l, "pod_qty_rcvd").signum() > 0 && active(qad, l));
    return invoice(qad, other, reference, BigDecimal.ONE, null);
  }

  /**
   * Up to {@code count} distinct PO lines with at least one unit received and active codes: one
   * invoice of one unit on each clears the three-way match (push tests and the bench).
   */
  public static List<QadRow> receivedLines(QadTenant qad, int count) {
    return qad.table(QadEntity.PURCHASE_ORDER_LINE).all().stream()
        .filter(l -> qty(l, "pod_qty_rcvd").compareTo(BigDecimal.ONE) >= 0 && active(qad, l))
        .limit(count)
        .toList();
  }

  /** The approved invoice the clerk would enter for {@code quantity} of a QAD PO line. */
  public static SupplierInvoice invoice(
      QadTenant qad, QadRow line, String reference, BigDecimal quantity, String costCenter) {
    QadRow po = qad.table(QadEntity.PURCHASE_ORDER).find(line.get("pod_nbr")).orElseThrow();
    InvoiceLine invoiceLine =
        new InvoiceLine(
            line.get("pod_nbr").toString(),
            ((Number) line.get("pod_line")).intValue(),
            String.valueOf(line.get("pod_desc")),
            quantity,
            qty(line, "pod_pur_cost"),
            costCenter != null ? costCenter : String.valueOf(line.get("pod_cc")),
            String.valueOf(line.get("pod_acct")),
            "",
            "");
    return new SupplierInvoice(
        po.get("po_vend").toString(),
        "",
        reference,
        reference,
        LocalDate.now(),
        LocalDate.now().plusDays(30),
        po.get("po_curr").toString(),
        String.valueOf(po.get("po_site")),
        BigDecimal.ZERO,
        List.of(invoiceLine));
  }

  private static QadRow line(QadTenant qad, Predicate<QadRow> wanted) {
    Optional<QadRow> found =
        qad.table(QadEntity.PURCHASE_ORDER_LINE).all().stream().filter(wanted).findFirst();
    return found.orElseThrow(() -> new IllegalStateException("no suitable PO line in the seed"));
  }

  /** The line's cost center and GL account are active in QAD, so only the intended path fails. */
  public static boolean active(QadTenant qad, QadRow line) {
    return isActive(qad, QadEntity.COST_CENTER, line.get("pod_cc"), "cc_active")
        && isActive(qad, QadEntity.GL_ACCOUNT, line.get("pod_acct"), "ac_active");
  }

  private static boolean isActive(QadTenant qad, QadEntity entity, Object code, String flag) {
    return code != null
        && qad.table(entity).find(code).map(r -> Boolean.TRUE.equals(r.get(flag))).orElse(false);
  }

  private static BigDecimal qty(QadRow row, String field) {
    return new BigDecimal(row.get(field).toString());
  }
}
