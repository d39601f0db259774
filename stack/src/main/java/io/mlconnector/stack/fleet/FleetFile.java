package io.mlconnector.stack.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * {@code <state>/fleet.json} (owner-only): where the running {@code up}/{@code demo} fleet's
 * services listen, and where the operator token is: the demo's throwaway token itself, or the
 * secrets file {@code up} generated. Read by {@code ./mlc ping} and {@code ./mlc status}.
 */
final class FleetFile {
  private static final ObjectMapper JSON = new ObjectMapper();

  private FleetFile() {}

  static Path path(Path stateDir) {
    return stateDir.resolve("fleet.json");
  }

  static JsonNode read(Path stateDir) throws IOException {
    Path file = path(stateDir);
    return Files.exists(file) ? JSON.readTree(file.toFile()) : JSON.createObjectNode();
  }

  /**
   * @param apiToken the demo's token, or null
   * @param secretsFile the file holding {@code up}'s generated token, or null
   */
  static void write(Path stateDir, Fleet fleet, String apiToken, Path secretsFile)
      throws IOException {
    var doc = JSON.createObjectNode();
    var services = doc.putObject("services");
    fleet.services().forEach(s -> services.put(s.name(), s.baseUri().toString()));
    if (apiToken != null) {
      doc.put("consoleApiToken", apiToken);
    }
    if (secretsFile != null) {
      doc.put("secretsFile", secretsFile.toString());
    }
    Path file = path(stateDir);
    Files.createDirectories(stateDir);
    Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc));
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // Best effort: not every file system has POSIX permissions.
    }
  }

  /** The operator token: the demo's, or the one in the secrets file {@code up} names; or null. */
  static String token(JsonNode fleet) throws IOException {
    String token = fleet.path("consoleApiToken").asText(null);
    if (token == null && fleet.hasNonNull("secretsFile")) {
      token = OperatorSecrets.tokenIn(Path.of(fleet.path("secretsFile").asText()));
    }
    return token;
  }
}
