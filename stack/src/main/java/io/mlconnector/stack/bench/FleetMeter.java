package io.mlconnector.stack.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time and peak memory of the fleet's processes, read from Linux's {@code /proc} (zeros where
 * it is not readable, e.g. on another OS). The processes: each service, the launcher's own JVM
 * ({@code stack}: Kafka, both simulators and the bench itself) and PostgreSQL (the postmaster, the
 * backends it has reaped and those still running).
 */
final class FleetMeter {
  static final String STACK = "stack (kafka + sandbox + bench)";
  static final String POSTGRES = "postgresql";
  private static final double TICKS_PER_SECOND = 100; // USER_HZ on Linux

  private final Map<String, Long> services;
  private final long postmaster;

  /**
   * @param services service name → pid
   * @param postmaster the PostgreSQL server's pid, or -1
   */
  FleetMeter(Map<String, Long> services, long postmaster) {
    this.services = Map.copyOf(services);
    this.postmaster = postmaster;
  }

  /** The postmaster's pid from its data directory's {@code postmaster.pid}, or -1. */
  static long postmasterOf(Path dataDir) {
    try {
      List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"));
      return lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).trim());
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
  }

  /** CPU seconds used so far, per process (services by name, then stack and PostgreSQL). */
  Map<String, Double> cpuSeconds() {
    Map<String, Double> out = new LinkedHashMap<>();
    services.forEach((name, pid) -> out.put(name, ticks(pid, true) / TICKS_PER_SECOND));
    out.put(STACK, ticks(ProcessHandle.current().pid(), true) / TICKS_PER_SECOND);
    double pg = postmaster < 0 ? 0 : ticks(postmaster, true);
    for (long child : childrenOf(postmaster)) {
      pg += ticks(child, false);
    }
    out.put(POSTGRES, pg / TICKS_PER_SECOND);
    return out;
  }

  /** Each service's peak resident memory so far ({@code VmHWM}), in MB. */
  Map<String, Long> peakRssMb() {
    Map<String, Long> out = new LinkedHashMap<>();
    services.forEach((name, pid) -> out.put(name, peakRssKb(pid) / 1024));
    return out;
  }

  /** The difference of two {@link #cpuSeconds()} readings, per process. */
  static Map<String, Double> used(Map<String, Double> before, Map<String, Double> after) {
    Map<String, Double> out = new LinkedHashMap<>();
    after.forEach((name, s) -> out.put(name, s - before.getOrDefault(name, 0.0)));
    return out;
  }

  /** utime + stime (+ cutime + cstime: children it waited for) of a process, in ticks. */
  private static long ticks(long pid, boolean withReapedChildren) {
    String[] f = statFields(pid);
    if (f.length < 15) {
      return 0;
    }
    // Fields after "(comm) ": state is index 0, so /proc field n is index n - 3.
    long own = Long.parseLong(f[11]) + Long.parseLong(f[12]);
    return withReapedChildren ? own + Long.parseLong(f[13]) + Long.parseLong(f[14]) : own;
  }

  private static String[] statFields(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    } catch (IOException | RuntimeException e) {
      return new String[0];
    }
  }

  private static List<Long> childrenOf(long parent) {
    if (parent < 0) {
      return List.of();
    }
    List<Long> out = new java.util.ArrayList<>();
    try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path p : procs) {
        long pid = Long.parseLong(p.getFileName().toString());
        String[] f = statFields(pid);
        if (f.length > 1 && f[1].equals(Long.toString(parent))) {
          out.add(pid);
        }
      }
    } catch (IOException e) {
      return out;
    }
    return out;
  }

  private static long peakRssKb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    return 0;
  }
}
