package io.mlconnector.mapper.staging;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.common.event.EventEnvelope;
import io.mlconnector.common.tenant.Tenant;
import io.mlconnector.mapper.config.MapperConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Turns one QAD change event into a staging-table command, or a reason to park it. */
@ApplicationScoped
public class StagingRowMapper {
  /** ServiceNow string columns are commonly 255–4000 characters; longer values are refused. */
  static final int MAX_VALUE_CHARS = 4000;

  private final StagingMappings mappings;
  private final String erpSource;

  public StagingRowMapper(StagingMappings mappings, MapperConfig config) {
    this.mappings = mappings;
    this.erpSource = config.erpSource();
  }

  public MappingOutcome map(Tenant tenant, EventEnvelope event) {
    Optional<StagingMapping> found = mappings.forTenant(tenant, event.entity());
    if (found.isEmpty()) {
      return new MappingOutcome.NotStaged();
    }
    StagingMapping mapping = found.get();
    JsonNode record = event.payload();
    String what = "QAD " + event.entity().wireName() + " " + event.sourceId();
    if (!record.isObject()) {
      return new MappingOutcome.Parked(what + " is not a JSON object; check the QAD browse");
    }
    for (String field : mapping.required()) {
      JsonNode value = record.get(field);
      if (value == null || value.isNull() || value.asText().isBlank()) {
        return new MappingOutcome.Parked(
            what + " has no value for required field " + field + "; complete it in QAD");
      }
    }
    Map<String, String> row = new LinkedHashMap<>();
    String externalId = mapping.externalId().render(record);
    row.put(StagingCommand.EXTERNAL_ID_FIELD, externalId);
    row.put(StagingCommand.ERP_SOURCE_FIELD, erpSource);
    for (Map.Entry<String, ValueTemplate> column : mapping.columns().entrySet()) {
      String value = column.getValue().render(record);
      if (value.length() > MAX_VALUE_CHARS) {
        return new MappingOutcome.Parked(
            String.format(
                "%s: %s is %d characters, over the %d ServiceNow accepts; shorten it in QAD"
                    + " (template %s)",
                what, column.getKey(), value.length(), MAX_VALUE_CHARS, column.getValue()));
      }
      row.put(column.getKey(), value);
    }
    return new MappingOutcome.Mapped(
        new StagingCommand(mapping.table(), mapping.key().render(record), externalId, row));
  }
}
