package io.mlconnector.mapper.invoice;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.common.audit.AuditEntry;
import io.mlconnector.common.audit.AuditEntry.KafkaCoordinates;
import io.mlconnector.common.audit.AuditStage;
import io.mlconnector.common.event.EventEnvelope;
import io.mlconnector.common.event.EventKey;
import io.mlconnector.common.event.PayloadHash;
import io.mlconnector.common.event.SourceSystem;
import io.mlconnector.common.event.Topics;
import io.mlconnector.mapper.dimension.Dimension;
import io.mlconnector.mapper.messaging.CommandBatch;
import io.mlconnector.mapper.parking.Parking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;

/**
 * ServiceNow invoice → {@code qad.invoice.post} command. A rejected invoice is parked and also sent
 * on as a {@code reject} command, so the writer marks it Error in ServiceNow with the reason for
 * the AP clerk (the writer owns every write to ServiceNow). An invoice rejected for a QAD code the
 * catalog lacks is also held ({@link AwaitingDimensions}) and mapped again when QAD reports the
 * code: its post command then replaces the rejection in the writer.
 */
@ApplicationScoped
public class InvoiceFlow {
  private final InvoiceMapper mapper;
  private final Parking parking;
  private final AwaitingDimensions awaiting;

  public InvoiceFlow(InvoiceMapper mapper, Parking parking, AwaitingDimensions awaiting) {
    this.mapper = mapper;
    this.parking = parking;
    this.awaiting = awaiting;
  }

  /** Maps again the invoices that waited for this QAD code. */
  public void release(String tenant, Dimension d, String qadCode, CommandBatch batch) {
    for (AwaitingDimensions.Held held : awaiting.release(tenant, d, qadCode)) {
      handle(held.event(), held.where(), batch);
    }
  }

  /** Maps the invoice; its command joins the poll's {@code batch}. */
  public void handle(EventEnvelope event, KafkaCoordinates where, CommandBatch batch) {
    InvoiceMapper.Outcome outcome = mapper.map(event.tenant(), event.payload());
    ObjectNode command = JsonNodeFactory.instance.objectNode();
    command.put("servicenowSysId", event.sourceId());
    command.put("invoiceNumber", event.payload().path("header").path("invoice_number").asText(""));
    if (!(outcome instanceof InvoiceMapper.Outcome.Ignore)) {
      awaiting.forget(event.tenant(), event.sourceId()); // this version decides from now on
    }
    if (outcome instanceof InvoiceMapper.Outcome.Post post) {
      command.put("action", "post");
      command.set("supplierInvoice", post.supplierInvoice());
      String hash = PayloadHash.of(command);
      send(event, command, batch, sent -> AuditEntry.of(event, AuditStage.MAPPED, hash, sent));
    } else if (outcome instanceof InvoiceMapper.Outcome.Reject reject) {
      parking.park(event, reject.reason(), where);
      if (reject.missing() != null) {
        awaiting.hold(event, where, reject.missing());
      }
      command.put("action", "reject");
      command.put("reason", reject.reason());
      send(event, command, batch, null);
    }
  }

  private static void send(
      EventEnvelope event,
      ObjectNode payload,
      CommandBatch batch,
      Function<KafkaCoordinates, AuditEntry> audit) {
    EventEnvelope command = event.derive(event.entity(), SourceSystem.CONNECTOR, payload);
    String key = EventKey.of(event.tenant(), event.entity(), event.sourceId());
    batch.add(Topics.QAD_INVOICE_POST, key, command, audit);
  }
}
