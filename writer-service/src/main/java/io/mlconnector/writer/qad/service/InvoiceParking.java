package io.mlconnector.writer.qad.service;

import io.mlconnector.common.audit.AuditEntry.KafkaCoordinates;
import io.mlconnector.common.audit.AuditStage;
import io.mlconnector.common.event.EntityType;
import io.mlconnector.common.event.EnvelopeCodec;
import io.mlconnector.common.event.EventKey;
import io.mlconnector.common.event.Topics;
import io.mlconnector.common.kafka.ConsumedEvent;
import io.mlconnector.common.parking.ParkedEvents;
import io.mlconnector.writer.qad.ledger.InvoiceRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Tells operators about an invoice that needs a person: an audit row under the command's trace id
 * and a record on {@link Topics#PARKED} in common's parked shape (the command, the topic and key it
 * came with), so the console lists it and can replay it once the cause is fixed (a replay is a new
 * attempt, see the command handler).
 */
@ApplicationScoped
public class InvoiceParking {
  static final String STAGE = "writer.qad";

  private final ParkedEvents parked;
  private final InvoiceAudit audit;

  public InvoiceParking(ParkedEvents parked, InvoiceAudit audit) {
    this.parked = parked;
    this.audit = audit;
  }

  public void park(InvoiceRecord invoice, String reason) {
    audit.record(invoice, AuditStage.PARKED, invoice.voucher(), reason);
    KafkaCoordinates where =
        invoice.where() != null
            ? invoice.where()
            : new KafkaCoordinates(Topics.QAD_INVOICE_POST, -1, -1);
    String key = EventKey.of(invoice.tenant(), EntityType.SUPPLIER_INVOICE, invoice.sysId());
    ConsumedEvent command = new ConsumedEvent(EnvelopeCodec.read(invoice.envelope()), key, where);
    parked.publish(List.of(ParkedEvents.parked(command, STAGE, reason)));
  }
}
