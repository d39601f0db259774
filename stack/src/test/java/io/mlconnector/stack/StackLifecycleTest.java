package io.mlconnector.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing outlives the launcher: not when its parent is killed, not when the launcher itself is
 * killed with SIGKILL (a watchdog stops PostgreSQL, and the next start cleans up what is left).
 */
class StackLifecycleTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @Test
  void launcherKilledWithSigkillLeavesNoPostgresAndTheNextStartIsClean(@TempDir Path dir)
      throws Exception {
    Process launcher =
        ownPostgres(new ProcessBuilder(command(dir)))
            .redirectErrorStream(true)
            .redirectOutput(dir.resolveSibling(dir.getFileName() + "-1.log").toFile())
            .start();
    StackEndpoints first = awaitReady(dir, launcher);
    long postgres = postmasterPid(dir);
    assertThat(ProcessHandle.of(postgres)).isPresent();

    launcher.destroyForcibly().waitFor();

    assertThat(awaitGone(postgres)).as("postgres %d stopped by the watchdog", postgres).isTrue();
    Process second =
        ownPostgres(new ProcessBuilder(command(dir)))
            .redirectErrorStream(true)
            .redirectOutput(dir.resolveSibling(dir.getFileName() + "-2.log").toFile())
            .start();
    try {
      StackEndpoints again = awaitReady(dir, second);
      assertThat(again.pid()).isEqualTo(second.pid()).isNotEqualTo(first.pid());
    } finally {
      second.destroy();
      assertThat(second.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    }
    assertThat(Files.exists(LocalStack.endpointsFile(dir))).as("stack.json removed").isFalse();
  }

  @Test
  void launcherFollowsItsParentWhenTheParentIsKilled(@TempDir Path dir) throws Exception {
    List<String> cmd = new ArrayList<>(command(dir));
    cmd.add("--watch-parent");
    // A shell as the parent that stays alive (no exec), so it can be killed under the launcher.
    String script = String.join(" ", cmd.stream().map(s -> "'" + s + "'").toList()) + "; true";
    Process parent =
        ownPostgres(new ProcessBuilder("sh", "-c", script))
            .redirectErrorStream(true)
            .redirectOutput(dir.resolveSibling(dir.getFileName() + "-p.log").toFile())
            .start();
    awaitReady(dir, parent);
    long launcher = StackEndpoints.readFrom(LocalStack.endpointsFile(dir)).pid();
    long postgres = postmasterPid(dir);

    parent.destroyForcibly().waitFor();

    assertThat(awaitGone(launcher)).as("launcher %d exits with its parent", launcher).isTrue();
    assertThat(awaitGone(postgres)).as("postgres %d stopped", postgres).isTrue();
  }

  /**
   * Under {@code ./mlc test} the build's shared stack is in the environment; these launchers must
   * start their own embedded PostgreSQL, whose process is what the tests watch.
   */
  private static ProcessBuilder ownPostgres(ProcessBuilder builder) {
    builder.environment().remove(StackEndpoints.ENV_JDBC_URL);
    builder.environment().remove(StackEndpoints.ENV_JDBC_USER);
    builder.environment().remove(StackEndpoints.ENV_JDBC_PASSWORD);
    builder.environment().remove(StackEndpoints.ENV_KAFKA);
    return builder;
  }

  private static List<String> command(Path stateDir) throws Exception {
    Path root = Path.of("").toAbsolutePath();
    String cp =
        root.resolve("target/classes")
            + java.io.File.pathSeparator
            + Files.readString(root.resolve("target/runtime-classpath.txt")).trim();
    return List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx384m",
        "-cp",
        cp,
        StackMain.class.getName(),
        "--state-dir",
        stateDir.toString());
  }

  /** Waits for a stack.json written by a live launcher (a killed one leaves its file behind). */
  private static StackEndpoints awaitReady(Path dir, Process process) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(LocalStack.endpointsFile(dir))) {
        StackEndpoints e = StackEndpoints.readFrom(LocalStack.endpointsFile(dir));
        if (ProcessHandle.of(e.pid()).map(ProcessHandle::isAlive).orElse(false)) {
          return e;
        }
      }
      assertThat(process.isAlive()).as("launcher still running").isTrue();
      Thread.sleep(100);
    }
    throw new AssertionError("stack not ready in " + WAIT);
  }

  private static long postmasterPid(Path dir) throws Exception {
    return Long.parseLong(Files.readAllLines(dir.resolve("postgres/postmaster.pid")).get(0).trim());
  }

  private static boolean awaitGone(long pid) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<ProcessHandle> handle = ProcessHandle.of(pid);
      if (handle.isEmpty() || !handle.get().isAlive()) {
        return true;
      }
      Thread.sleep(200);
    }
    return false;
  }
}
