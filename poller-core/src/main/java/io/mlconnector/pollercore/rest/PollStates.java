package io.mlconnector.pollercore.rest;

import io.mlconnector.pollercore.cursor.PollCursor;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * The body of {@code GET /polls/{tenant}}, shared by the pollers' resources: one state per cursor
 * or last run, by name. Each resource keeps its own JSON shape through {@code state}.
 */
public final class PollStates {
  private PollStates() {}

  /**
   * @param state builds one entry from a cursor (or {@code null}: never committed) and a last run
   *     (or {@code null}: not run since start)
   */
  public static <R, S> Map<String, S> byName(
      List<PollCursor> cursors, Map<String, R> lastRuns, BiFunction<PollCursor, R, S> state) {
    Map<String, S> out = new TreeMap<>();
    for (PollCursor c : cursors) {
      out.put(c.entity(), state.apply(c, lastRuns.get(c.entity())));
    }
    lastRuns.forEach((name, run) -> out.putIfAbsent(name, state.apply(null, run)));
    return out;
  }
}
