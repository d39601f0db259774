package io.mlconnector.sandbox.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The "ambiguous outcome" fault of a simulator's write endpoints: the write is applied (the row
 * exists) and then the answer is lost in the way {@link LostAnswer} chosen per endpoint. A share of
 * successful writes is hit, drawn from a seeded random so a run can be repeated; every hit is
 * counted so a test harness can report how often it happened.
 */
public final class AmbiguousWrites {
  /** Default wait of {@link LostAnswer#TIMEOUT}: longer than the connector clients' 30 s. */
  public static final long DEFAULT_TIMEOUT_MILLIS = 35_000;

  /** One endpoint's switch. */
  public record Switch(double rate, LostAnswer mode, long timeoutMillis) {}

  private final Map<String, Switch> switches = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> injected = new ConcurrentHashMap<>();
  private final Random random = new Random(42);

  /** Loses the answer of {@code rate} (0..1) of the successful writes to {@code endpoint}. */
  public AmbiguousWrites set(String endpoint, double rate, LostAnswer mode, long timeoutMillis) {
    if (rate <= 0) {
      switches.remove(endpoint);
    } else {
      switches.put(endpoint, new Switch(Math.min(1, rate), mode, timeoutMillis));
    }
    return this;
  }

  public AmbiguousWrites set(String endpoint, double rate, LostAnswer mode) {
    return set(endpoint, rate, mode, DEFAULT_TIMEOUT_MILLIS);
  }

  /** The endpoints switched on now, with their switch. */
  public Map<String, Switch> switches() {
    return Map.copyOf(switches);
  }

  /** Answers lost so far on {@code endpoint}, all modes together. */
  public long injected(String endpoint) {
    return injected.entrySet().stream()
        .filter(e -> e.getKey().startsWith(endpoint + ":"))
        .mapToLong(e -> e.getValue().get())
        .sum();
  }

  /** Switches every endpoint off (the injected counts stay). */
  public void clear() {
    switches.clear();
  }

  /**
   * The answer the client gets for a write to {@code endpoint} that was handled with {@code
   * applied}: unchanged unless the write succeeded and this call is drawn.
   */
  public SimResponse answer(String endpoint, SimResponse applied) throws InterruptedException {
    Switch s = switches.get(endpoint);
    if (s == null || applied.status() < 200 || applied.status() >= 300 || !draw(s.rate())) {
      return applied;
    }
    injected.computeIfAbsent(endpoint + ":" + s.mode(), k -> new AtomicLong()).incrementAndGet();
    return s.mode().replace(applied, s.timeoutMillis());
  }

  private synchronized boolean draw(double rate) {
    return random.nextDouble() < rate;
  }

  /** Current switches and injected counts, for the admin API. */
  public Map<String, Object> snapshot() {
    Map<String, Object> on = new LinkedHashMap<>();
    switches.forEach(
        (endpoint, s) ->
            on.put(
                endpoint,
                Map.of(
                    "rate", s.rate(), "mode", s.mode().name(), "timeout_ms", s.timeoutMillis())));
    Map<String, Long> counts = new LinkedHashMap<>();
    injected.forEach((k, v) -> counts.put(k, v.get()));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("switches", on);
    out.put("injected", counts);
    return out;
  }

  /**
   * Applies an admin request body {@code {"endpoint","rate","mode"?,"timeout_ms"?}}; mode defaults
   * to RESET.
   */
  public void apply(String endpoint, double rate, String mode, Long timeoutMillis) {
    set(
        endpoint,
        rate,
        mode == null
            ? LostAnswer.RESET
            : LostAnswer.valueOf(mode.toUpperCase(java.util.Locale.ROOT)),
        timeoutMillis == null ? DEFAULT_TIMEOUT_MILLIS : timeoutMillis);
  }
}
