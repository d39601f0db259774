package io.mlconnector.sandbox.servicenow.traffic;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Inbound REST rate limiting as in {@code sys_rate_limit_rules}: requests per hour per user, a rule
 * for one user wins over the all-users rule. Windows are clock hours, so {@code X-RateLimit-Reset}
 * is the next full hour. Unlike a real instance (which commits counts every 30 s) counting is
 * exact.
 */
public final class RateLimiter {
  /** The outcome for one request; {@code limit} 0 means no rule matched. */
  public record Decision(
      boolean allowed, int limit, String ruleSysId, long resetEpochSecond, long retryAfterSeconds) {
    public boolean ruleMatched() {
      return limit > 0;
    }
  }

  private record Rule(String sysId, int perHour) {}

  private final Clock clock;
  private final Map<String, Rule> userRules = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
  private volatile Rule allUsersRule;

  public RateLimiter(Clock clock) {
    this.clock = clock;
  }

  /** Rule for every user; {@code perHour <= 0} removes it. */
  public void limitAllUsers(int perHour) {
    allUsersRule = perHour > 0 ? new Rule(newSysId(), perHour) : null;
  }

  /** Rule for one user, taking precedence over the all-users rule; {@code <= 0} removes it. */
  public void limitUser(String userName, int perHour) {
    if (perHour > 0) {
      userRules.put(userName, new Rule(newSysId(), perHour));
    } else {
      userRules.remove(userName);
    }
  }

  /** Counts the request against the user's rule and decides. */
  public Decision admit(String userName) {
    long now = clock.instant().getEpochSecond();
    long windowStart = now - Math.floorMod(now, 3600L);
    long reset = windowStart + 3600;
    Rule rule = userRules.getOrDefault(userName, allUsersRule);
    if (rule == null) {
      return new Decision(true, 0, null, reset, 0);
    }
    int used =
        counts
            .computeIfAbsent(userName + "|" + windowStart, k -> new AtomicInteger())
            .incrementAndGet();
    boolean allowed = used <= rule.perHour();
    return new Decision(allowed, rule.perHour(), rule.sysId(), reset, allowed ? 0 : reset - now);
  }

  public void resetCounts() {
    counts.clear();
  }

  private static String newSysId() {
    return UUID.randomUUID().toString().replace("-", "");
  }
}
