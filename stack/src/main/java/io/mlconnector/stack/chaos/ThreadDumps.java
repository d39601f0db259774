package io.mlconnector.stack.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Thread dumps of running services, taken with the JDK's {@code jcmd <pid> Thread.print} (the JDK
 * that runs the harness runs the services too), each written to a file: a consumer or replay thread
 * stuck on a lock or a socket shows only here.
 */
final class ThreadDumps {
  private ThreadDumps() {}

  /**
   * Dumps each process ({@code name → pid}) to {@code <dir>/<prefix><name>.threads.txt}.
   *
   * @return per name the file written, or why there is none
   */
  static Map<String, String> write(Path dir, String prefix, Map<String, Long> pids)
      throws InterruptedException {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, Long> p : pids.entrySet()) {
      Path file = dir.resolve(prefix + p.getKey() + ".threads.txt");
      try {
        out.put(p.getKey(), dump(p.getValue(), file));
      } catch (IOException e) {
        out.put(p.getKey(), "no thread dump: " + e);
      }
    }
    return out;
  }

  private static String dump(long pid, Path file) throws IOException, InterruptedException {
    if (pid <= 0 || ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true)) {
      return "no thread dump: process " + pid + " is not running";
    }
    Files.createDirectories(file.getParent());
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Process p =
        new ProcessBuilder(List.of(jcmd.toString(), Long.toString(pid), "Thread.print", "-l"))
            .redirectErrorStream(true)
            .redirectOutput(file.toFile())
            .start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return "no thread dump: jcmd " + pid + " did not finish within 60 s";
    }
    return p.exitValue() == 0
        ? file.toString()
        : "no thread dump: jcmd " + pid + " exited " + p.exitValue() + " (see " + file + ")";
  }
}
