package io.mlconnector.stack.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.Iterator;
import java.util.Map;

/**
 * {@code ./mlc status}: the console's {@code GET /status} per tenant and entity: last poll and
 * cursor, records behind per consumer group and topic, open parkings, invoices by status, the
 * circuit breaker per system (the worst across services), the latest error.
 */
final class TenantStatusReport {
  private TenantStatusReport() {}

  static void print(JsonNode tenants, PrintStream out) {
    if (tenants.isEmpty()) {
      out.println("no tenant registered");
    }
    for (JsonNode t : tenants) {
      JsonNode inv = t.path("invoices");
      out.printf(
          "%ntenant %s (%s)  %s  parked %d  invoices: awaiting receipt %d, posted %d,"
              + " failed %d, rejected %d%n",
          t.path("tenant").asText(),
          t.path("displayName").asText(),
          t.path("health").asText(),
          t.path("parked").asLong(),
          inv.path("AWAITING_RECEIPT").asLong(),
          inv.path("POSTED").asLong(),
          inv.path("FAILED").asLong(),
          inv.path("REJECTED").asLong());
      out.printf("  %-11s %-22s %-22s %s%n", "system", "entity", "last poll", "cursor");
      for (JsonNode e : t.path("entities")) {
        out.printf(
            "  %-11s %-22s %-22s %s / %s%n",
            e.path("system").asText(),
            e.path("entity").asText(),
            e.path("lastPoll").asText("-"),
            e.path("cursorModified").asText("-"),
            e.path("cursorKey").asText("-"));
      }
      if (t.path("entities").isEmpty()) {
        out.println("  (not polled yet)");
      }
      printBehind(t, out);
      printBreakers(t, out);
      JsonNode error = t.path("lastError");
      if (error.isObject()) {
        out.printf(
            "  last error  %s %s %s %s %s: %s%n",
            error.path("at").asText(),
            error.path("service").asText(),
            error.path("stage").asText(),
            error.path("entity").asText(),
            error.path("externalId").asText(),
            error.path("error").asText());
      }
    }
  }

  private static void printBreakers(JsonNode t, PrintStream out) {
    JsonNode breakers = t.path("breakers");
    if (breakers.isEmpty()) {
      out.println("  breakers  none published yet (no service has called this tenant)");
    }
    for (Iterator<Map.Entry<String, JsonNode>> systems = breakers.fields(); systems.hasNext(); ) {
      Map.Entry<String, JsonNode> system = systems.next();
      JsonNode b = system.getValue();
      StringBuilder line =
          new StringBuilder()
              .append(
                  String.format("  breaker %-11s %s", system.getKey(), b.path("state").asText()))
              .append(" (")
              .append(b.path("service").asText())
              .append(" since ")
              .append(b.path("since").asText());
      if (b.hasNonNull("openUntil") && "OPEN".equals(b.path("state").asText())) {
        line.append(", open until ").append(b.path("openUntil").asText());
      }
      line.append(')');
      if (b.hasNonNull("lastFailure") && !"CLOSED".equals(b.path("state").asText())) {
        line.append(": ").append(b.path("lastFailure").asText());
      }
      out.println(line);
    }
  }

  private static void printBehind(JsonNode t, PrintStream out) {
    StringBuilder line = new StringBuilder();
    for (Iterator<Map.Entry<String, JsonNode>> groups = t.path("behind").fields();
        groups.hasNext(); ) {
      Map.Entry<String, JsonNode> g = groups.next();
      g.getValue()
          .fields()
          .forEachRemaining(
              topic ->
                  line.append(line.length() == 0 ? "" : ", ")
                      .append(g.getKey())
                      .append(' ')
                      .append(topic.getKey())
                      .append(' ')
                      .append(topic.getValue().asLong()));
    }
    String capped =
        t.path("lagCapped").asBoolean() ? " (at least: backlog larger than scanned)" : "";
    if (t.hasNonNull("lagError")) {
      out.printf("  records behind  unknown: %s%n", t.path("lagError").asText());
    } else {
      out.printf("  records behind  %s%s%n", line.length() == 0 ? "0" : line, capped);
    }
  }
}
