package io.mlconnector.writer.servicenow.ledger;

import io.mlconnector.common.event.SourceVersion;

/**
 * A row of {@code writer_ledger}: what the writer last did with one external id in one table, and
 * from which source version.
 */
public record LedgerEntry(
    String externalId, String targetId, String contentHash, String status, String sourceVersion) {
  public static final String WRITTEN = "WRITTEN";
  public static final String PARKED = "PARKED";

  public boolean writtenWith(String hash) {
    return WRITTEN.equals(status) && hash.equals(contentHash);
  }

  /** Whether {@code version} is older than the one this entry was recorded from. */
  public boolean newerThan(String version) {
    return SourceVersion.isOlder(version, sourceVersion);
  }
}
