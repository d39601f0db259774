package io.mlconnector.stack.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;

/** {@code ./mlc status}: each service of the running fleet, its URL and its readiness. */
final class FleetStatus {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private FleetStatus() {}

  /** Prints one line per service; true when every one is ready. */
  static boolean print(JsonNode fleet, Path file, PrintStream out) {
    if (!fleet.path("services").fields().hasNext()) {
      out.println("nothing running here: no " + file + " (start ./mlc up or ./mlc demo)");
      return false;
    }
    boolean allUp = true;
    out.printf("%-18s %-28s %s%n", "service", "url", "ready");
    for (Iterator<Map.Entry<String, JsonNode>> it = fleet.path("services").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> s = it.next();
      String state = readiness(URI.create(s.getValue().asText()));
      allUp &= state.equals("UP");
      out.printf("%-18s %-28s %s%n", s.getKey(), s.getValue().asText(), state);
    }
    return allUp;
  }

  private static String readiness(URI base) {
    try {
      HttpResponse<Void> r =
          HTTP.send(
              HttpRequest.newBuilder(base.resolve("/q/health/ready"))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      return r.statusCode() == 200 ? "UP" : "DOWN (HTTP " + r.statusCode() + ")";
    } catch (IOException e) {
      return "NOT RUNNING (" + e.getClass().getSimpleName() + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "UNKNOWN";
    }
  }
}
