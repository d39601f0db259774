package io.mlconnector.sandbox.http;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The instance's view of a rate limit: a 429 with {@code Retry-After} closes the tenant (its
 * instance, whoever was answered) until then, and every API call that arrives for it meanwhile is a
 * violation of the client that sent it, named by its {@code User-Agent}. A real instance counts
 * requests per integration user, not per process, so one service that ignores another's 429 costs
 * every service of the fleet.
 */
final class ThrottleWindows {
  /** Clock granularity and network slack: a call this early is still taken as waiting. */
  private static final long SLACK_MILLIS = 250;

  private final Map<String, Long> closedUntil = new ConcurrentHashMap<>();
  private final Map<String, Long> byClient = new ConcurrentHashMap<>();
  private final List<String> named = new CopyOnWriteArrayList<>();

  void arrived(String tenant, String client, String call) {
    Long until = closedUntil.get(tenant);
    long now = System.currentTimeMillis();
    if (until != null && now < until) {
      byClient.merge(client, 1L, Long::sum);
      if (named.size() < 50) {
        named.add(client + " " + call + " " + (until + SLACK_MILLIS - now) + " ms early");
      }
    }
  }

  void answered(String tenant, SimResponse response) {
    String header = response.headers().get("Retry-After");
    if (response.status() != 429 || header == null) {
      return;
    }
    long until = System.currentTimeMillis() + waitMillis(header.trim()) - SLACK_MILLIS;
    closedUntil.merge(tenant, until, Math::max);
  }

  private static long waitMillis(String header) {
    if (header.matches("\\d{1,9}")) {
      return Long.parseLong(header) * 1000;
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(header, DateTimeFormatter.RFC_1123_DATE_TIME);
      return at.toInstant().toEpochMilli() - System.currentTimeMillis();
    } catch (DateTimeParseException e) {
      return 0;
    }
  }

  /** Calls per client (User-Agent) that arrived while their tenant was closed. */
  Map<String, Long> byClient() {
    return new TreeMap<>(byClient);
  }

  List<String> named() {
    return List.copyOf(named);
  }
}
