package io.mlconnector.writer.qad.service;

import io.mlconnector.qadclient.QadClient;
import io.mlconnector.writer.qad.ledger.InvoiceLines;
import io.mlconnector.writer.qad.ledger.PoLine;
import io.mlconnector.writer.qad.ledger.ReceiptLedger;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Receipts before invoices (DESIGN rule 3): an invoice may post only when each PO line it bills has
 * received at least the invoiced quantity plus what the connector's earlier matched invoices
 * already consumed. Asked first of the receipt ledger (cheap, no QAD call for an invoice that
 * obviously waits), then confirmed by reading the PO lines from QAD just before posting.
 *
 * <p>Two invoices on one PO line must not both see the same received quantity as free: {@link
 * #claim} re-checks what other invoices consume and marks this one POSTING in one transaction that
 * holds a lock per PO line (PostgreSQL advisory locks, so it holds across writer instances). The
 * QAD read stays outside the lock.
 */
@ApplicationScoped
public class ReceiptGate {
  /**
   * The gate's answer: open, or the lines still short (for the operator and the clerk), with the
   * received quantities QAD reported (empty when the ledger already said no).
   */
  public record Decision(boolean open, String waitingOn, Map<PoLine, BigDecimal> receivedPerQad) {
    static Decision closed(String waitingOn) {
      return new Decision(false, waitingOn, Map.of());
    }
  }

  private final ReceiptLedger receipts;
  private final InvoiceLines lines;
  private final QadReceivedQuantities qadReceipts;

  public ReceiptGate(
      ReceiptLedger receipts, InvoiceLines lines, QadReceivedQuantities qadReceipts) {
    this.receipts = receipts;
    this.lines = lines;
    this.qadReceipts = qadReceipts;
  }

  public Decision check(String tenant, QadClient qad, InvoiceCommand command) {
    Map<PoLine, BigDecimal> needed = command.neededByPoLine();
    List<String> shortPerLedger =
        shortLines(tenant, command, needed, l -> receipts.received(tenant, l));
    if (!shortPerLedger.isEmpty()) {
      return Decision.closed(String.join("; ", shortPerLedger));
    }
    Map<PoLine, BigDecimal> inQad = qadReceipts.read(tenant, qad, needed.keySet());
    List<String> shortPerQad = shortLines(tenant, command, needed, inQad::get);
    return shortPerQad.isEmpty()
        ? new Decision(true, null, inQad)
        : new Decision(false, String.join("; ", shortPerQad) + " (per QAD)", inQad);
  }

  /**
   * Claims the received quantity an open decision saw: under the PO lines' locks, re-checks what
   * the connector's other invoices consume now and, if still enough, runs {@code markPosting} in
   * the same transaction. Another invoice that claimed first closes the gate again.
   */
  public Decision claim(
      String tenant, InvoiceCommand command, Decision checked, Runnable markPosting) {
    Map<PoLine, BigDecimal> needed = command.neededByPoLine();
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              needed.keySet().stream()
                  .sorted(Comparator.comparing(PoLine::po).thenComparingInt(PoLine::line))
                  .forEach(line -> lines.lockUntilCommit(tenant, line));
              List<String> short_ =
                  shortLines(tenant, command, needed, checked.receivedPerQad()::get);
              if (!short_.isEmpty()) {
                return new Decision(
                    false, String.join("; ", short_) + " (per QAD)", checked.receivedPerQad());
              }
              markPosting.run();
              return checked;
            });
  }

  private List<String> shortLines(
      String tenant,
      InvoiceCommand command,
      Map<PoLine, BigDecimal> needed,
      Function<PoLine, BigDecimal> receivedOf) {
    List<String> out = new ArrayList<>();
    needed.forEach(
        (line, qty) -> {
          BigDecimal received = receivedOf.apply(line);
          if (received == null) {
            out.add(line + ": PO line not found in QAD");
            return;
          }
          BigDecimal used = lines.invoicedElsewhere(tenant, command.sysId(), line);
          BigDecimal available = received.subtract(used);
          if (available.compareTo(qty) < 0) {
            out.add(
                line
                    + ": received "
                    + received.stripTrailingZeros().toPlainString()
                    + (used.signum() > 0
                        ? ", already invoiced " + used.stripTrailingZeros().toPlainString()
                        : "")
                    + ", invoiced "
                    + qty.stripTrailingZeros().toPlainString());
          }
        });
    return out;
  }
}
