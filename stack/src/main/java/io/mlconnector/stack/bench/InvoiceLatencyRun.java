package io.mlconnector.stack.bench;

import io.mlconnector.sandbox.qad.QadRow;
import io.mlconnector.sandbox.qad.QadTenant;
import io.mlconnector.sandbox.qad.SupplierInvoice;
import io.mlconnector.sandbox.servicenow.ServiceNowInstance;
import io.mlconnector.stack.fleet.DemoInvoices;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Approves invoices in the ServiceNow simulator one after another and notes, for each, when its
 * voucher appears in the QAD simulator (its ledger is looked at every 100 ms). The push Business
 * Rule is switched on or off for the whole pass; the servicenow-poller polls invoices on its
 * schedule meanwhile.
 */
final class InvoiceLatencyRun {
  private final QadTenant qad;
  private final ServiceNowInstance sn;
  private final URI notifyUrl;
  private final String secret;
  private final PrintStream out;
  private final List<QadRow> lines;
  private int used;

  InvoiceLatencyRun(
      QadTenant qad,
      ServiceNowInstance sn,
      URI notifyUrl,
      String secret,
      int invoices,
      PrintStream out) {
    this.qad = qad;
    this.sn = sn;
    this.notifyUrl = notifyUrl;
    this.secret = secret;
    this.out = out;
    this.lines = DemoInvoices.receivedLines(qad, invoices);
  }

  /** Approves {@code count} invoices {@code spacing} apart; returns each one's latency in ms. */
  List<Long> measure(String label, boolean push, int count, Duration spacing, Duration timeout)
      throws InterruptedException {
    if (push) {
      sn.pushRule().enable(notifyUrl, secret);
    } else {
      sn.pushRule().disable();
    }
    Map<String, Long> approvedAt = new LinkedHashMap<>();
    Map<String, Long> latency = new LinkedHashMap<>();
    long next = System.nanoTime();
    long deadline = next + spacing.multipliedBy(count).plus(timeout).toNanos();
    while (latency.size() < count && System.nanoTime() < deadline) {
      if (approvedAt.size() < count && System.nanoTime() >= next) {
        String reference = "BENCH-" + label + "-" + approvedAt.size();
        QadRow line = lines.get(used++);
        approvedAt.put(reference, System.nanoTime());
        sn.apClerk()
            .approveInvoice(DemoInvoices.invoice(qad, line, reference, BigDecimal.ONE, null));
        next += spacing.toNanos();
      }
      Set<String> vouchered =
          qad.invoices().all().stream()
              .map(SupplierInvoice::invoiceReference)
              .collect(Collectors.toSet());
      long now = System.nanoTime();
      approvedAt.forEach(
          (reference, at) -> {
            if (!latency.containsKey(reference) && vouchered.contains(reference)) {
              latency.put(reference, (now - at) / 1_000_000);
            }
          });
      Thread.sleep(100);
    }
    sn.pushRule().disable();
    List<Long> figures = new ArrayList<>(latency.values());
    out.printf(
        "  %s: %d of %d invoices in QAD, p50 %d ms, p95 %d ms%n",
        label,
        figures.size(),
        count,
        InvoiceLatency.percentile(figures, 50),
        InvoiceLatency.percentile(figures, 95));
    return figures;
  }
}
