package io.mlconnector.stack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Apache Kafka broker in KRaft combined mode (broker + controller), running
 * inside the launcher's JVM so it cannot outlive it. Storage is formatted with Kafka's own
 * StorageTool, exactly as {@code kafka-storage.sh format} would.
 */
final class KafkaBroker implements AutoCloseable {
  private final Path logDir;
  private final int port;
  private final int controllerPort;
  private final String external;
  private KafkaRaftServer server;

  /**
   * @param port the client port, 0 for a free one; the controller listens on the next port then
   */
  KafkaBroker(Path logDir, int port) {
    this(logDir, port == 0 ? Ports.free() : port, port == 0 ? Ports.free() : port + 1, null);
  }

  private KafkaBroker(Path logDir, int port, int controllerPort, String external) {
    this.logDir = logDir;
    this.port = port;
    this.controllerPort = controllerPort;
    this.external = external;
  }

  /** A broker someone else runs: nothing to start or stop, only the topics to create. */
  static KafkaBroker external(String bootstrapServers) {
    return new KafkaBroker(null, -1, -1, bootstrapServers);
  }

  String bootstrapServers() {
    return external != null ? external : "127.0.0.1:" + port;
  }

  /**
   * Formats the log directory unless it already is (a kept directory keeps its topics and offsets),
   * then starts the broker.
   */
  void start() throws IOException {
    if (external != null) {
      return;
    }
    Files.createDirectories(logDir);
    Path propsFile = logDir.resolveSibling("server.properties");
    Properties props = properties();
    try (OutputStream out = Files.newOutputStream(propsFile)) {
      props.store(out, "ml-connector local broker");
    }
    format(propsFile);
    server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
    server.startup();
  }

  private Properties properties() {
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", "1");
    p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    p.put(
        "listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
    p.put("controller.listener.names", "CONTROLLER");
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("log.dirs", logDir.toAbsolutePath().toString());
    p.put("num.partitions", "3");
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "4");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("auto.create.topics.enable", "false");
    // Small buffers: the broker runs beside the fleet on a 2-core CI machine.
    p.put("log.cleaner.dedupe.buffer.size", "8388608");
    p.put("num.network.threads", "2");
    p.put("num.io.threads", "4");
    return p;
  }

  private static void format(Path propsFile) {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);
    String[] args = {
      "format", "-t", "mlc-local-cluster-000001", "-c", propsFile.toString(), "--ignore-formatted"
    };
    int rc = StorageTool.execute(args, out);
    if (rc != 0) {
      throw new IllegalStateException(
          "kafka storage format failed: " + captured.toString(StandardCharsets.UTF_8));
    }
  }

  /** Waits until the broker answers, then creates the topics that are missing. */
  void createTopics(Collection<String> topics, int partitions, Duration timeout)
      throws InterruptedException {
    try (Admin admin = Admin.create(adminConfig(timeout))) {
      Set<NewTopic> wanted =
          topics.stream()
              .map(t -> new NewTopic(t, partitions, (short) 1))
              .collect(Collectors.toSet());
      long deadline = System.nanoTime() + timeout.toNanos();
      while (true) {
        try {
          admin.describeCluster().nodes().get();
          for (var entry : admin.createTopics(wanted).values().entrySet()) {
            awaitCreated(entry.getValue());
          }
          return;
        } catch (ExecutionException e) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("Kafka broker not ready in " + timeout, e);
          }
          Thread.sleep(200);
        }
      }
    }
  }

  private static void awaitCreated(org.apache.kafka.common.KafkaFuture<Void> future)
      throws ExecutionException, InterruptedException {
    try {
      future.get();
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e;
      }
    }
  }

  private Map<String, Object> adminConfig(Duration timeout) {
    return Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        bootstrapServers(),
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
        (int) timeout.toMillis(),
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
        5000);
  }

  /** Stops the broker, keeping its data: {@link #start()} brings it back on the same ports. */
  void stop() {
    close();
  }

  boolean running() {
    return server != null;
  }

  @Override
  public void close() {
    if (server != null) {
      server.shutdown();
      server.awaitShutdown();
      server = null;
    }
  }
}
