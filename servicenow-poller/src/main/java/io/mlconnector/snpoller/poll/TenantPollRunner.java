package io.mlconnector.snpoller.poll;

import io.mlconnector.common.tenant.Tenant;
import io.mlconnector.pollercore.health.ReadStalls;
import io.mlconnector.pollercore.run.PollCounts;
import io.mlconnector.pollercore.run.TenantPolls;
import io.mlconnector.snpoller.receipt.ReceiptSync;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a tenant's families, one run per tenant at a time, and remembers the last run of each table
 * (poller-core's {@link TenantPolls}). The invoice family first asks for a receipt sync; a failed
 * header read stops its lines.
 */
@Singleton
public class TenantPollRunner extends TenantPolls<PollFamily, SourceTable, TableRun> {

  /** What one run did: the receipt sync (if invoices were polled) and each table polled. */
  public record PollRun(String receiptSync, List<TableRun> tables) {}

  private final TablePoller poller;
  private final ReceiptSync receipts;

  public TenantPollRunner(TablePoller poller, ReceiptSync receipts, ReadStalls stalls) {
    super("ServiceNow", TableRun::new, stalls);
    this.poller = poller;
    this.receipts = receipts;
  }

  /** Every family now, waiting for a scheduled run of the same tenant to finish first. */
  public PollRun runAll(Tenant tenant) {
    return whenIdle(tenant, () -> run(tenant, List.of(PollFamily.values())));
  }

  /** The given families, unless the tenant is already being polled. */
  public Optional<PollRun> tryRun(Tenant tenant, List<PollFamily> families) {
    return ifIdle(tenant, () -> run(tenant, families));
  }

  private PollRun run(Tenant tenant, List<PollFamily> families) {
    String receiptSync = null;
    List<TableRun> runs = new ArrayList<>();
    for (PollFamily family : families) {
      if (family == PollFamily.INVOICES) {
        receiptSync = receipts.syncBeforeInvoices(tenant.id()).status();
      }
      runs.addAll(runFamily(tenant, family));
    }
    return new PollRun(receiptSync, runs);
  }

  @Override
  protected List<PollFamily> families() {
    return List.of(PollFamily.values());
  }

  @Override
  protected List<SourceTable> targetsOf(PollFamily family) {
    return family.tables();
  }

  @Override
  protected String entityOf(SourceTable table) {
    return table.publishedAs().wireName();
  }

  @Override
  protected String nameOf(SourceTable table) {
    return table.cursorName();
  }

  @Override
  protected TableRun poll(Tenant tenant, SourceTable table, PollCounts counts) {
    return poller.poll(tenant, table, counts);
  }
}
