package io.mlconnector.common.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The fleet's rate limits in the shared table {@code mlc_fleet.tenant_rate}: a 429 seen by any
 * service pauses every service's calls to that tenant's instance until {@code Retry-After} has
 * passed, and a configured budget is one token bucket for the whole fleet. Times are the database's
 * clock, so the pods' clocks need not agree.
 *
 * <p>Reads and writes run outside the caller's transaction (a writer may call an instance inside
 * one): a 429 recorded here must survive the rollback of the work it interrupted. When the database
 * cannot be reached the process goes on with what it knows itself (logged), because an outage of
 * the bookkeeping must not stop calls that the instance itself would allow.
 */
@ApplicationScoped
public class SharedRateLimits implements TenantRateLimits {
  private static final Logger LOG = Logger.getLogger(SharedRateLimits.class);
  private static final long WARN_EVERY_NANOS = Duration.ofMinutes(1).toNanos();

  /** After a failed read the table is left alone this long, so calls do not queue for the pool. */
  private static final long UNREACHABLE_NANOS = Duration.ofSeconds(5).toNanos();

  private static final String READ =
      "select greatest(0, extract(epoch from throttled_until - clock_timestamp())) * 1000"
          + " from mlc_fleet.tenant_rate where tenant = ? and system = ?";
  private static final String TAKE =
      "insert into mlc_fleet.tenant_rate as r (tenant, system, tokens, refilled_at)"
          + " values (?, ?, ? - 1, clock_timestamp())"
          + " on conflict (tenant, system) do update set"
          + " tokens = case when r.throttled_until > clock_timestamp() then r.tokens else least(?,"
          + " r.tokens + ? * extract(epoch from clock_timestamp() - r.refilled_at)) - 1 end,"
          + " refilled_at = case when r.throttled_until > clock_timestamp() then r.refilled_at"
          + " else clock_timestamp() end"
          + " returning greatest(0, extract(epoch from throttled_until - clock_timestamp())) * 1000,"
          + " tokens";
  private static final String THROTTLE =
      "insert into mlc_fleet.tenant_rate as r (tenant, system, throttled_until, throttled_by)"
          + " values (?, ?, clock_timestamp() + ? * interval '1 millisecond', ?)"
          + " on conflict (tenant, system) do update set"
          + " throttled_until = greatest(r.throttled_until, excluded.throttled_until),"
          + " throttled_by = excluded.throttled_by";

  private final DataSource dataSource;
  private final Instance<TransactionManager> transactions;
  private final RequestBudgets budgets;
  private final Duration recheckAfter;
  private final String process;
  private final LocalRateLimits known =
      new LocalRateLimits(RequestBudgets.NONE, java.time.Clock.systemUTC());
  private final Map<String, Long> clearUntil = new ConcurrentHashMap<>();
  private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

  private volatile long unreachableUntil = System.nanoTime();

  @Inject
  public SharedRateLimits(
      DataSource dataSource,
      Instance<TransactionManager> transactions,
      RateLimitConfig config,
      @ConfigProperty(name = "quarkus.application.name", defaultValue = "ml-connector")
          String process) {
    this(
        dataSource,
        transactions,
        new RequestBudgets(config.budget()),
        config.recheckAfter(),
        process);
  }

  /** For tools and tests: no transactions to step out of. */
  public SharedRateLimits(
      DataSource dataSource, RequestBudgets budgets, Duration recheckAfter, String process) {
    this(dataSource, null, budgets, recheckAfter, process);
  }

  private SharedRateLimits(
      DataSource dataSource,
      Instance<TransactionManager> transactions,
      RequestBudgets budgets,
      Duration recheckAfter,
      String process) {
    this.dataSource = dataSource;
    this.transactions = transactions;
    this.budgets = budgets;
    this.recheckAfter = recheckAfter;
    this.process = process;
  }

  @Override
  public Duration beforeCall(String tenant, String system) {
    Duration paused = known.throttledFor(tenant, system);
    if (!paused.isZero()) {
      return paused;
    }
    var budget = budgets.of(tenant, system);
    String key = tenant + "|" + system;
    Long clear = clearUntil.get(key);
    if (budget.isEmpty() && clear != null && clear - System.nanoTime() > 0) {
      return Duration.ZERO;
    }
    if (unreachableUntil - System.nanoTime() > 0) {
      return Duration.ZERO;
    }
    try {
      Duration wait =
          outsideTransaction(
              c ->
                  budget.isPresent()
                      ? take(c, tenant, system, budget.get())
                      : read(c, tenant, system));
      if (wait.isZero() && !recheckAfter.isZero()) {
        clearUntil.put(key, System.nanoTime() + recheckAfter.toNanos());
      }
      return wait;
    } catch (SQLException | RuntimeException e) {
      unreachableUntil = System.nanoTime() + UNREACHABLE_NANOS;
      warn("cannot read the fleet's rate limits; going on with this process's own", e);
      return Duration.ZERO;
    }
  }

  @Override
  public void throttled(String tenant, String system, Duration wait) {
    known.throttled(tenant, system, wait);
    clearUntil.remove(tenant + "|" + system);
    try {
      outsideTransaction(
          c -> {
            try (PreparedStatement s = c.prepareStatement(THROTTLE)) {
              s.setString(1, tenant);
              s.setString(2, system);
              s.setLong(3, wait.toMillis());
              s.setString(4, process);
              s.executeUpdate();
            }
            return null;
          });
    } catch (SQLException | RuntimeException e) {
      warn("cannot share a 429 of tenant " + tenant + " with the fleet", e);
    }
  }

  private Duration read(Connection c, String tenant, String system) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(READ)) {
      s.setString(1, tenant);
      s.setString(2, system);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? remember(tenant, system, r.getDouble(1)) : Duration.ZERO;
      }
    }
  }

  private Duration take(Connection c, String tenant, String system, RequestBudgets.Budget budget)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(TAKE)) {
      s.setString(1, tenant);
      s.setString(2, system);
      s.setDouble(3, budget.burst());
      s.setDouble(4, budget.burst());
      s.setDouble(5, budget.perSecond());
      try (ResultSet r = s.executeQuery()) {
        r.next();
        Duration paused = remember(tenant, system, r.getDouble(1));
        if (!paused.isZero()) {
          return paused;
        }
        double tokens = r.getDouble(2);
        return tokens >= 0
            ? Duration.ZERO
            : Duration.ofNanos((long) (-tokens / budget.perSecond() * 1e9));
      }
    }
  }

  /** A pause the database knows of, kept in memory until it is over. */
  private Duration remember(String tenant, String system, double millis) {
    if (millis <= 0) {
      return Duration.ZERO;
    }
    Duration paused = Duration.ofNanos((long) (millis * 1e6));
    known.throttled(tenant, system, paused);
    return paused;
  }

  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T outsideTransaction(Work<T> work) throws SQLException {
    if (transactions == null || !transactions.isResolvable()) {
      try (Connection c = dataSource.getConnection()) {
        return work.run(c);
      }
    }
    return TransactionStep.outside(
        transactions.get(),
        () -> {
          try (Connection c = dataSource.getConnection()) {
            return work.run(c);
          }
        });
  }

  private void warn(String message, Exception e) {
    long last = lastWarning.get();
    long now = System.nanoTime();
    if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
      LOG.warnf("%s: %s", message, e.toString());
    }
  }
}
