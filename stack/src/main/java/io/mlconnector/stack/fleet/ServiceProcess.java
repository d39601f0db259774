package io.mlconnector.stack.fleet;

import io.mlconnector.stack.KafkaLogins;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One fleet service running as its own JVM from its packaged Quarkus app, logging to a file, and
 * told the launcher's pid so it exits when the launcher dies.
 *
 * <p>Port {@link #ANY_PORT} lets the service bind a free port itself and learns it from the log's
 * "Listening on" line: a port picked beforehand and handed over can be taken by another process
 * (any outgoing connection uses the same ephemeral range) before the JVM binds it.
 */
public final class ServiceProcess implements AutoCloseable {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** Let the service choose its port; {@link #port()} is known once it listens. */
  public static final int ANY_PORT = 0;

  /**
   * JVM options of every service, unless the launcher's environment sets {@code MLC_JAVA_OPTS}
   * (space-separated, replacing these): a heap that starts small and grows with the live data
   * (about 40 MB for the writer at 100,000 records) instead of being committed at its maximum from
   * the start, the serial collector (one core's worth of services per core), and the client
   * compiler only, for quick starts.
   */
  static final List<String> DEFAULT_JVM_OPTIONS =
      List.of("-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

  static final String JVM_OPTIONS_ENV = "MLC_JAVA_OPTS";

  private static final Pattern LISTENING = Pattern.compile("Listening on: https?://[^\\s]*:(\\d+)");
  private static final int TAIL_LINES = 40;

  private final String name;
  private final int requestedPort;
  private final Path log;
  private volatile int port;
  private long logStart;
  private Process process;

  public ServiceProcess(String name, int port, Path log) {
    this.name = name;
    this.requestedPort = port;
    this.port = port;
    this.log = log;
  }

  public String name() {
    return name;
  }

  /** The port it listens on; 0 while a service that chose its own has not said it yet. */
  public int port() {
    if (port == ANY_PORT) {
      port = listeningPort();
    }
    return port;
  }

  public URI baseUri() {
    int known = port();
    if (known == ANY_PORT) {
      throw new IllegalStateException(name + " is not listening yet; wait until it is ready");
    }
    return URI.create("http://127.0.0.1:" + known);
  }

  public Path log() {
    return log;
  }

  /** Starts {@code <root>/<name>/target/quarkus-app/quarkus-run.jar} with the given settings. */
  public void start(Path root, Map<String, String> env) throws IOException {
    Path jar = root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
    if (!Files.exists(jar)) {
      throw new IllegalStateException(jar + " is missing: build first (./mlc build)");
    }
    Files.createDirectories(log.getParent());
    logStart = process != null && Files.exists(log) ? Files.size(log) : 0;
    port = requestedPort;
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmOptions(System.getenv(JVM_OPTIONS_ENV)));
    cmd.add("-jar");
    cmd.add(jar.toString());
    ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true);
    // A restart after a kill keeps the killed instance's log above its own.
    builder.redirectOutput(
        process == null
            ? ProcessBuilder.Redirect.to(log.toFile())
            : ProcessBuilder.Redirect.appendTo(log.toFile()));
    // The local broker's secret opens every principal: a service gets only its own login.
    builder.environment().remove(KafkaLogins.ENV_SECRET);
    builder.environment().putAll(env);
    builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
    builder.environment().put("MLC_PARENT_PID", Long.toString(ProcessHandle.current().pid()));
    process = builder.start();
  }

  /** {@code MLC_JAVA_OPTS}'s options, or the defaults when it is unset or blank. */
  static List<String> jvmOptions(String fromEnvironment) {
    if (fromEnvironment == null || fromEnvironment.isBlank()) {
      return DEFAULT_JVM_OPTIONS;
    }
    return List.of(fromEnvironment.trim().split("\\s+"));
  }

  /** {@code UP}, {@code DOWN}, {@code EXITED} or {@code STARTING} (not answering yet). */
  public String readiness() {
    if (process == null || !process.isAlive()) {
      return "EXITED";
    }
    if (port() == ANY_PORT) {
      return "STARTING";
    }
    try {
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(baseUri().resolve("/q/health/ready"))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 ? "UP" : "DOWN";
    } catch (IOException e) {
      return "STARTING";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "STARTING";
    }
  }

  /**
   * The last lines this start logged, for an error message: why a service exited is in its log, and
   * a CI report shows the message, not the file.
   */
  public String logTail() {
    List<String> lines = linesSinceStart(false);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
  }

  private int listeningPort() {
    for (String line : linesSinceStart(true)) {
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
    }
    return ANY_PORT;
  }

  /** Up to 1 MB of what this start logged: its first (head) or last part. */
  private List<String> linesSinceStart(boolean head) {
    try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
      long from = Math.min(logStart, file.length());
      byte[] bytes = new byte[(int) Math.min(file.length() - from, 1 << 20)];
      file.seek(head ? from : file.length() - bytes.length);
      file.readFully(bytes);
      return new String(bytes, StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  public long pid() {
    return process == null ? -1 : process.pid();
  }

  /** SIGKILL: the crash a test wants to survive (no shutdown hooks, no offset commits). */
  public void kill() throws InterruptedException {
    if (process != null) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** SIGTERM (graceful Quarkus shutdown), SIGKILL after 20 s. */
  @Override
  public void close() {
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
