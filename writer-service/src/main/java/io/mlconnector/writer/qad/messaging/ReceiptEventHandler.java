package io.mlconnector.writer.qad.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.common.audit.AuditEntry.KafkaCoordinates;
import io.mlconnector.common.event.EntityType;
import io.mlconnector.common.event.EventEnvelope;
import io.mlconnector.common.kafka.EventHandler;
import io.mlconnector.writer.qad.ledger.InvoiceLines;
import io.mlconnector.writer.qad.ledger.PoLine;
import io.mlconnector.writer.qad.ledger.ReceiptLedger;
import io.mlconnector.writer.qad.service.InvoiceProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.jboss.logging.Logger;

/**
 * {@code qad.po.changed}: goods receipts ({@code prh_hist}) and PO lines ({@code pod_det}) feed the
 * receipt ledger; then every invoice waiting on that PO line is given another try. Other entities
 * of the topic are not the writer's business.
 */
@ApplicationScoped
public class ReceiptEventHandler implements EventHandler {
  private static final Logger LOG = Logger.getLogger(ReceiptEventHandler.class);

  private final ReceiptLedger receipts;
  private final InvoiceLines lines;
  private final InvoiceProcessor processor;

  public ReceiptEventHandler(
      ReceiptLedger receipts, InvoiceLines lines, InvoiceProcessor processor) {
    this.receipts = receipts;
    this.lines = lines;
    this.processor = processor;
  }

  @Override
  public void handle(EventEnvelope event, KafkaCoordinates where) {
    JsonNode row = event.payload();
    PoLine line;
    if (event.entity() == EntityType.GOODS_RECEIPT) {
      line = new PoLine(row.path("prh_nbr").asText(""), row.path("prh_line").asInt(0));
      if (!usable(line, row.path("prh_rcvd"), where)
          || row.path("prh_receiver").asText("").isEmpty()) {
        return;
      }
      receipts.recordReceipt(
          event.tenant(),
          row.path("prh_receiver").asText(),
          line,
          row.path("prh_rcvd").decimalValue(),
          modified(event));
    } else if (event.entity() == EntityType.PURCHASE_ORDER_LINE) {
      line = new PoLine(row.path("pod_nbr").asText(""), row.path("pod_line").asInt(0));
      if (!usable(line, row.path("pod_qty_rcvd"), where)) {
        return;
      }
      receipts.recordLine(
          event.tenant(), line, row.path("pod_qty_rcvd").decimalValue(), modified(event));
    } else {
      return;
    }
    for (String sysId : lines.awaitingOn(event.tenant(), line)) {
      try {
        processor.process(event.tenant(), sysId);
      } catch (RuntimeException e) {
        // The receipt is recorded; the recheck releases the invoice once QAD answers again.
        LOG.warnf(
            "releasing invoice %s after receipt on %s failed: %s", sysId, line, e.getMessage());
      }
    }
  }

  private static boolean usable(PoLine line, JsonNode quantity, KafkaCoordinates where) {
    if (line.po().isEmpty() || line.line() <= 0 || !quantity.isNumber()) {
      LOG.warnf("receipt event at %s without PO, line or quantity; ignored", where);
      return false;
    }
    return true;
  }

  private static Instant modified(EventEnvelope event) {
    try {
      return Instant.parse(event.payload().path("mod_date").asText(""));
    } catch (DateTimeParseException e) {
      return event.occurredAt();
    }
  }
}
