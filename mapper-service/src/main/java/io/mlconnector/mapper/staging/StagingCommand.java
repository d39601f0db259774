package io.mlconnector.mapper.staging;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * An {@code sn.upsert} command: write this row into that staging table, identified by the QAD
 * external id. The payload shape is the contract with writer-service (see the mapper README).
 */
public record StagingCommand(
    String table, String kafkaKeyPart, String externalId, Map<String, String> row) {
  public static final String EXTERNAL_ID_FIELD = "u_external_id";
  public static final String ERP_SOURCE_FIELD = "u_erp_source";

  public ObjectNode payload() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode payload = f.objectNode();
    payload.put("table", table);
    payload.put("externalIdField", EXTERNAL_ID_FIELD);
    payload.put("externalId", externalId);
    ObjectNode rowNode = payload.putObject("row");
    row.forEach(rowNode::put);
    return payload;
  }
}
