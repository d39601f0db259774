package io.mlconnector.stack;

import io.mlconnector.common.kafka.KafkaSecurity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
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
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Apache Kafka broker in KRaft combined mode (broker + controller), running
 * inside the launcher's JVM so it cannot outlive it. Storage is formatted with Kafka's own
 * StorageTool, exactly as {@code kafka-storage.sh format} would.
 *
 * <p>Clients must log in (SASL/SCRAM-SHA-512 on the client listener, {@link KafkaLogins}) and are
 * authorized by KRaft's {@code StandardAuthorizer}: the super user {@value KafkaLogins#ADMIN} is
 * created at format time ({@code --add-scram}), the services' logins and {@link KafkaAcls} by the
 * super user once the broker runs; without an ACL nothing is allowed. The controller listener
 * (loopback) takes SASL/PLAIN with the super user only: KRaft controllers cannot check SCRAM.
 */
final class KafkaBroker implements AutoCloseable {
  private final Path logDir;
  private final int port;
  private final int controllerPort;
  private final String external;
  private final KafkaLogins logins;
  private KafkaRaftServer server;

  /**
   * @param port the client port, 0 for a free one; the controller listens on the next port then
   */
  KafkaBroker(Path logDir, int port, KafkaLogins logins) {
    this(
        logDir, port == 0 ? Ports.free() : port, port == 0 ? Ports.free() : port + 1, null, logins);
  }

  private KafkaBroker(
      Path logDir, int port, int controllerPort, String external, KafkaLogins logins) {
    this.logDir = logDir;
    this.port = port;
    this.controllerPort = controllerPort;
    this.external = external;
    this.logins = logins;
  }

  /**
   * A broker someone else runs: nothing to start or stop, only the topics to create (with the admin
   * settings of the environment's {@code MLC_KAFKA_*}, see {@link #adminConfig}).
   */
  static KafkaBroker external(String bootstrapServers) {
    return new KafkaBroker(null, -1, -1, bootstrapServers, null);
  }

  /** The logins of the local broker; null for an external one. */
  KafkaLogins logins() {
    return logins;
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
    Properties props = properties();
    format(props);
    props.putAll(secretProperties());
    server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
    server.startup();
  }

  private Properties properties() {
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", "1");
    p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    p.put("listeners", "CLIENTS://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
    p.put("advertised.listeners", "CLIENTS://127.0.0.1:" + port);
    p.put("controller.listener.names", "CONTROLLER");
    p.put(
        "listener.security.protocol.map",
        "CLIENTS:" + KafkaLogins.PROTOCOL + ",CONTROLLER:SASL_PLAINTEXT");
    p.put("inter.broker.listener.name", "CLIENTS");
    p.put("sasl.enabled.mechanisms", KafkaLogins.MECHANISM);
    p.put("sasl.mechanism.inter.broker.protocol", KafkaLogins.MECHANISM);
    p.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
    p.put("sasl.mechanism.controller.protocol", "PLAIN");
    p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
    p.put("super.users", "User:" + KafkaLogins.ADMIN);
    p.put("allow.everyone.if.no.acl.found", "false");
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

  /** The broker's own logins (the super user's password): kept in memory, never in a file. */
  private Properties secretProperties() {
    String admin = KafkaLogins.ADMIN;
    String password = logins.password(admin);
    Properties p = new Properties();
    p.put(
        "listener.name.clients." + KafkaLogins.MECHANISM.toLowerCase() + ".sasl.jaas.config",
        KafkaSecurity.scramJaas(admin, password));
    p.put(
        "listener.name.controller.plain.sasl.jaas.config",
        "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
            + admin
            + "\" password=\""
            + password
            + "\" user_"
            + admin
            + "=\""
            + password
            + "\";");
    return p;
  }

  /**
   * Formats the log directory (unless it already is) with the super user's SCRAM credential. The
   * properties file StorageTool reads holds no password and is removed right after.
   */
  private void format(Properties props) throws IOException {
    Path propsFile = logDir.resolveSibling("server.properties");
    try (OutputStream out = Files.newOutputStream(propsFile)) {
      props.store(out, "ml-connector local broker (format only)");
    }
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);
    String scram =
        KafkaLogins.MECHANISM
            + "=[name="
            + KafkaLogins.ADMIN
            + ",password="
            + logins.password(KafkaLogins.ADMIN)
            + "]";
    String[] args = {
      "format",
      "-t",
      "mlc-local-cluster-000001",
      "-c",
      propsFile.toString(),
      "--ignore-formatted",
      "--add-scram",
      scram
    };
    int rc;
    try {
      rc = StorageTool.execute(args, out);
    } finally {
      Files.deleteIfExists(propsFile);
    }
    if (rc != 0) {
      throw new IllegalStateException(
          "kafka storage format failed: " + captured.toString(StandardCharsets.UTF_8));
    }
  }

  /**
   * Gives every service its SCRAM login and its ACLs ({@link KafkaAcls}); both are upserts, so a
   * kept log directory ({@code ./mlc up}) gets them again with this run's passwords.
   */
  void grantServices(Duration timeout) throws InterruptedException {
    if (external != null) {
      return;
    }
    try (Admin admin = Admin.create(adminConfig(timeout))) {
      List<UserScramCredentialAlteration> logins = new ArrayList<>();
      List<AclBinding> acls = new ArrayList<>();
      for (KafkaAcls service : KafkaAcls.SERVICES) {
        logins.add(
            new UserScramCredentialUpsertion(
                service.principal(),
                new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096),
                this.logins.password(service.principal())));
        acls.addAll(service.bindings());
      }
      admin.alterUserScramCredentials(logins).all().get();
      admin.createAcls(acls).all().get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot create the services' Kafka logins and ACLs", e);
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

  /** The super user's client settings (for an external broker: the environment's). */
  private Map<String, Object> adminConfig(Duration timeout) {
    Map<String, Object> config =
        new HashMap<>(
            logins != null
                ? logins.clientSettings(KafkaLogins.ADMIN)
                : ExternalKafka.clientSettings(System.getenv()));
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
    return config;
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
