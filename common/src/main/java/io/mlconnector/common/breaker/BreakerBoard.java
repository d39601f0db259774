package io.mlconnector.common.breaker;

/**
 * Where circuit breakers publish their state changes, so the fleet's status (the console, {@code
 * ./mlc status}, {@code /q/metrics}) shows a tenant's breakers without asking each process. {@link
 * SharedBreakerBoard} writes them to {@code mlc_fleet.breaker_state}; {@link #NONE} keeps them in
 * the breaker (tools and tests without a database).
 */
@FunctionalInterface
public interface BreakerBoard {
  BreakerBoard NONE = status -> {};

  /**
   * Called by a breaker, under its lock, each time its state changes (and once for its first
   * verdict): must return at once, never call out.
   */
  void publish(BreakerStatus status);
}
