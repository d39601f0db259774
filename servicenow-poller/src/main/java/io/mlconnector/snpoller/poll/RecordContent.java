package io.mlconnector.snpoller.poll;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.common.event.PayloadHash;
import io.mlconnector.snclient.model.ServiceNowRecord;
import io.mlconnector.snpoller.config.ServiceNowPollerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.TreeMap;

/** Rows as JSON exactly as read, and the content hash that decides whether a row really changed. */
@ApplicationScoped
public class RecordContent {
  private final List<String> bookkeeping;

  public RecordContent(ServiceNowPollerConfig config) {
    this.bookkeeping = config.servicenow().tables().bookkeepingColumns();
  }

  /** Every column as read (all strings), in name order for readable payloads. */
  public ObjectNode json(ServiceNowRecord row) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    new TreeMap<>(row.values()).forEach(out::put);
    return out;
  }

  /** Hash of one row without its bookkeeping columns. */
  public String rowHash(ObjectNode row) {
    return PayloadHash.of(strip(row));
  }

  /** Hash of an invoice payload: header and lines, each without bookkeeping columns. */
  public String invoiceHash(ObjectNode header, List<ObjectNode> lines) {
    ObjectNode content = JsonNodeFactory.instance.objectNode();
    content.set("header", strip(header));
    ArrayNode stripped = content.putArray("lines");
    lines.forEach(l -> stripped.add(strip(l)));
    return PayloadHash.of(content);
  }

  private JsonNode strip(ObjectNode row) {
    ObjectNode copy = row.deepCopy();
    copy.remove(bookkeeping);
    return copy;
  }
}
