package io.mlconnector.writer.qad.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;
import javax.sql.DataSource;

/**
 * {@code qad_invoice_line}: the PO lines and quantities of each invoice, so the gate knows what the
 * connector already invoiced against a PO line and which waiting invoices a receipt releases.
 */
@ApplicationScoped
public class InvoiceLines {
  private final Jdbc jdbc;

  public InvoiceLines(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  /** Replaces the lines of an invoice (a new command version may change them). */
  public void replace(String tenant, String sysId, List<InvoiceLine> lines) {
    jdbc.update("delete from qad_invoice_line where tenant = ? and sys_id = ?", tenant, sysId);
    for (InvoiceLine l : lines) {
      jdbc.update(
          "insert into qad_invoice_line (tenant, sys_id, line_no, po_number, po_line, quantity)"
              + " values (?,?,?,?,?,?)",
          tenant,
          sysId,
          l.lineNo(),
          l.poLine().po(),
          l.poLine().line(),
          l.quantity());
    }
  }

  /** One invoice line: its number, the PO line it bills and the quantity. */
  public record InvoiceLine(int lineNo, PoLine poLine, BigDecimal quantity) {}

  /**
   * Quantity of a PO line on the connector's other invoices that consume receipts in QAD: posted
   * ones QAD matched (only a Matched invoice consumes received quantity) and postings under way.
   */
  public BigDecimal invoicedElsewhere(String tenant, String sysId, PoLine line) {
    return jdbc.query(
            "select coalesce(sum(l.quantity), 0) from qad_invoice_line l join qad_invoice i"
                + " on i.tenant = l.tenant and i.sys_id = l.sys_id where l.tenant = ?"
                + " and l.po_number = ? and l.po_line = ? and l.sys_id <> ?"
                + " and (i.status = 'POSTING' or (i.status = 'POSTED' and i.qad_status = 'Matched'))",
            rs -> rs.getBigDecimal(1),
            tenant,
            line.po(),
            line.line(),
            sysId)
        .get(0);
  }

  /**
   * Locks a PO line until the caller's transaction ends, so check-and-claim of its received
   * quantity is atomic across threads and writer instances. Callers lock lines in a fixed order.
   */
  public void lockUntilCommit(String tenant, PoLine line) {
    jdbc.query(
        "select 1 from (select pg_advisory_xact_lock(hashtext(?), hashtext(?))) l",
        rs -> 1,
        tenant,
        "po-line|" + line.po() + "|" + line.line());
  }

  /** Invoices of a tenant awaiting a receipt on this PO line. */
  public List<String> awaitingOn(String tenant, PoLine line) {
    return jdbc.query(
        "select distinct i.sys_id from qad_invoice i join qad_invoice_line l"
            + " on i.tenant = l.tenant and i.sys_id = l.sys_id where i.tenant = ?"
            + " and i.status = 'AWAITING_RECEIPT' and l.po_number = ? and l.po_line = ?",
        rs -> rs.getString(1),
        tenant,
        line.po(),
        line.line());
  }

  /** PO lines of a tenant's invoices awaiting a receipt. */
  public List<PoLine> awaitedLines(String tenant) {
    return jdbc.query(
        "select distinct l.po_number, l.po_line from qad_invoice i join qad_invoice_line l"
            + " on i.tenant = l.tenant and i.sys_id = l.sys_id where i.tenant = ?"
            + " and i.status = 'AWAITING_RECEIPT'",
        rs -> new PoLine(rs.getString(1), rs.getInt(2)),
        tenant);
  }
}
