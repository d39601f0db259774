package io.mlconnector.stack.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** The invoice lines of the demo summary, from the writer's invoice ledger. */
final class DemoInvoiceReport {
  private DemoInvoiceReport() {}

  static long count(JsonNode invoices, String status) {
    long n = 0;
    for (JsonNode i : invoices) {
      n += status.equals(i.path("status").asText()) ? 1 : 0;
    }
    return n;
  }

  static void print(String tenant, JsonNode invoices, List<String> heldFirst, PrintStream out) {
    long cleared = 0;
    List<String> parked = new ArrayList<>();
    for (JsonNode i : invoices) {
      cleared += i.path("clearedFirstTime").asBoolean(false) ? 1 : 0;
      if (i.path("status").asText().equals("REJECTED")
          || i.path("status").asText().equals("FAILED")) {
        parked.add(i.path("invoiceNumber").asText() + ": " + i.path("reason").asText());
      }
    }
    out.printf("ServiceNow → QAD invoices, tenant %s%n", tenant);
    out.printf("  pulled                 %d%n", invoices.size());
    out.printf("  posted                 %d%n", count(invoices, "POSTED"));
    out.printf("  cleared first time     %d%n", cleared);
    out.printf("  held for receipt       %d  %s%n", heldFirst.size(), heldFirst);
    out.printf("  still awaiting receipt %d%n", count(invoices, "AWAITING_RECEIPT"));
    out.printf("  parked                 %d%n", parked.size());
    parked.forEach(p -> out.println("    - " + p));
    for (JsonNode i : invoices) {
      if (i.path("status").asText().equals("POSTED")) {
        out.printf(
            "  %s → QAD voucher %s (%s)%n",
            i.path("invoiceNumber").asText(),
            i.path("voucher").asText(),
            i.path("qadStatus").asText());
      }
    }
  }
}
