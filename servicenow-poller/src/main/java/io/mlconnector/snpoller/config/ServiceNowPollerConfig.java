package io.mlconnector.snpoller.config;

import io.mlconnector.pollercore.config.PollerSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Configuration of the ServiceNow poller ({@code mlc.*}). The client library reads its own keys
 * under {@code mlc.servicenow.*} (timeouts, retries, breaker); this mapping owns the polling ones.
 * The keys every poller has (page size, overlap, tick, ...) come from {@link PollerSettings};
 * {@code mlc.tenants} is read by poller-core's {@code PollTargets}.
 */
@ConfigMapping(prefix = "mlc")
public interface ServiceNowPollerConfig {

  /** How ServiceNow is read. */
  ServiceNow servicenow();

  /** ServiceNow polling settings: keyset page size, overlap, tick, ... and what is special here. */
  interface ServiceNow extends PollerSettings {
    /** Default cadence per entity family; a tenant may override each. */
    Schedule schedule();

    /**
     * qad-poller's base URL (e.g. {@code http://qad-poller:8080}): its {@code POST
     * /polls/{tenant}/run} is called before each invoice poll of a tenant, so receipts reach QAD
     * before the invoices that need them. Absent = no call. The REST client's own settings
     * (timeouts, redirects) are {@code quarkus.rest-client.receipt-sync.*}.
     */
    Optional<String> receiptSyncUrl();

    /**
     * Bearer token (scope operate) presented to the receipt-sync URL: qad-poller's operator API
     * needs one ({@code MLC_SERVICENOW_RECEIPT_SYNC_TOKEN}, from a secret).
     */
    Optional<String> receiptSyncToken();

    /** When invoice polls stop waiting for a qad-poller that does not answer. */
    ReceiptSyncBreaker receiptSyncBreaker();

    /**
     * The largest {@code sysparm_limit} a read asks for while looking past rows hidden by ACLs (it
     * doubles from {@code page-size}); more hidden rows in a row stall the read, visibly, instead
     * of skipping anything.
     */
    @WithDefault("10000")
    int hiddenRowScanLimit();

    /** Most sys_ids in one {@code IN} list; longer lists are split into several queries. */
    @WithDefault("100")
    int inListSize();

    /** Table and column names. */
    Tables tables();

    /** Push notifications from a tenant's Business Rule. */
    PushSettings push();
  }

  /** The receipt sync's circuit breaker (common's {@code CircuitBreaker}). */
  interface ReceiptSyncBreaker {
    /** Calls in a row without an answer (refused, reset, timed out) that open it. */
    @WithDefault("3")
    int failureThreshold();

    /** How long invoice polls then go on without a receipt sync before one call is tried. */
    @WithDefault("5m")
    Duration openFor();
  }

  /** Cadence per entity family (defaults from DESIGN.md). */
  interface Schedule {
    @WithDefault("2m")
    Duration invoices();

    @WithDefault("30m")
    Duration dimensions();
  }

  /** Where the polled records live; the only place table and column names are written down. */
  interface Tables {
    /** Approved invoices handed to the ERP (Source-to-Pay Integration Framework). */
    @WithDefault("sn_spend_intg_outbound_invoice")
    String invoice();

    @WithDefault("sn_spend_intg_outbound_invoice_line")
    String invoiceLine();

    /** Reference column of an invoice line to its header. */
    @WithDefault("invoice")
    String invoiceLineHeader();

    /** Order of the lines in the published payload. */
    @WithDefault("line_number")
    String invoiceLineNumber();

    @WithDefault("cmn_cost_center")
    String costCenter();

    @WithDefault("sn_fin_gl_account")
    String glAccount();

    /** The keyset: last-update stamp (UTC, one-second precision) ... */
    @WithDefault("sys_updated_on")
    String updatedColumn();

    /** ... and the tie-breaker within one second. */
    @WithDefault("sys_id")
    String idColumn();

    /**
     * Bookkeeping columns left out of the content hash: a re-save without a business change is not
     * published again.
     */
    @WithDefault("sys_updated_on,sys_updated_by,sys_mod_count")
    List<String> bookkeepingColumns();
  }
}
