package io.mlconnector.stack.fleet;

import io.mlconnector.stack.LocalStack;
import io.mlconnector.stack.StackEndpoints;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code ./mlc up} runs with, from the environment (the names of the README's configuration
 * table), with fixed default ports: services from {@code MLC_HTTP_PORT} (8080: console, then
 * mapper-service, writer-service, qad-poller, servicenow-poller), Kafka {@code MLC_KAFKA_PORT}
 * (9092, controller 9093), PostgreSQL {@code MLC_POSTGRES_PORT} (5432). {@code
 * KAFKA_BOOTSTRAP_SERVERS} / {@code QUARKUS_DATASOURCE_JDBC_URL} (+ {@code _USERNAME}, {@code
 * _PASSWORD}) replace the local broker / database.
 *
 * @param problems every setting that stops {@code up}, each naming the setting and the way out
 */
record UpSettings(
    Path stateDir,
    Map<String, Integer> servicePorts,
    LocalStack.Options stack,
    OperatorSecrets.Resolved secrets,
    List<String> problems) {

  static final String STATE_DIR = "MLC_STATE_DIR";
  static final String HTTP_PORT = "MLC_HTTP_PORT";
  static final String KAFKA_PORT = "MLC_KAFKA_PORT";
  static final String POSTGRES_PORT = "MLC_POSTGRES_PORT";
  static final String KAFKA = "KAFKA_BOOTSTRAP_SERVERS";
  static final String JDBC_URL = "QUARKUS_DATASOURCE_JDBC_URL";
  static final String JDBC_USER = "QUARKUS_DATASOURCE_USERNAME";
  static final String JDBC_PASSWORD = "QUARKUS_DATASOURCE_PASSWORD";

  static UpSettings resolve(Map<String, String> env, Path root) throws IOException {
    List<String> problems = new ArrayList<>();
    Path stateDir = stateDir(env, root);
    int http = port(env, HTTP_PORT, 8080, problems);
    Map<String, Integer> ports = new LinkedHashMap<>();
    for (int i = 0; i < Fleet.SERVICES.size(); i++) {
      ports.put(Fleet.SERVICES.get(i), http + i);
    }
    String kafka = value(env, KAFKA);
    String jdbc = value(env, JDBC_URL);
    renamed(env, StackEndpoints.ENV_KAFKA, KAFKA, problems);
    renamed(env, StackEndpoints.ENV_JDBC_URL, JDBC_URL, problems);
    int kafkaPort = kafka == null ? port(env, KAFKA_PORT, 9092, problems) : -1;
    int postgresPort = jdbc == null ? port(env, POSTGRES_PORT, 5432, problems) : -1;
    if (problems.isEmpty()) {
      ports.forEach((name, p) -> free(p, name + " (" + HTTP_PORT + " + n)", HTTP_PORT, problems));
      if (kafka == null) {
        free(kafkaPort, "Kafka", KAFKA_PORT, problems);
        free(kafkaPort + 1, "Kafka's controller (" + KAFKA_PORT + " + 1)", KAFKA_PORT, problems);
      }
      if (jdbc == null) {
        free(postgresPort, "PostgreSQL", POSTGRES_PORT, problems);
      }
    }
    StackEndpoints external =
        jdbc == null
            ? null
            : new StackEndpoints(
                null,
                jdbc,
                orDefault(value(env, JDBC_USER), "postgres"),
                orDefault(value(env, JDBC_PASSWORD), ""),
                -1);
    OperatorSecrets.Resolved secrets = OperatorSecrets.resolve(env, stateDir);
    problems.addAll(secrets.problems());
    LocalStack.Options stack =
        new LocalStack.Options(
            true, kafka, external, kafkaPort, postgresPort, secrets.kafkaSecret());
    return new UpSettings(stateDir, ports, stack, secrets, problems);
  }

  /** {@code MLC_STATE_DIR}, else {@code <root>/.mlc}: data, secrets, logs and fleet.json. */
  static Path stateDir(Map<String, String> env, Path root) {
    String dir = value(env, STATE_DIR);
    return (dir == null ? root.resolve(".mlc") : Path.of(dir)).toAbsolutePath();
  }

  private static int port(Map<String, String> env, String name, int dflt, List<String> problems) {
    String v = value(env, name);
    if (v == null) {
      return dflt;
    }
    try {
      int p = Integer.parseInt(v.trim());
      if (p > 0 && p < 65530) {
        return p;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(name + "='" + v + "' is not a port: give a number between 1 and 65529");
    return dflt;
  }

  private static void free(int port, String what, String setting, List<String> problems) {
    try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      s.setReuseAddress(true);
    } catch (IOException inUse) {
      problems.add(
          "port "
              + port
              + " for "
              + what
              + " is in use: stop what listens there, or set "
              + setting
              + " to another port");
    }
  }

  /** The launcher's internal names are not the operator's: point to the documented one. */
  private static void renamed(
      Map<String, String> env, String internal, String documented, List<String> problems) {
    if (value(env, internal) != null && value(env, documented) == null) {
      problems.add(
          internal
              + " is not read by ./mlc up: set "
              + documented
              + " instead (see the README's configuration table)");
    }
  }

  private static String value(Map<String, String> env, String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? null : v;
  }

  private static String orDefault(String v, String dflt) {
    return v == null ? dflt : v;
  }
}
