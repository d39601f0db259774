package io.mlconnector.writer.qad.messaging;

import io.mlconnector.common.tenant.Tenant;
import io.mlconnector.common.tenant.TenantDirectory;
import io.mlconnector.qadclient.QadClients;
import io.mlconnector.writer.config.WriterConfig;
import io.mlconnector.writer.qad.ledger.InvoiceLedger;
import io.mlconnector.writer.qad.ledger.InvoiceLines;
import io.mlconnector.writer.qad.ledger.PoLine;
import io.mlconnector.writer.qad.service.InvoiceProcessor;
import io.mlconnector.writer.qad.service.QadReceivedQuantities;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Every {@code mlc.writer.qad.recheck}: reads from QAD the PO lines that waiting invoices need
 * (receipts whose events were missed), then gives each unfinished invoice another try — waiting
 * ones, postings a crash interrupted, and write-backs ServiceNow has not taken yet.
 */
@ApplicationScoped
public class AwaitingReceiptRecheck {
  private static final Logger LOG = Logger.getLogger(AwaitingReceiptRecheck.class);

  private final InvoiceLedger ledger;
  private final InvoiceLines lines;
  private final QadReceivedQuantities qadReceipts;
  private final QadClients qadClients;
  private final TenantDirectory tenants;
  private final InvoiceProcessor processor;
  private final WriterConfig config;

  public AwaitingReceiptRecheck(
      InvoiceLedger ledger,
      InvoiceLines lines,
      QadReceivedQuantities qadReceipts,
      QadClients qadClients,
      TenantDirectory tenants,
      InvoiceProcessor processor,
      WriterConfig config) {
    this.ledger = ledger;
    this.lines = lines;
    this.qadReceipts = qadReceipts;
    this.qadClients = qadClients;
    this.tenants = tenants;
    this.processor = processor;
    this.config = config;
  }

  @Scheduled(
      every = "${mlc.writer.qad.recheck:1m}",
      delayed = "${mlc.writer.qad.recheck:1m}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    if (config.qad().enabled()) {
      runOnce();
    }
  }

  /** One pass over every tenant's unfinished invoices. */
  public void runOnce() {
    Map<String, List<String>> byTenant = new LinkedHashMap<>();
    for (String[] row : ledger.needingAttention()) {
      byTenant.computeIfAbsent(row[0], t -> new ArrayList<>()).add(row[1]);
    }
    byTenant.forEach(this::recheckTenant);
  }

  private void recheckTenant(String tenantId, List<String> sysIds) {
    Tenant tenant = tenants.find(tenantId).filter(Tenant::enabled).orElse(null);
    if (tenant == null) {
      return;
    }
    try {
      List<PoLine> awaited = lines.awaitedLines(tenantId);
      if (!awaited.isEmpty()) {
        qadReceipts.read(tenantId, qadClients.forTenant(tenant), awaited);
      }
    } catch (RuntimeException e) {
      // Write-backs and lookups of other invoices do not depend on this read: go on.
      LOG.warnf("recheck of %s cannot read QAD: %s", tenantId, e.getMessage());
    }
    for (String sysId : sysIds) {
      try {
        processor.process(tenantId, sysId);
      } catch (RuntimeException e) {
        LOG.warnf("recheck of invoice %s (%s) failed: %s", sysId, tenantId, e.getMessage());
      }
    }
  }
}
