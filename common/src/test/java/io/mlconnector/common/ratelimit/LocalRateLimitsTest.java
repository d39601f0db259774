package io.mlconnector.common.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class LocalRateLimitsTest {
  private Instant now = Instant.parse("2025-03-01T10:00:00Z");
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };

  @Test
  void aPauseHoldsUntilItEndsAndAShorterOneNeverReplacesIt() {
    LocalRateLimits limits = new LocalRateLimits(RequestBudgets.NONE, clock);
    limits.throttled("acme", "servicenow", Duration.ofSeconds(30));
    limits.throttled("acme", "servicenow", Duration.ofSeconds(5));

    assertThat(limits.beforeCall("acme", "servicenow")).isEqualTo(Duration.ofSeconds(30));
    assertThat(limits.beforeCall("acme", "qad")).isZero();
    assertThat(limits.beforeCall("other", "servicenow")).isZero();
    now = now.plusSeconds(30);
    assertThat(limits.beforeCall("acme", "servicenow")).isZero();
  }

  @Test
  void aBudgetLetsItsBurstGoThenPromisesLaterTurnsAtItsRate() {
    LocalRateLimits limits =
        new LocalRateLimits(new RequestBudgets(Map.of("servicenow", budget(2, 2))), clock);

    assertThat(limits.beforeCall("acme", "servicenow")).isZero();
    assertThat(limits.beforeCall("acme", "servicenow")).isZero();
    assertThat(limits.beforeCall("acme", "servicenow")).isEqualTo(Duration.ofMillis(500));
    assertThat(limits.beforeCall("acme", "servicenow")).isEqualTo(Duration.ofSeconds(1));
    now = now.plusSeconds(1);
    assertThat(limits.beforeCall("acme", "servicenow")).isEqualTo(Duration.ofMillis(500));
    assertThat(limits.beforeCall("acme", "qad")).isZero(); // no budget for QAD
  }

  private static RateLimitConfig.Budget budget(double perSecond, double burst) {
    return new RateLimitConfig.Budget() {
      @Override
      public OptionalDouble perSecond() {
        return OptionalDouble.of(perSecond);
      }

      @Override
      public OptionalDouble burst() {
        return OptionalDouble.of(burst);
      }

      @Override
      public Map<String, Double> tenants() {
        return Map.of();
      }
    };
  }
}
