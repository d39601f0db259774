package io.mlconnector.writer.qad.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The receipt ledger: (tenant, PO, line) → received quantity, fed by the poller's PO line and goods
 * receipt events and by the gate's own reads of QAD. It is the gate's first, cheap answer; QAD is
 * asked again just before posting.
 */
@ApplicationScoped
public class ReceiptLedger {
  private final Jdbc jdbc;

  public ReceiptLedger(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  /**
   * A PO line's total received quantity ({@code pod_qty_rcvd}) as of QAD's modified time; an older
   * version (a replayed event) never overwrites a newer one.
   */
  public void recordLine(String tenant, PoLine line, BigDecimal received, Instant modified) {
    jdbc.update(
        "insert into receipt_ledger (tenant, po_number, po_line, received, qad_modified)"
            + " values (?,?,?,?,?) on conflict (tenant, po_number, po_line) do update"
            + " set received = excluded.received, qad_modified = excluded.qad_modified,"
            + " updated_at = now() where receipt_ledger.qad_modified <= excluded.qad_modified",
        tenant,
        line.po(),
        line.line(),
        received,
        modified);
  }

  /** One goods receipt ({@code prh_hist} row); a redelivered receipt is counted once. */
  public void recordReceipt(
      String tenant, String receiver, PoLine line, BigDecimal quantity, Instant modified) {
    jdbc.update(
        "insert into goods_receipt (tenant, receiver, po_number, po_line, quantity, qad_modified)"
            + " values (?,?,?,?,?,?) on conflict (tenant, receiver, po_number, po_line) do update"
            + " set quantity = excluded.quantity, qad_modified = excluded.qad_modified",
        tenant,
        receiver,
        line.po(),
        line.line(),
        quantity,
        modified);
  }

  /**
   * What the line received as far as the ledger knows: the PO line's total, or the sum of its
   * receipts when those are newer than the last PO line version seen.
   */
  public BigDecimal received(String tenant, PoLine line) {
    return jdbc.query(
            "select greatest("
                + " coalesce((select received from receipt_ledger where tenant = ?"
                + " and po_number = ? and po_line = ?), 0),"
                + " coalesce((select sum(quantity) from goods_receipt where tenant = ?"
                + " and po_number = ? and po_line = ?), 0))",
            rs -> rs.getBigDecimal(1),
            tenant,
            line.po(),
            line.line(),
            tenant,
            line.po(),
            line.line())
        .get(0);
  }

  /**
   * The earliest QAD modified time the ledger knows for these lines, or empty when one of them is
   * unknown: a receipt bumps its PO line's modified time, so a read of PO lines modified since then
   * (less some skew) sees every one of them.
   */
  public Optional<Instant> knownSince(String tenant, Collection<PoLine> lines) {
    Instant earliest = null;
    for (PoLine l : lines) {
      List<Instant> seen =
          jdbc.query(
              "select least((select qad_modified from receipt_ledger where tenant = ?"
                  + " and po_number = ? and po_line = ?), (select min(qad_modified) from"
                  + " goods_receipt where tenant = ? and po_number = ? and po_line = ?))",
              rs -> Jdbc.instant(rs, "least"),
              tenant,
              l.po(),
              l.line(),
              tenant,
              l.po(),
              l.line());
      Instant t = seen.get(0);
      if (t == null) {
        return Optional.empty();
      }
      earliest = earliest == null || t.isBefore(earliest) ? t : earliest;
    }
    return Optional.ofNullable(earliest);
  }
}
