package io.mlconnector.it;

import io.mlconnector.stack.SharedStack;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./mlc up} as an operator runs it (the real launcher, FleetMain, through the mlc script),
 * on ports and a state directory of the test's own and with none of the build's stack settings.
 */
final class UpLauncher {
  private static final Duration READY = Duration.ofMinutes(4);

  /** Settings ./mlc test and CI put in this JVM's environment that an operator would not have. */
  private static final List<String> NOT_THE_OPERATORS =
      List.of(
          "MLC_KAFKA_BOOTSTRAP",
          "MLC_JDBC_URL",
          "MLC_JDBC_USER",
          "MLC_JDBC_PASSWORD",
          "MLC_STACK_KAFKA_SECRET",
          "KAFKA_BOOTSTRAP_SERVERS",
          "QUARKUS_DATASOURCE_JDBC_URL",
          "QUARKUS_DATASOURCE_USERNAME",
          "QUARKUS_DATASOURCE_PASSWORD",
          "MLC_CONSOLE_API_TOKEN",
          "MLC_CONSOLE_URL",
          "MLC_CRYPTO_KEYS",
          "MLC_CRYPTO_ACTIVE_KEY_ID");

  final Path state;
  final int httpPort;
  final int kafkaPort;
  final int postgresPort;

  UpLauncher(Path state) throws IOException {
    this.state = state;
    this.httpPort = freeRun(5);
    this.kafkaPort = freeRun(2);
    this.postgresPort = freeRun(1);
  }

  /** The mlc script with this launcher's environment. */
  ProcessBuilder mlc(String... args) {
    Path root = SharedStack.projectRoot();
    List<String> cmd = new java.util.ArrayList<>(List.of(root.resolve("mlc").toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(cmd).directory(root.toFile());
    Map<String, String> env = builder.environment();
    NOT_THE_OPERATORS.forEach(env::remove);
    env.put("MLC_STATE_DIR", state.toString());
    env.put("MLC_HTTP_PORT", Integer.toString(httpPort));
    env.put("MLC_KAFKA_PORT", Integer.toString(kafkaPort));
    env.put("MLC_POSTGRES_PORT", Integer.toString(postgresPort));
    return builder;
  }

  /** Starts {@code ./mlc up} and waits until it says it is running. */
  Process start(Path log) throws Exception {
    Process up = mlc("up").redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long deadline = System.nanoTime() + READY.toNanos();
    while (System.nanoTime() < deadline) {
      String text = Files.exists(log) ? Files.readString(log) : "";
      if (text.contains("running; Ctrl-C stops everything")) {
        return up;
      }
      if (!up.isAlive()) {
        throw new AssertionError("./mlc up exited with " + up.exitValue() + ":\n" + text);
      }
      Thread.sleep(500);
    }
    stop(up);
    throw new AssertionError("./mlc up not running in " + READY + ":\n" + Files.readString(log));
  }

  /** Ctrl-C as an operator would (SIGTERM to the launcher's JVM); waits until all is stopped. */
  static void stop(Process up) throws InterruptedException {
    up.destroy();
    if (!up.waitFor(90, TimeUnit.SECONDS)) {
      up.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      throw new AssertionError("./mlc up did not stop within 90 s of SIGTERM");
    }
  }

  /** The first port of {@code n} consecutive free loopback ports. */
  private static int freeRun(int n) throws IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      int first;
      try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        first = s.getLocalPort();
      }
      if (first + n < 65000 && allFree(first, n)) {
        return first;
      }
    }
    throw new IOException("no " + n + " consecutive free ports");
  }

  private static boolean allFree(int first, int n) {
    for (int p = first; p < first + n; p++) {
      try (ServerSocket s = new ServerSocket(p, 1, InetAddress.getLoopbackAddress())) {
        s.setReuseAddress(true);
      } catch (IOException inUse) {
        return false;
      }
    }
    return true;
  }
}
