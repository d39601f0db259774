package io.mlconnector.common.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GrowingDelayTest {
  private final GrowingDelay delay =
      new GrowingDelay(Duration.ofMillis(100), Duration.ofSeconds(1));

  @Test
  void doublesFromTheBaseUpToTheCap() {
    // the largest draw is the ceiling itself
    assertThat(delay.nth(1, bound -> bound)).isEqualTo(Duration.ofMillis(100));
    assertThat(delay.nth(2, bound -> bound)).isEqualTo(Duration.ofMillis(200));
    assertThat(delay.nth(4, bound -> bound)).isEqualTo(Duration.ofMillis(800));
    assertThat(delay.nth(5, bound -> bound)).isEqualTo(Duration.ofSeconds(1));
    assertThat(delay.nth(10_000, bound -> bound)).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void drawsBetweenHalfAndAllOfTheCeiling() {
    assertThat(delay.nth(3, bound -> 0)).isEqualTo(Duration.ofMillis(200));
    for (int i = 0; i < 1_000; i++) {
      assertThat(delay.nth(3)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
    }
  }

  @Test
  void refusesNegativeDelays() {
    assertThatThrownBy(() -> new GrowingDelay(Duration.ofMillis(-1), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
