package io.mlconnector.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/** Finds and stops processes a previous run left behind, by pid file. */
final class StaleProcesses {
  private static final Logger LOG = Logger.getLogger(StaleProcesses.class.getName());

  private StaleProcesses() {}

  static OptionalLong pidIn(Path pidFile) {
    try {
      return OptionalLong.of(Long.parseLong(Files.readString(pidFile).trim()));
    } catch (IOException | NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  static void stop(OptionalLong pid, String what) {
    pid.ifPresent(p -> stop(p, what));
  }

  /** SIGTERM, then SIGKILL after 10 s; never the current process. */
  static void stop(long pid, String what) {
    if (pid == ProcessHandle.current().pid()) {
      return;
    }
    ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .ifPresent(
            handle -> {
              LOG.warning("stopping " + what + " (pid " + pid + ") left by an earlier run");
              handle.destroy();
              try {
                handle.onExit().get(10, TimeUnit.SECONDS);
              } catch (Exception timeout) {
                handle.destroyForcibly();
              }
            });
  }
}
