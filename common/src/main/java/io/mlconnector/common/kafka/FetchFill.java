package io.mlconnector.common.kafka;

import java.time.Duration;

/**
 * How long the broker may hold a loop's fetch to fill it (Kafka {@code fetch.min.bytes} and {@code
 * fetch.max.wait.ms}): a handler whose cost is per poll rather than per record (the writer's
 * ServiceNow Batch calls) gets fuller polls while records trickle in, at the price of up to {@code
 * maxWait} more latency. A backlog is answered at once, whatever the wait.
 *
 * @param minBytes the fetch is answered once this many bytes of records are there
 * @param maxWait or after this long, with whatever there is
 */
public record FetchFill(int minBytes, Duration maxWait) {
  /** Kafka's defaults: answered as soon as there is one record (or after 500 ms empty). */
  public static final FetchFill NONE = new FetchFill(1, Duration.ofMillis(500));

  public FetchFill {
    if (minBytes < 1 || maxWait.isNegative()) {
      throw new IllegalArgumentException("fetch fill needs min bytes >= 1 and a wait >= 0");
    }
  }
}
