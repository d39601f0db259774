package io.mlconnector.stack;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The stack a test JVM uses: the one named by {@code MLC_KAFKA_BOOTSTRAP} + {@code MLC_JDBC_URL} +
 * {@code MLC_STACK_KAFKA_SECRET} (set by {@code ./mlc test} and CI, which start one stack for the
 * whole build), or else one launched here, in its own JVM, once per test JVM. A launched stack
 * follows this JVM: it stops when this JVM exits, even when it is killed.
 */
public final class SharedStack {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
  private static StackEndpoints endpoints;

  private SharedStack() {}

  public static synchronized StackEndpoints endpoints() {
    if (endpoints == null) {
      StackEndpoints given = StackEndpoints.fromEnvironment();
      endpoints = given != null ? given : launch();
    }
    return endpoints;
  }

  private static StackEndpoints launch() {
    try {
      Path stateDir = Files.createTempDirectory("mlc-stack-");
      Path log = stateDir.resolveSibling(stateDir.getFileName() + ".log");
      // The broker's logins derive from a secret of this JVM, handed to the launcher by
      // environment: it is in no file.
      KafkaLogins logins = KafkaLogins.generate();
      ProcessBuilder builder =
          new ProcessBuilder(command(stateDir))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().put(KafkaLogins.ENV_SECRET, logins.secret());
      Process process = builder.start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process), "stack-stop"));
      return awaitReady(process, LocalStack.endpointsFile(stateDir), log)
          .withKafkaSecret(logins.secret());
    } catch (IOException e) {
      throw new IllegalStateException("cannot launch the local stack", e);
    }
  }

  static List<String> command(Path stateDir) throws IOException {
    Path root = projectRoot();
    Path classes = root.resolve("stack/target/classes");
    Path deps = root.resolve("stack/target/runtime-classpath.txt");
    if (!Files.exists(deps)) {
      throw new IllegalStateException(
          deps + " is missing: build the stack module first (mvn -pl stack -am package)");
    }
    String classpath = classes + File.pathSeparator + Files.readString(deps).trim();
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx384m");
    cmd.add("-cp");
    cmd.add(classpath);
    cmd.add(StackMain.class.getName());
    cmd.add("--state-dir");
    cmd.add(stateDir.toString());
    cmd.add("--watch-parent");
    return cmd;
  }

  /** The repository root: {@code -Dmlc.root}, or the nearest parent directory holding mlc. */
  public static Path projectRoot() {
    String configured = System.getProperty("mlc.root");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.exists(p.resolve("mlc")) && Files.exists(p.resolve("stack"))) {
        return p;
      }
    }
    throw new IllegalStateException("cannot find the ml-connector root; set -Dmlc.root");
  }

  private static StackEndpoints awaitReady(Process process, Path file, Path log)
      throws IOException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(file)) {
        return StackEndpoints.readFrom(file);
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "local stack exited with " + process.exitValue() + ":\n" + tail(log));
      }
      sleep();
    }
    process.destroyForcibly();
    throw new IllegalStateException(
        "local stack not ready in " + START_TIMEOUT + ":\n" + tail(log));
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the stack", e);
    }
  }

  private static void stop(Process process) {
    process.destroy();
    try {
      if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
    }
  }
}
