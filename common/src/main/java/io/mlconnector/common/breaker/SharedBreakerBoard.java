package io.mlconnector.common.breaker;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The fleet's view of its circuit breakers: each state change is written to {@code
 * mlc_fleet.breaker_state} (one row per tenant, system and service; the console reads it) and kept
 * in memory for the gauge {@code mlc_breaker_state{tenant,system}} (0 closed, 1 half-open, 2 open).
 *
 * <p>Writes happen on one background thread, latest state per tenant and system first: a breaker
 * changes state under its lock and must never wait for the database. When the database cannot be
 * written the latest state is kept and tried again every 5 s, so the row is right once it can be.
 * Replicas of one service share a row: the latest change of any of them wins.
 */
@ApplicationScoped
public class SharedBreakerBoard implements BreakerBoard {
  private static final Logger LOG = Logger.getLogger(SharedBreakerBoard.class);
  private static final long RETRY_SECONDS = 5;
  private static final String UPSERT =
      "insert into mlc_fleet.breaker_state as b (tenant, system, service, state, since,"
          + " last_failure, open_until, updated_at) values (?, ?, ?, ?,"
          + " clock_timestamp() - ? * interval '1 microsecond', ?,"
          + " case when ? then clock_timestamp() + ? * interval '1 microsecond' end,"
          + " clock_timestamp())"
          + " on conflict (tenant, system, service) do update set state = excluded.state,"
          + " since = excluded.since, last_failure = coalesce(excluded.last_failure,"
          + " b.last_failure), open_until = excluded.open_until, updated_at = excluded.updated_at";

  private final DataSource dataSource;
  private final String service;
  private final Instance<BreakerGauges> gauges;
  private final Map<String, BreakerStatus> latest = new ConcurrentHashMap<>();
  private final Map<String, BreakerStatus> pending = new ConcurrentHashMap<>();
  private final AtomicBoolean retryScheduled = new AtomicBoolean();
  private final ScheduledExecutorService writer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "mlc-breaker-board");
            t.setDaemon(true);
            return t;
          });

  @Inject
  public SharedBreakerBoard(
      DataSource dataSource,
      Instance<BreakerGauges> gauges,
      @ConfigProperty(name = "quarkus.application.name", defaultValue = "ml-connector")
          String service) {
    this.dataSource = dataSource;
    this.gauges = gauges;
    this.service = service;
  }

  /** For tools and tests: no metrics. */
  public SharedBreakerBoard(DataSource dataSource, String service) {
    this(dataSource, null, service);
  }

  @Override
  public void publish(BreakerStatus status) {
    String key = status.tenant() + "|" + status.system();
    if (latest.put(key, status) == null && gauges != null && gauges.isResolvable()) {
      gauges.get().watch(status.tenant(), status.system(), this::state);
    }
    pending.put(key, status);
    try {
      writer.execute(this::drain);
    } catch (RejectedExecutionException e) {
      // The service is stopping: the row keeps the state written before.
    }
  }

  /** This process's latest view of a tenant's system (null: no breaker of it has judged yet). */
  public BreakerState state(String tenant, String system) {
    BreakerStatus s = latest.get(tenant + "|" + system);
    return s == null ? null : s.effectiveState(System.nanoTime());
  }

  private void drain() {
    for (Map.Entry<String, BreakerStatus> e : pending.entrySet()) {
      try {
        write(e.getValue());
        pending.remove(e.getKey(), e.getValue());
      } catch (SQLException | RuntimeException ex) {
        LOG.warnf(
            "cannot publish the breaker state of tenant %s (%s); trying again in %d s: %s",
            e.getValue().tenant(), e.getValue().system(), RETRY_SECONDS, ex.toString());
        if (retryScheduled.compareAndSet(false, true)) {
          writer.schedule(
              () -> {
                retryScheduled.set(false);
                drain();
              },
              RETRY_SECONDS,
              TimeUnit.SECONDS);
        }
        return;
      }
    }
  }

  private void write(BreakerStatus s) throws SQLException {
    long now = System.nanoTime();
    long openLeftMicros = (s.openFor().toNanos() - (now - s.atNanos())) / 1000;
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(UPSERT)) {
      ps.setString(1, s.tenant());
      ps.setString(2, s.system());
      ps.setString(3, service);
      ps.setString(4, s.state().name());
      ps.setLong(5, (now - s.sinceNanos()) / 1000);
      ps.setString(6, s.lastFailure());
      ps.setBoolean(7, s.state() == BreakerState.OPEN);
      ps.setLong(8, openLeftMicros);
      ps.executeUpdate();
    }
  }

  @PreDestroy
  void close() {
    writer.shutdown();
    try {
      // What changed last should still reach the table when the service stops.
      writer.awaitTermination(Duration.ofSeconds(2).toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
