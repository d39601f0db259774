package io.mlconnector.writer.qad.service;

import io.mlconnector.qadclient.QadClient;
import io.mlconnector.writer.qad.ledger.InvoiceLines;
import io.mlconnector.writer.qad.ledger.PoLine;
import io.mlconnector.writer.qad.ledger.ReceiptLedger;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Receipts before invoices (DESIGN rule 3): an invoice may post only when each PO line it bills has
 * received at least the invoiced quantity plus what the connector's earlier matched invoices
 * already consumed. Asked first of the receipt ledger (cheap, no QAD call for an invoice that
 * obviously waits), then confirmed by reading the PO lines from QAD just before posting.
 */
@ApplicationScoped
public class ReceiptGate {
  /** The gate's answer: open, or the lines still short (for the operator and the clerk). */
  public record Decision(boolean open, String waitingOn) {}

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
      return new Decision(false, String.join("; ", shortPerLedger));
    }
    Map<PoLine, BigDecimal> inQad = qadReceipts.read(tenant, qad, needed.keySet());
    List<String> shortPerQad = shortLines(tenant, command, needed, inQad::get);
    return shortPerQad.isEmpty()
        ? new Decision(true, null)
        : new Decision(false, String.join("; ", shortPerQad) + " (per QAD)");
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
