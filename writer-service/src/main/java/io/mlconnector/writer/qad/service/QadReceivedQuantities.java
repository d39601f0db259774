package io.mlconnector.writer.qad.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.common.event.EntityType;
import io.mlconnector.qadclient.QadClient;
import io.mlconnector.qadclient.browse.BrowsePage;
import io.mlconnector.qadclient.browse.BrowseQuery;
import io.mlconnector.qadclient.browse.QadRecord;
import io.mlconnector.writer.config.WriterConfig;
import io.mlconnector.writer.qad.ledger.PoLine;
import io.mlconnector.writer.qad.ledger.ReceiptLedger;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads what QAD says PO lines received ({@code pod_det.pod_qty_rcvd}) and keeps the receipt ledger
 * in step with it. qad-client browses filter only on the modified time, so the read is anchored at
 * the earliest modified time the ledger knows for the lines (a receipt bumps its line), and pages
 * through everything when a line is unknown; it stops as soon as every wanted line was seen.
 */
@ApplicationScoped
public class QadReceivedQuantities {
  /** QAD stamps a receipt and its PO line in one transaction; this covers clock skew. */
  static final Duration ANCHOR_SKEW = Duration.ofMinutes(5);

  private final ReceiptLedger receipts;
  private final WriterConfig config;

  public QadReceivedQuantities(ReceiptLedger receipts, WriterConfig config) {
    this.receipts = receipts;
    this.config = config;
  }

  /**
   * Received quantity per wanted line as QAD has it now; a line QAD does not show is absent. Each
   * line found is recorded in the receipt ledger.
   */
  public Map<PoLine, BigDecimal> read(String tenant, QadClient qad, Collection<PoLine> wanted) {
    Optional<Instant> since = receipts.knownSince(tenant, wanted);
    Map<PoLine, BigDecimal> found =
        scan(qad, Set.copyOf(wanted), since.map(t -> t.minus(ANCHOR_SKEW)).orElse(null));
    if (found.size() < wanted.size() && since.isPresent()) {
      // A line edited in QAD outside the receipt flow can carry an older stamp; look everywhere.
      Set<PoLine> missing = new HashSet<>(wanted);
      missing.removeAll(found.keySet());
      found.putAll(scan(qad, missing, null));
    }
    return found;
  }

  private Map<PoLine, BigDecimal> scan(QadClient qad, Set<PoLine> wanted, Instant since) {
    int size = config.qad().receiptPageSize();
    BrowseQuery query =
        since == null ? BrowseQuery.all(1, size) : BrowseQuery.modifiedSince(since, 1, size);
    Map<PoLine, BigDecimal> found = new HashMap<>();
    for (int page = 1; found.size() < wanted.size(); page++) {
      BrowsePage rows = qad.browse(EntityType.PURCHASE_ORDER_LINE, query.page(page));
      for (QadRecord r : rows.rows()) {
        PoLine line =
            new PoLine(r.fields().path("pod_nbr").asText(), r.fields().path("pod_line").asInt());
        JsonNode received = r.fields().path("pod_qty_rcvd");
        if (wanted.contains(line) && received.isNumber()) {
          found.put(line, received.decimalValue());
          receipts.recordLine(qad.tenant(), line, received.decimalValue(), r.modified());
        }
      }
      if (!rows.hasMore() || rows.rows().isEmpty()) {
        break;
      }
    }
    return found;
  }
}
