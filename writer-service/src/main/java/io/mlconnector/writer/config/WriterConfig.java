package io.mlconnector.writer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Configuration of the writer ({@code mlc.writer.*}). */
@ConfigMapping(prefix = "mlc.writer")
public interface WriterConfig {

  /** Consumer groups, one per target system so a stuck target does not stall the other. */
  Groups consumerGroups();

  /**
   * Staging rows looked up and written per ServiceNow batch: one {@code u_external_idIN…} lookup
   * and (in Batch API mode) one batch call per this many rows.
   */
  @WithDefault("100")
  int servicenowBatchSize();

  /** ServiceNow side of the writer. */
  ServiceNow servicenow();

  /** QAD side of the writer: supplier invoices behind the receipt gate. */
  Qad qad();

  /** Per-tenant deferral: one tenant's unavailable target never holds back another tenant. */
  Deferral deferral();

  /**
   * Records of a tenant whose ServiceNow or QAD is unavailable wait in the writer's database
   * ({@code deferred_record}) and are replayed in order, instead of holding back their partition.
   */
  interface Deferral {
    /** Off: a failing record holds back its partition, retried in place (the loop's backoff). */
    @WithDefault("true")
    boolean enabled();

    /** How often tenants with waiting records are looked at. */
    @WithDefault("1s")
    Duration replayInterval();

    /** First pause of a tenant whose target is still unavailable on replay; doubles per failure. */
    @WithDefault("1s")
    Duration retryBackoff();

    /** Longest such pause: at most this long after the target is back its records flow again. */
    @WithDefault("30s")
    Duration maxRetryBackoff();

    /** Records per replayed batch (one ServiceNow lookup per 100 of them, as for the consumer). */
    @WithDefault("500")
    int replayBatch();
  }

  /** Consumer group names. */
  interface Groups {
    @WithDefault("mlc-writer-servicenow")
    String servicenow();

    @WithDefault("mlc-writer-qad")
    String qad();

    /** Reads {@code qad.po.changed} for the receipt ledger (goods receipts, PO lines). */
    @WithDefault("mlc-writer-receipts")
    String receipts();
  }

  /** The {@code sn.upsert} consumer. */
  interface ServiceNow {
    /** Runs the consumer at startup; off only for tools that embed the service. */
    @WithDefault("true")
    boolean enabled();

    /**
     * Benchmark baseline only ({@code ./mlc bench}): one lookup and one write per record, no
     * batching and no skipping of unchanged rows — what a hand-built integration typically does.
     */
    @WithDefault("false")
    boolean naive();

    /** Records per poll (Kafka {@code max.poll.records}); lookups are grouped within a poll. */
    @WithDefault("500")
    int maxPollRecords();

    /**
     * How long the broker may hold a fetch of {@code sn.upsert} to fill it (Kafka {@code
     * fetch.max.wait.ms}): records that trickle in (a small load, an incremental cycle) share one
     * poll and so one Batch call, at up to this much more change-to-visible latency. {@code 0s}
     * answers at once.
     */
    @WithDefault("1s")
    Duration fetchWait();

    /** A fetch is answered before {@code fetch-wait} once this many bytes are there. */
    @WithDefault("1048576")
    int fetchMinBytes();

    /** First pause of a partition whose batch failed (ServiceNow down); doubles per failure. */
    @WithDefault("1s")
    Duration retryBackoff();

    /** Longest pause of a failing partition. */
    @WithDefault("60s")
    Duration maxRetryBackoff();
  }

  /** The {@code qad.invoice.post} and {@code qad.po.changed} consumers and the receipt gate. */
  interface Qad {
    /** Runs both consumers at startup; off only for tools that embed the service. */
    @WithDefault("true")
    boolean enabled();

    /**
     * How often invoices awaiting a receipt are checked against QAD (receipts the events missed),
     * unfinished postings are completed and pending ServiceNow write-backs are retried.
     */
    @WithDefault("1m")
    Duration recheck();

    /** Rows per page when reading PO lines ({@code pod_det}) from QAD to confirm receipts. */
    @WithDefault("1000")
    int receiptPageSize();

    /** The outbound invoice table and columns the status is written back to. */
    WriteBack writeBack();

    /** Fault injection for crash tests only; never set in production. */
    Fault fault();
  }

  /** ServiceNow columns of the write-back (defaults are the Source-to-Pay integration's). */
  interface WriteBack {
    /**
     * Write-backs ServiceNow refuses for good (400, 403, 404: a deleted row, a missing role) are
     * tried this many times, then parked with the reason for an operator.
     */
    @WithDefault("5")
    int maxRefusals();

    @WithDefault("sn_spend_intg_outbound_invoice")
    String table();

    @WithDefault("integration_status")
    String statusColumn();

    @WithDefault("erp_number")
    String erpNumberColumn();

    @WithDefault("erp_posting_date")
    String postingDateColumn();

    @WithDefault("processing_message")
    String messageColumn();

    @WithDefault("Processed")
    String processedValue();

    @WithDefault("Error")
    String errorValue();
  }

  /** Crash-test switches. */
  interface Fault {
    /**
     * Halts the JVM ({@code Runtime.halt(137)}, like kill -9) right after QAD accepted an invoice
     * and before the ledger records it, so a fleet test can prove the restart adopts the voucher
     * instead of posting twice. Exists for crash tests only; default false.
     */
    @WithDefault("false")
    boolean haltAfterPost();

    /**
     * A deliberately broken writer: a supplier-invoice POST whose outcome is unknown is sent again
     * (up to 3 sends) without looking QAD up first, so ambiguous answers make duplicate invoices.
     * Exists so the chaos harness's self-test ({@code ./mlc chaos --self-test}) can show that it
     * catches such a writer; default false, never set it anywhere else.
     */
    @WithDefault("false")
    boolean blindResend();
  }
}
