package io.mlconnector.pollercore.run;

/**
 * What one poll of one tenant's entity or table did. Each poller keeps its own record (its run
 * reports name the field {@code entity} or {@code table}); the shared runner only needs the error.
 */
public interface TargetRun {
  /** Why the poll stopped early, or {@code null}. */
  String error();
}
