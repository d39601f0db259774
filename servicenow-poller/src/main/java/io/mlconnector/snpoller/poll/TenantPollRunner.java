package io.mlconnector.snpoller.poll;

import io.mlconnector.common.tenant.Tenant;
import io.mlconnector.snpoller.receipt.ReceiptSync;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * Runs a tenant's families, one run per tenant at a time, and remembers the last run of each table.
 * The invoice family first asks for a receipt sync. A failure stops its family (lines are not read
 * past a failed header read) and is logged as one line; it never reaches other tenants.
 */
@ApplicationScoped
public class TenantPollRunner {
  private static final Logger LOG = Logger.getLogger(TenantPollRunner.class);

  /** What one run did: the receipt sync (if invoices were polled) and each table polled. */
  public record PollRun(String receiptSync, List<TableRun> tables) {}

  private final TablePoller poller;
  private final ReceiptSync receipts;
  private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
  private final Map<String, Map<String, TableRun>> lastRuns = new ConcurrentHashMap<>();

  public TenantPollRunner(TablePoller poller, ReceiptSync receipts) {
    this.poller = poller;
    this.receipts = receipts;
  }

  /** Every family now, waiting for a scheduled run of the same tenant to finish first. */
  public PollRun runAll(Tenant tenant) {
    ReentrantLock lock = lock(tenant.id());
    lock.lock();
    try {
      return run(tenant, List.of(PollFamily.values()));
    } finally {
      lock.unlock();
    }
  }

  /** The given families, unless the tenant is already being polled. */
  public Optional<PollRun> tryRun(Tenant tenant, List<PollFamily> families) {
    ReentrantLock lock = lock(tenant.id());
    if (!lock.tryLock()) {
      return Optional.empty();
    }
    try {
      return Optional.of(run(tenant, families));
    } finally {
      lock.unlock();
    }
  }

  /** The last run of each table of a tenant, by cursor name. */
  public Map<String, TableRun> lastRuns(String tenant) {
    return Map.copyOf(lastRuns.getOrDefault(tenant, Map.of()));
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

  private List<TableRun> runFamily(Tenant tenant, PollFamily family) {
    List<TableRun> runs = new ArrayList<>();
    for (SourceTable table : family.tables()) {
      TablePoller.Counts counts = new TablePoller.Counts();
      Instant started = Instant.now();
      TableRun run;
      try {
        run = poller.poll(tenant, table, counts);
      } catch (RuntimeException e) {
        LOG.warnf(
            "ServiceNow poll of tenant %s, %s failed after %d event(s); cursor kept: %s",
            tenant.id(), table.cursorName(), counts.published(), e.getMessage());
        LOG.debug("poll failure detail", e);
        run = counts.toRun(table, false, started, String.valueOf(e.getMessage()));
      }
      lastRuns.computeIfAbsent(tenant.id(), t -> new ConcurrentHashMap<>()).put(run.table(), run);
      runs.add(run);
      if (run.error() != null) {
        break;
      }
    }
    return runs;
  }

  private ReentrantLock lock(String tenant) {
    return locks.computeIfAbsent(tenant, t -> new ReentrantLock());
  }
}
