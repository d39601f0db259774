package io.mlconnector.writer.qad.service;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.common.audit.AuditStage;
import io.mlconnector.common.event.EntityType;
import io.mlconnector.common.event.EnvelopeCodec;
import io.mlconnector.common.event.EventEnvelope;
import io.mlconnector.common.event.EventKey;
import io.mlconnector.common.event.SourceSystem;
import io.mlconnector.common.event.Topics;
import io.mlconnector.common.kafka.EventPublisher;
import io.mlconnector.common.kafka.EventPublisher.Outgoing;
import io.mlconnector.writer.qad.ledger.InvoiceRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;

/**
 * Tells operators about an invoice that needs a person: an audit row and a record on {@link
 * Topics#PARKED} carrying the command and the topic it came from, so the console lists it and can
 * replay it once the cause is fixed (a replay is a new attempt, see the command handler).
 */
@ApplicationScoped
public class InvoiceParking {
  static final String STAGE = "writer.qad";
  private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

  private final EventPublisher publisher;
  private final InvoiceAudit audit;

  public InvoiceParking(EventPublisher publisher, InvoiceAudit audit) {
    this.publisher = publisher;
    this.audit = audit;
  }

  public void park(InvoiceRecord invoice, String reason) {
    audit.record(invoice, AuditStage.PARKED, invoice.voucher(), reason);
    EventEnvelope command = EnvelopeCodec.read(invoice.envelope());
    ObjectNode payload = JsonNodeFactory.instance.objectNode();
    payload.put("reason", reason);
    payload.put("stage", STAGE);
    ObjectNode source = payload.putObject("source");
    source.put(
        "topic", invoice.where() == null ? Topics.QAD_INVOICE_POST : invoice.where().topic());
    if (invoice.where() != null) {
      source.put("partition", invoice.where().partition());
      source.put("offset", invoice.where().offset());
    }
    payload.set("command", command.payload());
    EventEnvelope parked = command.derive(command.entity(), SourceSystem.CONNECTOR, payload);
    String key = EventKey.of(invoice.tenant(), EntityType.SUPPLIER_INVOICE, invoice.sysId());
    publisher.publishAndAwait(List.of(new Outgoing(Topics.PARKED, key, parked)), ACK_TIMEOUT);
  }
}
