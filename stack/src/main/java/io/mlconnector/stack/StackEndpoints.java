package io.mlconnector.stack;

import com.fasterxml.jackson.annotation.JsonIgnore;
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
 * @param kafkaSecret the secret the local broker's logins derive from ({@link KafkaLogins}); never
 *     written to {@code stack.json}, null for a broker the stack does not run
 */
public record StackEndpoints(
    String kafkaBootstrap,
    String jdbcUrl,
    String jdbcUser,
    String jdbcPassword,
    long pid,
    @JsonIgnore String kafkaSecret) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Endpoints without a local broker's logins (an external Kafka, or JDBC only). */
  public StackEndpoints(
      String kafkaBootstrap, String jdbcUrl, String jdbcUser, String jdbcPassword, long pid) {
    this(kafkaBootstrap, jdbcUrl, jdbcUser, jdbcPassword, pid, null);
  }

  /** The same endpoints with the broker's secret (kept in memory by whoever started it). */
  public StackEndpoints withKafkaSecret(String secret) {
    return new StackEndpoints(kafkaBootstrap, jdbcUrl, jdbcUser, jdbcPassword, pid, secret);
  }

  /** The local broker's logins, or null when the stack does not run the broker. */
  public KafkaLogins kafkaLogins() {
    return kafkaSecret == null ? null : KafkaLogins.of(kafkaSecret);
  }

  /**
   * Kafka client settings with bootstrap servers, logged in as the super user: what tests and the
   * launcher's own clients use.
   */
  public Map<String, Object> kafkaAdminSettings() {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("bootstrap.servers", kafkaBootstrap);
    KafkaLogins logins = kafkaLogins();
    settings.putAll(
        logins != null
            ? logins.clientSettings(KafkaLogins.ADMIN)
            : ExternalKafka.clientSettings(System.getenv()));
    return settings;
  }

  /**
   * The environment of a service started as its own process: bootstrap servers, PostgreSQL and the
   * service's own Kafka login ({@code principal}, see {@link KafkaAcls}).
   */
  public Map<String, String> serviceEnv(String principal) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap);
    env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
    env.put("QUARKUS_DATASOURCE_USERNAME", jdbcUser);
    env.put("QUARKUS_DATASOURCE_PASSWORD", jdbcPassword);
    KafkaLogins logins = kafkaLogins();
    if (logins != null) {
      env.putAll(logins.serviceEnv(principal));
    }
    return env;
  }

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

  /**
   * Quarkus configuration pointing a service under test at this stack. It logs in as the super
   * user: a test publishes the service's input through the same beans (the services' own principals
   * and ACLs are proven by {@code KafkaAclsTest} and exercised by every fleet run).
   */
  public Map<String, String> quarkusConfig() {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("kafka.bootstrap.servers", kafkaBootstrap);
    config.put("quarkus.datasource.jdbc.url", jdbcUrl);
    config.put("quarkus.datasource.username", jdbcUser);
    config.put("quarkus.datasource.password", jdbcPassword);
    KafkaLogins logins = kafkaLogins();
    if (logins != null) {
      config.putAll(logins.serviceConfig(KafkaLogins.ADMIN));
    }
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
        kafka,
        jdbc,
        user == null ? "postgres" : user,
        password == null ? "" : password,
        -1,
        setting(KafkaLogins.ENV_SECRET));
  }

  private static String setting(String name) {
    String value = System.getProperty(name, System.getenv(name));
    return value == null || value.isBlank() ? null : value;
  }
}
