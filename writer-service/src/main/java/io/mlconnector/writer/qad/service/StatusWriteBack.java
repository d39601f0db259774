package io.mlconnector.writer.qad.service;

import io.mlconnector.common.tenant.Tenant;
import io.mlconnector.snclient.ServiceNowClients;
import io.mlconnector.snclient.error.ServiceNowAccessDeniedException;
import io.mlconnector.snclient.error.ServiceNowException;
import io.mlconnector.snclient.error.ServiceNowNotFoundException;
import io.mlconnector.snclient.error.ServiceNowRejectedException;
import io.mlconnector.writer.config.WriterConfig;
import io.mlconnector.writer.qad.ledger.InvoiceLedger;
import io.mlconnector.writer.qad.ledger.InvoiceRecord;
import io.mlconnector.writer.qad.ledger.InvoiceRecord.WriteBack;
import io.mlconnector.writer.qad.ledger.InvoiceStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Tells ServiceNow the outcome (DESIGN rule 5) by PATCHing the outbound invoice row: Processed with
 * ERP number and posting date, or Error with a message for the clerk. A PATCH of the same values is
 * harmless, so a write-back is simply repeated until ServiceNow took it; the ledger keeps it
 * PENDING meanwhile and the recheck retries it. A write-back ServiceNow refuses for good (400, 403,
 * 404: the row was deleted, a role is missing) is tried {@code max-refusals} times, then parked
 * with the reason for an operator (a console replay of the invoice tries it again).
 */
@ApplicationScoped
public class StatusWriteBack {
  private static final Logger LOG = Logger.getLogger(StatusWriteBack.class);
  private static final int MAX_MESSAGE_CHARS = 4000;

  private final ServiceNowClients servicenow;
  private final InvoiceLedger ledger;
  private final WriterConfig.WriteBack columns;
  private final int maxRefusals;
  private final InvoiceParking parking;

  public StatusWriteBack(
      ServiceNowClients servicenow,
      InvoiceLedger ledger,
      WriterConfig config,
      InvoiceParking parking) {
    this.servicenow = servicenow;
    this.ledger = ledger;
    this.columns = config.qad().writeBack();
    this.maxRefusals = Math.max(1, columns.maxRefusals());
    this.parking = parking;
  }

  /** Writes the outcome if ServiceNow has not been told yet; true when ServiceNow has it. */
  public boolean ensure(Tenant tenant, InvoiceRecord invoice) {
    if (invoice.writeBack() != WriteBack.PENDING) {
      return invoice.writeBack() == WriteBack.DONE;
    }
    try {
      servicenow.forTenant(tenant).update(columns.table(), invoice.sysId(), values(invoice));
      ledger.writeBack(invoice.tenant(), invoice.sysId(), WriteBack.DONE, null);
      return true;
    } catch (ServiceNowRejectedException
        | ServiceNowNotFoundException
        | ServiceNowAccessDeniedException e) {
      refused(invoice, e);
      return false;
    } catch (ServiceNowException e) {
      LOG.warnf(
          "write-back of invoice %s to %s failed, will retry: %s",
          invoice.sysId(), tenant.id(), e.getMessage());
      ledger.writeBack(invoice.tenant(), invoice.sysId(), WriteBack.PENDING, e.getMessage());
      return false;
    }
  }

  private void refused(InvoiceRecord invoice, ServiceNowException e) {
    String reason = "ServiceNow refused the status write-back: " + e.getMessage();
    if (invoice.writeBackAttempts() + 1 < maxRefusals) {
      LOG.warnf("write-back of invoice %s refused, will retry: %s", invoice.sysId(), reason);
      ledger.writeBack(invoice.tenant(), invoice.sysId(), WriteBack.PENDING, reason, true);
      return;
    }
    LOG.errorf("write-back of invoice %s parked: %s", invoice.sysId(), reason);
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                ledger.writeBack(
                    invoice.tenant(), invoice.sysId(), WriteBack.PARKED, reason, true));
    parking.park(invoice, reason);
  }

  private Map<String, String> values(InvoiceRecord invoice) {
    Map<String, String> v = new LinkedHashMap<>();
    if (invoice.status() == InvoiceStatus.POSTED) {
      v.put(columns.statusColumn(), columns.processedValue());
      v.put(columns.erpNumberColumn(), invoice.voucher());
      v.put(
          columns.postingDateColumn(),
          invoice.postedAt().atZone(ZoneOffset.UTC).toLocalDate().toString());
      v.put(columns.messageColumn(), "");
    } else {
      String reason = invoice.reason() == null ? "not posted" : invoice.reason();
      v.put(columns.statusColumn(), columns.errorValue());
      v.put(
          columns.messageColumn(),
          reason.length() <= MAX_MESSAGE_CHARS ? reason : reason.substring(0, MAX_MESSAGE_CHARS));
    }
    return v;
  }
}
