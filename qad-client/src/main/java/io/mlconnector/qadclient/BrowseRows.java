package io.mlconnector.qadclient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.common.event.EntityType;
import io.mlconnector.qadclient.browse.BrowseDefinition;
import io.mlconnector.qadclient.browse.BrowsePage;
import io.mlconnector.qadclient.browse.BrowseQuery;
import io.mlconnector.qadclient.browse.QadRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Reads a browse answer into {@link QadRecord}s, naming the row and field when one is unusable. */
final class BrowseRows {
  private final String tenant;

  BrowseRows(String tenant) {
    this.tenant = tenant;
  }

  BrowsePage page(EntityType entity, BrowseDefinition def, BrowseQuery query, JsonNode body) {
    JsonNode data = body.path("data");
    if (!data.isArray()) {
      throw new QadMalformedResponseException(
          tenant, "browse " + def.browseId() + " answered without a data array");
    }
    List<QadRecord> out = new ArrayList<>(data.size());
    for (JsonNode row : data) {
      if (!row.isObject()) {
        throw new QadMalformedResponseException(tenant, "browse row is not an object: " + row);
      }
      ObjectNode fields = (ObjectNode) row;
      out.add(
          new QadRecord(
              fields,
              join(fields, def.keyFields(), def),
              join(fields, def.sourceIdFields(), def),
              join(fields, List.of(def.businessKeyField()), def),
              modified(fields, def)));
    }
    return new BrowsePage(
        entity,
        query.page(),
        query.pageSize(),
        body.path("totalCount").asLong(out.size()),
        body.path("hasMore").asBoolean(false),
        out);
  }

  private String join(ObjectNode row, List<String> fields, BrowseDefinition def) {
    StringBuilder b = new StringBuilder();
    for (String f : fields) {
      JsonNode v = row.get(f);
      if (v == null || v.isNull() || v.asText().isEmpty()) {
        throw new QadMalformedResponseException(
            tenant, "browse " + def.browseId() + " row has no key field " + f + ": " + row);
      }
      if (b.length() > 0) {
        b.append('|');
      }
      b.append(v.asText());
    }
    return b.toString();
  }

  private Instant modified(ObjectNode row, BrowseDefinition def) {
    String text = row.path(def.modifiedField()).asText("");
    try {
      return text.length() == 10
          ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
          : Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new QadMalformedResponseException(
          tenant,
          "browse " + def.browseId() + " row has no usable " + def.modifiedField() + ": " + row);
    }
  }
}
