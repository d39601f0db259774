package io.mlconnector.stack.chaos;

import io.mlconnector.stack.LocalStack;
import io.mlconnector.stack.Ports;
import io.mlconnector.stack.fleet.Fleet;
import io.mlconnector.stack.fleet.ServiceProcess;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The faults a chaos run does to the fleet and the stack: kill -9 and restart of a service, a
 * second writer instance, broker and database outages, an offset-reset replay. Service lifecycle
 * changes are serialised so a restart never races a replay's stop.
 */
final class FleetFaults {
  /** The consumer groups of mapper and writer (their defaults; the chaos fleet keeps them). */
  static final List<String> CONSUMER_GROUPS =
      List.of("mlc-mapper", "mlc-writer-servicenow", "mlc-writer-qad", "mlc-writer-receipts");

  private final Fleet fleet;
  private final LocalStack stack;
  private final Map<String, Object> kafkaAdmin;
  private final Path logDir;
  private final PrintStream log;
  private final AtomicInteger restarts = new AtomicInteger();
  private final List<ServiceProcess> extras = new ArrayList<>();
  private final DlqOutage dlq;
  private final Object broker = new Object();
  private final Object database = new Object();

  FleetFaults(
      Fleet fleet, LocalStack stack, Map<String, Object> kafkaAdmin, Path logDir, PrintStream log) {
    this.fleet = fleet;
    this.stack = stack;
    this.kafkaAdmin = kafkaAdmin;
    this.logDir = logDir;
    this.log = log;
    this.dlq = new DlqOutage(kafkaAdmin);
  }

  /** SIGKILL: no shutdown hook, no offset commit, requests cut mid-flight. */
  synchronized void kill(String service) throws InterruptedException {
    fleet.service(service).kill();
  }

  /** Starts a service again if it is not running (a kill, a failed start). */
  synchronized void restart(String service) throws IOException {
    ServiceProcess s = fleet.service(service);
    if (s.readiness().equals("EXITED")) {
      fleet.restart(service);
      restarts.incrementAndGet();
    }
  }

  int restarts() {
    return restarts.get();
  }

  /** A second writer-service joins the consumer group (a rebalance mid-batch). */
  synchronized ServiceProcess secondWriter() throws IOException {
    ServiceProcess extra =
        fleet.extraInstance("writer-service", Ports.free(), logDir.resolve("writer-service-2.log"));
    extras.add(extra);
    return extra;
  }

  /** The second writer leaves again (gracefully: another rebalance). */
  synchronized void leave(ServiceProcess extra) {
    extra.close();
    extras.remove(extra);
  }

  // A stop never runs while the same broker or database still starts (the in-process broker
  // stopped mid-start crashed for the rest of a run).
  void stopKafka() {
    synchronized (broker) {
      stack.stopKafka();
    }
  }

  void startKafka() throws IOException {
    synchronized (broker) {
      stack.startKafka();
    }
  }

  void stopPostgres() throws IOException {
    synchronized (database) {
      stack.stopPostgres();
    }
  }

  void startPostgres() throws IOException {
    synchronized (database) {
      stack.startPostgres();
    }
  }

  /**
   * The chart's replay Job: stop the consumers (mapper and writer), rewind every consumer group to
   * {@code to}, start them again.
   */
  synchronized int replay(Instant to) throws IOException, InterruptedException {
    List<String> consumers = List.of("mapper-service", "writer-service");
    for (String s : consumers) {
      fleet.service(s).close();
    }
    List<ServiceProcess> stoppedExtras = new ArrayList<>(extras);
    stoppedExtras.forEach(this::leave);
    int groups = OffsetReplay.rewind(kafkaAdmin, to, CONSUMER_GROUPS, log);
    for (String s : consumers) {
      fleet.restart(s);
    }
    return groups;
  }

  /** The dead-letter topic refuses records; an unreadable record per tenant on sn.upsert. */
  void breakDlq(List<String> tenants) throws Exception {
    dlq.breakTopic();
    dlq.sendUnreadable(io.mlconnector.common.event.Topics.SN_UPSERT, tenants);
  }

  void healDlq() throws Exception {
    dlq.heal();
  }

  /** Whatever the schedule left stopped runs again; extra instances leave. */
  synchronized void healAll() throws IOException {
    try {
      dlq.heal();
    } catch (Exception e) {
      log.println("  ! dead-letter topic not healed: " + e);
    }
    new ArrayList<>(extras).forEach(this::leave);
    for (ServiceProcess s : fleet.services()) {
      restart(s.name());
    }
  }
}
