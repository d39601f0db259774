package io.mlconnector.stack;

import io.mlconnector.common.event.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The local infrastructure the fleet needs: one Kafka broker with every topic, one PostgreSQL
 * database. Lifecycle: {@link #start()} cleans up whatever a killed predecessor left in the state
 * directory, starts both servers, waits until they answer and writes {@code stack.json}; {@link
 * #close()} stops both and removes the file.
 */
public final class LocalStack implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(LocalStack.class.getName());
  static final int TOPIC_PARTITIONS = 3;

  private final Path stateDir;
  private final boolean keepData;
  private final PostgresServer postgres;
  private final KafkaBroker kafka;
  private StackEndpoints endpoints;

  /**
   * How to run the stack.
   *
   * @param keepData keep PostgreSQL's data and Kafka's log directory in the state directory across
   *     restarts ({@code ./mlc up}); false starts from empty directories (demo, tests)
   * @param kafkaBootstrap an external Kafka to use instead of the local broker, or null
   * @param externalJdbc an external PostgreSQL (URL, user, password) instead of the embedded one,
   *     or null
   * @param kafkaPort the local broker's client port (its controller takes the next), 0 for free
   * @param postgresPort the embedded PostgreSQL's port, 0 for free
   * @param kafkaSecret the secret the local broker's logins derive from ({@link KafkaLogins}), null
   *     for a fresh random one
   */
  public record Options(
      boolean keepData,
      String kafkaBootstrap,
      StackEndpoints externalJdbc,
      int kafkaPort,
      int postgresPort,
      String kafkaSecret) {

    /** Throwaway servers on free ports, PostgreSQL possibly external, logins of this run. */
    public static Options throwaway(StackEndpoints externalJdbc) {
      return new Options(false, null, externalJdbc, 0, 0, null);
    }

    public Options withKafkaSecret(String secret) {
      return new Options(keepData, kafkaBootstrap, externalJdbc, kafkaPort, postgresPort, secret);
    }
  }

  /**
   * @param externalJdbc an external PostgreSQL to use instead of the embedded one, or null
   */
  public LocalStack(Path stateDir, StackEndpoints externalJdbc) {
    this(stateDir, Options.throwaway(externalJdbc));
  }

  public LocalStack(Path stateDir, Options options) {
    this.stateDir = stateDir.toAbsolutePath();
    this.keepData = options.keepData();
    StackEndpoints jdbc = options.externalJdbc();
    this.postgres =
        jdbc == null
            ? new PostgresServer(
                this.stateDir.resolve("postgres"), options.postgresPort(), keepData)
            : PostgresServer.external(jdbc.jdbcUrl(), jdbc.jdbcUser(), jdbc.jdbcPassword());
    this.kafka =
        options.kafkaBootstrap() == null
            ? new KafkaBroker(
                this.stateDir.resolve("kafka").resolve("data"),
                options.kafkaPort(),
                options.kafkaSecret() == null
                    ? KafkaLogins.generate()
                    : KafkaLogins.of(options.kafkaSecret()))
            : KafkaBroker.external(options.kafkaBootstrap());
  }

  public StackEndpoints start() throws Exception {
    cleanUpStaleState();
    Files.createDirectories(stateDir);
    Files.writeString(pidFile(), Long.toString(ProcessHandle.current().pid()));
    long started = System.nanoTime();
    postgres.start();
    kafka.start();
    kafka.createTopics(Topics.ALL, TOPIC_PARTITIONS, Duration.ofSeconds(60));
    kafka.grantServices(Duration.ofSeconds(60));
    KafkaLogins logins = kafka.logins();
    endpoints =
        new StackEndpoints(
            kafka.bootstrapServers(),
            postgres.jdbcUrl(),
            postgres.user(),
            postgres.password(),
            ProcessHandle.current().pid(),
            logins == null ? null : logins.secret());
    endpoints.writeTo(endpointsFile(stateDir));
    writeOwnerOnly(stateDir.resolve("stack.env"), endpoints.asShellEnv());
    LOG.info(
        () ->
            String.format(
                "stack ready in %d ms: kafka %s, postgres %s",
                (System.nanoTime() - started) / 1_000_000,
                endpoints.kafkaBootstrap(),
                endpoints.jdbcUrl()));
    return endpoints;
  }

  /**
   * Writes a file only its owner can read (it may hold the JDBC password, and {@code StackMain}'s
   * generated Kafka secret).
   */
  static void writeOwnerOnly(Path file, String content) throws IOException {
    Files.deleteIfExists(file);
    Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(file, content);
  }

  /** Outage controls for chaos runs: the broker stops, its data and ports stay. */
  public void stopKafka() {
    kafka.stop();
  }

  /** Starts the broker again if it was stopped. */
  public void startKafka() throws IOException {
    if (!kafka.running()) {
      kafka.start();
    }
  }

  /** Outage controls for chaos runs: the embedded PostgreSQL stops, its data and port stay. */
  public void stopPostgres() throws IOException {
    postgres.stop();
  }

  public void startPostgres() throws IOException {
    postgres.restart();
  }

  public static Path endpointsFile(Path stateDir) {
    return stateDir.resolve("stack.json");
  }

  private Path pidFile() {
    return stateDir.resolve("stack.pid");
  }

  /**
   * A launcher killed with SIGKILL cannot stop its PostgreSQL child: stop that one, and a previous
   * launcher still running from this directory, then start from empty directories (unless the data
   * is to be kept).
   */
  private void cleanUpStaleState() throws IOException {
    if (!Files.exists(stateDir)) {
      return;
    }
    StaleProcesses.stop(StaleProcesses.pidIn(pidFile()), "previous stack launcher");
    for (long pid : PostgresServer.stalePids(stateDir.resolve("postgres"))) {
      StaleProcesses.stop(pid, "orphaned postgres");
    }
    if (keepData) {
      return;
    }
    try (Stream<Path> files = Files.walk(stateDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Override
  public void close() {
    try {
      kafka.close();
    } finally {
      try {
        postgres.close();
      } catch (IOException e) {
        LOG.warning("postgres did not stop cleanly: " + e);
      }
      try {
        Files.deleteIfExists(endpointsFile(stateDir));
        Files.deleteIfExists(pidFile());
        Files.deleteIfExists(stateDir.resolve("stack.env"));
      } catch (IOException ignored) {
        // Best effort: the next start cleans the directory anyway.
      }
    }
  }
}
