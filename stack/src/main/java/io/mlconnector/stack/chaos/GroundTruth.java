package io.mlconnector.stack.chaos;

import java.util.List;
import java.util.Map;

/**
 * What the simulators hold at the end of a chaos run, reduced to what the invariants need. Read
 * from the simulators' own tables only (plus two observations the simulators and the console make:
 * Retry-After violations and parked records), never from the connector's ledger.
 *
 * @param expected every QAD record as its staging row should look (rendered with the mapper's own
 *     templates)
 * @param staging every row of the staging tables
 * @param qadInvoices every supplier invoice in QAD
 * @param snInvoices every approved invoice in ServiceNow, with what the run expects of it
 * @param retryAfterViolations calls that came back before a 429's Retry-After, both simulators
 * @param retryAfterCalls the first of those calls, named
 * @param parked the console's open parked records
 * @param poisoned the poisoned records the run sent (each must end parked with a reason)
 */
public record GroundTruth(
    List<ExpectedRow> expected,
    List<StagingRow> staging,
    List<QadInvoice> qadInvoices,
    List<SnInvoice> snInvoices,
    long retryAfterViolations,
    List<String> retryAfterCalls,
    List<Parked> parked,
    List<Poisoned> poisoned) {

  /** A parked record as the console lists it. */
  public record Parked(String tenant, String entity, String sourceId, String reason) {
    String name() {
      return tenant + "/" + entity + "/" + sourceId;
    }
  }

  /** A record the run sent that decodes but makes a consumer's handler throw every time. */
  public record Poisoned(String tenant, String entity, String sourceId) {}

  /** A QAD record as a staging row: the columns the mapper's templates give it. */
  public record ExpectedRow(
      String tenant, String table, String externalId, Map<String, String> columns) {}

  /** A staging row as ServiceNow holds it. */
  public record StagingRow(
      String tenant, String table, String externalId, String sysId, Map<String, String> values) {}

  /** A supplier invoice as QAD holds it. */
  public record QadInvoice(
      String tenant, String supplier, String reference, String voucher, String status) {}

  /** What the run expects of an approved ServiceNow invoice once the fleet is quiet. */
  public enum Expectation {
    /** Everything it needs exists: exactly one QAD invoice, Processed with its voucher. */
    POSTED,
    /** It must not reach QAD (unknown dimension never fixed, or not enough received). */
    NOT_POSTED,
    /**
     * At most one QAD invoice, either outcome allowed (a second approval, one of a racing pair).
     */
    AT_MOST_ONCE
  }

  /**
   * An approved invoice in ServiceNow.
   *
   * @param resubmitted the AP clerk fixed its cause and set it back to New during the run
   */
  public record SnInvoice(
      String tenant,
      String sysId,
      String supplier,
      String reference,
      String status,
      String erpNumber,
      Expectation expectation,
      boolean resubmitted) {}
}
