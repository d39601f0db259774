package io.mlconnector.writer.servicenow.ledger;

/** A row of {@code writer_ledger}: what the writer last did with one external id in one table. */
public record LedgerEntry(String externalId, String targetId, String contentHash, String status) {
  public static final String WRITTEN = "WRITTEN";
  public static final String PARKED = "PARKED";

  public boolean writtenWith(String hash) {
    return WRITTEN.equals(status) && hash.equals(contentHash);
  }
}
