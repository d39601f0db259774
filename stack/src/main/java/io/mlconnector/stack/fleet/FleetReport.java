package io.mlconnector.stack.fleet;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/** The human-readable lines {@code ./mlc up/demo} prints about the fleet. */
final class FleetReport {
  private FleetReport() {}

  static void printServices(Fleet fleet, Map<String, String> readiness, PrintStream out) {
    out.printf("%-18s %-6s %-8s %s%n", "service", "port", "ready", "log");
    for (ServiceProcess s : fleet.services()) {
      String state = readiness.get(s.name());
      out.printf("%-18s %-6d %-8s %s%n", s.name(), s.port(), state, s.log());
      if (!"UP".equals(state)) {
        printTail(s, out);
      }
    }
  }

  private static void printTail(ServiceProcess s, PrintStream out) {
    try {
      List<String> lines = Files.readAllLines(s.log());
      lines
          .subList(Math.max(0, lines.size() - 15), lines.size())
          .forEach(l -> out.println("  | " + l));
    } catch (IOException e) {
      out.println("  | (no log: " + e.getMessage() + ")");
    }
  }
}
