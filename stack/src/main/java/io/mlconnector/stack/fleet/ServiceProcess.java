package io.mlconnector.stack.fleet;

import io.mlconnector.stack.KafkaLogins;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One fleet service running as its own JVM from its packaged Quarkus app, logging to a file, and
 * told the launcher's pid so it exits when the launcher dies.
 */
public final class ServiceProcess implements AutoCloseable {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final int port;
  private final Path log;
  private Process process;

  public ServiceProcess(String name, int port, Path log) {
    this.name = name;
    this.port = port;
    this.log = log;
  }

  public String name() {
    return name;
  }

  public int port() {
    return port;
  }

  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + port);
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
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar"));
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

  /** {@code UP}, {@code DOWN}, {@code EXITED} or {@code STARTING} (not answering yet). */
  public String readiness() {
    if (process == null || !process.isAlive()) {
      return "EXITED";
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
