package io.mlconnector.stack.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The invoice lines of the demo summary, from the writer's invoice ledger. Every approval has a
 * ledger row; a duplicate reference posts nothing new in QAD and resolves to the voucher of the
 * first, so vouchers are counted once and the rows sharing one are the duplicates refused.
 */
final class DemoInvoiceReport {
  private DemoInvoiceReport() {}

  /**
   * @param posted voucher → invoice number, each voucher once
   * @param duplicates invoice numbers of approvals that resolved to an already posted voucher
   * @param parked "number: reason" of what was rejected or failed
   */
  record Summary(
      int approvals,
      Map<String, String> posted,
      List<String> duplicates,
      List<String> parked,
      long awaiting,
      long clearedFirstTime) {}

  static Summary summary(JsonNode invoices) {
    Map<String, String> posted = new LinkedHashMap<>();
    List<String> duplicates = new ArrayList<>();
    List<String> parked = new ArrayList<>();
    long awaiting = 0;
    long cleared = 0;
    for (JsonNode i : invoices) {
      String status = i.path("status").asText();
      String number = i.path("invoiceNumber").asText();
      if (status.equals("POSTED")) {
        String voucher = i.path("voucher").asText();
        if (posted.putIfAbsent(voucher, number) != null) {
          duplicates.add(number);
        } else if (i.path("clearedFirstTime").asBoolean(false)) {
          cleared++;
        }
      } else if (status.equals("REJECTED") || status.equals("FAILED")) {
        parked.add(number + ": " + i.path("reason").asText());
      }
      awaiting += status.equals("AWAITING_RECEIPT") ? 1 : 0;
    }
    return new Summary(invoices.size(), posted, duplicates, parked, awaiting, cleared);
  }

  /**
   * @param heldFirst invoices that waited for their receipt before posting
   * @param inQad supplier invoices QAD holds for the tenant (its own count, not the ledger's)
   */
  static void print(
      String tenant, JsonNode invoices, List<String> heldFirst, int inQad, PrintStream out) {
    Summary s = summary(invoices);
    out.printf("ServiceNow → QAD invoices, tenant %s%n", tenant);
    out.printf("  approved in ServiceNow   %d%n", s.approvals());
    out.printf(
        "  posted into QAD          %d  (%d cleared the three-way match first time)%n",
        s.posted().size(), s.clearedFirstTime());
    s.posted().forEach((voucher, number) -> out.printf("    %s → voucher %s%n", number, voucher));
    out.printf(
        "  held for receipt first   %d  %s%n", heldFirst.size(), String.join(", ", heldFirst));
    if (s.awaiting() > 0) {
      out.printf("  still awaiting receipt   %d%n", s.awaiting());
    }
    out.printf("  parked                   %d%n", s.parked().size());
    s.parked().forEach(p -> out.println("    " + p));
    out.printf(
        "  duplicates refused       %d  %s%n",
        s.duplicates().size(), String.join(", ", s.duplicates()));
    out.printf("  supplier invoices in QAD %d%n", inQad);
  }
}
