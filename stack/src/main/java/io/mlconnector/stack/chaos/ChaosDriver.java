package io.mlconnector.stack.chaos;

import io.mlconnector.stack.fleet.ServiceProcess;
import java.io.PrintStream;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Plays a {@link ChaosSchedule}: each event at its second, timed faults switched off again after
 * their duration, killed services restarted. Counts what it injected, per kind.
 */
final class ChaosDriver {
  private final SandboxFaults sandbox;
  private final FleetFaults fleet;
  private final ChaosInvoices invoices;
  private final PoisonedRecords poisoned;
  private final Random random;
  private final PrintStream log;
  private final Map<FaultKind, Long> injected = new EnumMap<>(FaultKind.class);
  private final ScheduledExecutorService later = Executors.newScheduledThreadPool(2);
  private Instant started;

  ChaosDriver(
      SandboxFaults sandbox,
      FleetFaults fleet,
      ChaosInvoices invoices,
      PoisonedRecords poisoned,
      Random random,
      PrintStream log) {
    this.sandbox = sandbox;
    this.fleet = fleet;
    this.invoices = invoices;
    this.poisoned = poisoned;
    this.random = random;
    this.log = log;
  }

  /** Runs the schedule to its end, including the switch-offs and restarts it scheduled. */
  void run(ChaosSchedule schedule) throws InterruptedException {
    started = Instant.now();
    long t0 = System.nanoTime();
    for (ChaosEvent event : schedule.events()) {
      long due = t0 + TimeUnit.SECONDS.toNanos(event.atSecond());
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      try {
        fire(event);
        count(event.kind(), 1);
      } catch (Exception e) {
        log.printf("  ! %s failed: %s%n", event, e);
      }
    }
    later.shutdown();
    later.awaitTermination(5, TimeUnit.MINUTES);
  }

  private void fire(ChaosEvent event) throws Exception {
    log.printf("  t+%3ds %s %s%n", elapsed(), event.kind().key(), event.target());
    switch (event.kind()) {
      case SERVICE_KILL -> {
        fleet.kill(event.target());
        after(event.seconds(), () -> fleet.restart(event.target()));
      }
      case WRITER_SECOND_INSTANCE -> {
        ServiceProcess extra = fleet.secondWriter();
        after(event.seconds(), () -> fleet.leave(extra));
      }
      case KAFKA_RESTART -> {
        fleet.stopKafka();
        after(event.seconds(), fleet::startKafka);
      }
      case POSTGRES_RESTART -> {
        fleet.stopPostgres();
        after(event.seconds(), fleet::startPostgres);
      }
      case OFFSET_RESET_REPLAY -> {
        // Back to a point before the run's middle: a third of the way in.
        Instant to = started.plusSeconds(Math.max(1, elapsed() / 3));
        int groups = fleet.replay(to);
        if (groups == 0) {
          // Not counted as injected: a replay that rewound nothing tested nothing.
          throw new IllegalStateException("no consumer group rewound");
        }
        log.printf("    rewound %d consumer groups to %s%n", groups, to);
      }
      case DLQ_OUTAGE -> {
        fleet.breakDlq(ChaosRun.TENANTS);
        after(event.seconds(), fleet::healDlq);
      }
      case POISONED_RECORD ->
          log.printf("    %d poisoned records sent%n", poisoned.send(ChaosRun.TENANTS));
      case QAD_RECORD_CHANGES -> sandbox.changeRecords(event.target());
      case CLERK_EDITS_APPROVED_INVOICE -> invoices.editApproved(3, random);
      case CLERK_RESUBMITS_INVOICE -> log.printf("    %d resubmitted%n", invoices.resubmit());
      case LATE_RECEIPT ->
          log.printf(
              "    %d receipts posted%n",
              invoices.lateReceipts(event.detail().startsWith("first") ? 0.5 : 1.0));
      case SAME_LINE_INVOICES -> invoices.approveSameLine();
      case INVOICE_APPROVALS ->
          invoices.approveWave(Integer.parseInt(event.detail().substring("wave ".length())));
      default -> {
        Runnable off = sandbox.on(event);
        if (event.seconds() > 0) {
          after(event.seconds(), off::run);
        }
      }
    }
  }

  /** An action after a delay, on the driver's timer; failures are logged, never thrown. */
  private void after(int seconds, Action action) {
    later.schedule(
        () -> {
          try {
            action.run();
          } catch (Exception e) {
            log.printf("  ! delayed action failed: %s%n", e);
          }
        },
        seconds,
        TimeUnit.SECONDS);
  }

  @FunctionalInterface
  private interface Action {
    void run() throws Exception;
  }

  private long elapsed() {
    return java.time.Duration.between(started, Instant.now()).toSeconds();
  }

  private synchronized void count(FaultKind kind, long n) {
    injected.merge(kind, n, Long::sum);
  }

  /** Events fired per kind; lost answers are counted by the simulators instead (see report). */
  synchronized Map<FaultKind, Long> injected() {
    return new EnumMap<>(injected);
  }
}
