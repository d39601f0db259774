package io.mlconnector.stack;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a running stack can be reached. Written by the launcher once everything is ready, read by
 * tests, the demo and {@code ./mlc}.
 *
 * @param pid the launcher's process id, so a stale file can be recognised
 */
public record StackEndpoints(
    String kafkaBootstrap, String jdbcUrl, String jdbcUser, String jdbcPassword, long pid) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Environment variable names, also accepted as system properties. */
  public static final String ENV_KAFKA = "MLC_KAFKA_BOOTSTRAP";

  public static final String ENV_JDBC_URL = "MLC_JDBC_URL";
  public static final String ENV_JDBC_USER = "MLC_JDBC_USER";
  public static final String ENV_JDBC_PASSWORD = "MLC_JDBC_PASSWORD";

  /** Writes atomically, so a reader never sees half a file. */
  public void writeTo(Path file) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), this);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  public static StackEndpoints readFrom(Path file) throws IOException {
    return JSON.readValue(file.toFile(), StackEndpoints.class);
  }

  /** The same facts as shell variables, for {@code source .mlc/stack.env}. */
  public String asShellEnv() {
    return ENV_KAFKA
        + "='"
        + kafkaBootstrap
        + "'\n"
        + ENV_JDBC_URL
        + "='"
        + jdbcUrl
        + "'\n"
        + ENV_JDBC_USER
        + "='"
        + jdbcUser
        + "'\n"
        + ENV_JDBC_PASSWORD
        + "='"
        + jdbcPassword
        + "'\n";
  }

  /** Quarkus configuration pointing a service at this stack. */
  public Map<String, String> quarkusConfig() {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("kafka.bootstrap.servers", kafkaBootstrap);
    config.put("quarkus.datasource.jdbc.url", jdbcUrl);
    config.put("quarkus.datasource.username", jdbcUser);
    config.put("quarkus.datasource.password", jdbcPassword);
    return config;
  }

  /** A stack given from outside through environment variables or system properties, if any. */
  public static StackEndpoints fromEnvironment() {
    String kafka = setting(ENV_KAFKA);
    String jdbc = setting(ENV_JDBC_URL);
    if (kafka == null || jdbc == null) {
      return null;
    }
    String user = setting(ENV_JDBC_USER);
    String password = setting(ENV_JDBC_PASSWORD);
    return new StackEndpoints(
        kafka, jdbc, user == null ? "postgres" : user, password == null ? "" : password, -1);
  }

  private static String setting(String name) {
    String value = System.getProperty(name, System.getenv(name));
    return value == null || value.isBlank() ? null : value;
  }
}
