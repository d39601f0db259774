package io.mlconnector.stack.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.stack.SharedStack;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code ./mlc ping <tenant>}: asks the console for the tenant's onboarding report and prints it;
 * {@code ./mlc rotate-key}: re-encrypts every stored credential under the active key. The console
 * URL and API token come from {@code MLC_CONSOLE_URL} / {@code MLC_CONSOLE_API_TOKEN}, else from
 * the {@code .mlc/fleet.json} a running {@code ./mlc up} or {@code ./mlc demo} wrote. Exit code 0
 * when the tenant is ready, 1 when a check failed.
 */
public final class PingMain {
  private PingMain() {}

  public static void main(String[] args) throws Exception {
    boolean rotate = args.length == 1 && args[0].equals("--rotate-key");
    if (args.length != 1) {
      System.err.println("usage: ./mlc ping <tenant> | ./mlc rotate-key");
      System.exit(2);
    }
    JsonNode fleet = FleetFile.read(SharedStack.projectRoot());
    String url = setting("MLC_CONSOLE_URL", fleet.path("services").path("console").asText(null));
    String token = setting("MLC_CONSOLE_API_TOKEN", fleet.path("consoleApiToken").asText(null));
    if (url == null || token == null) {
      System.err.println(
          "no console to ask: run ./mlc up or ./mlc demo, or set MLC_CONSOLE_URL and"
              + " MLC_CONSOLE_API_TOKEN");
      System.exit(2);
    }
    if (rotate) {
      JsonNode result =
          new OperatorApi(token).post(URI.create(url).resolve("/admin/crypto/rotate"), null);
      System.out.println(result.toPrettyString());
      System.exit(0);
    }
    JsonNode report =
        new OperatorApi(token).post(URI.create(url).resolve("/tenants/" + args[0] + "/ping"), null);
    PingReport.print(report, System.out);
    System.exit(report.path("ready").asBoolean() ? 0 : 1);
  }

  private static String setting(String env, String fallback) {
    String value = System.getenv(env);
    return value == null || value.isBlank() ? fallback : value;
  }

  /** {@code .mlc/fleet.json}: where the running fleet's services listen. */
  static final class FleetFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FleetFile() {}

    static Path path(Path root) {
      return root.resolve(".mlc").resolve("fleet.json");
    }

    static JsonNode read(Path root) throws java.io.IOException {
      Path file = path(root);
      return Files.exists(file) ? JSON.readTree(file.toFile()) : JSON.createObjectNode();
    }

    static void write(Path root, Fleet fleet, String apiToken) throws java.io.IOException {
      var doc = JSON.createObjectNode();
      var services = doc.putObject("services");
      fleet.services().forEach(s -> services.put(s.name(), s.baseUri().toString()));
      if (apiToken != null) {
        doc.put("consoleApiToken", apiToken);
      }
      Path file = path(root);
      Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc));
      try {
        Files.setPosixFilePermissions(
            file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        // Best effort: the token is a throwaway of this demo run anyway.
      }
    }
  }
}
