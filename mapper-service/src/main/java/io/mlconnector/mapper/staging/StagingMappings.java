package io.mlconnector.mapper.staging;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.common.event.EntityType;
import io.mlconnector.common.mapping.StagingTargets;
import io.mlconnector.common.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The QAD → ServiceNow staging mappings from {@value StagingTargets#RESOURCE} (in common, shared
 * with the writer's table check), with each tenant's overrides ({@code
 * qad-to-servicenow.<entity>.…} keys of its mapping overrides) applied.
 */
@ApplicationScoped
public class StagingMappings {
  static final String OVERRIDE_PREFIX = StagingTargets.OVERRIDE_PREFIX;

  private final Map<EntityType, StagingMapping> defaults;

  public StagingMappings() {
    this(StagingTargets.load());
  }

  StagingMappings(JsonNode config) {
    this.defaults = parse(config);
  }

  /** The mapping for an entity as this tenant sees it; empty if the entity is not staged. */
  public Optional<StagingMapping> forTenant(Tenant tenant, EntityType entity) {
    StagingMapping base = defaults.get(entity);
    if (base == null) {
      return Optional.empty();
    }
    String prefix = OVERRIDE_PREFIX + entity.wireName() + ".";
    Map<String, String> overrides = new HashMap<>();
    if (tenant != null) {
      tenant
          .mappingOverrides()
          .forEach(
              (k, v) -> {
                if (k.startsWith(prefix)) {
                  overrides.put(k.substring(prefix.length()), v);
                }
              });
    }
    return Optional.of(base.withOverrides(overrides));
  }

  /**
   * The business part of the Kafka key of a QAD record (PO number for the PO family), if staged.
   */
  public Optional<String> businessKey(EntityType entity, JsonNode record) {
    return Optional.ofNullable(defaults.get(entity))
        .map(m -> m.key().render(record))
        .filter(k -> !k.isBlank());
  }

  private static Map<EntityType, StagingMapping> parse(JsonNode config) {
    Map<EntityType, StagingMapping> out = new EnumMap<>(EntityType.class);
    config
        .fields()
        .forEachRemaining(
            e -> {
              if (!e.getKey().startsWith("_")) {
                out.put(EntityType.fromWireName(e.getKey()), mapping(e.getValue()));
              }
            });
    return out;
  }

  private static StagingMapping mapping(JsonNode node) {
    Map<String, ValueTemplate> columns = new LinkedHashMap<>();
    node.get("columns")
        .fields()
        .forEachRemaining(c -> columns.put(c.getKey(), ValueTemplate.parse(c.getValue().asText())));
    List<String> required = new ArrayList<>();
    node.path("required").forEach(r -> required.add(r.asText()));
    return new StagingMapping(
        node.get("table").asText(),
        ValueTemplate.parse(node.get("key").asText()),
        ValueTemplate.parse(node.get("externalId").asText()),
        List.copyOf(required),
        Map.copyOf(columns));
  }
}
