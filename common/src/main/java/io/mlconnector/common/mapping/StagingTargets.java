package io.mlconnector.common.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.common.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeSet;

/**
 * The ServiceNow staging tables the QAD → ServiceNow mapping ({@value #RESOURCE}) writes to, per
 * tenant: the configured tables plus the tenant's {@code qad-to-servicenow.<entity>.table}
 * overrides. The mapper builds its commands from the same file; the writer writes only to these
 * tables, so a forged {@code sn.upsert} cannot reach any other table with the integration user's
 * roles.
 */
@ApplicationScoped
public class StagingTargets {
  /** The mapping file, on the classpath of every service through common. */
  public static final String RESOURCE = "mapping/qad-to-servicenow.json";

  /** Prefix of a tenant's mapping override keys for this mapping. */
  public static final String OVERRIDE_PREFIX = "qad-to-servicenow.";

  private final Set<String> configured;

  public StagingTargets() {
    this(load());
  }

  public StagingTargets(JsonNode mapping) {
    Set<String> tables = new TreeSet<>();
    mapping
        .fields()
        .forEachRemaining(
            e -> {
              if (!e.getKey().startsWith("_")) {
                tables.add(e.getValue().path("table").asText());
              }
            });
    tables.remove("");
    this.configured = Set.copyOf(tables);
  }

  /** The tables this tenant's staging commands may name. */
  public Set<String> forTenant(Tenant tenant) {
    Set<String> tables = new TreeSet<>(configured);
    tenant
        .mappingOverrides()
        .forEach(
            (key, value) -> {
              if (key.startsWith(OVERRIDE_PREFIX) && key.endsWith(".table") && !value.isBlank()) {
                tables.add(value.trim());
              }
            });
    return tables;
  }

  public boolean allows(Tenant tenant, String table) {
    return forTenant(tenant).contains(table);
  }

  /** The mapping file as JSON. */
  public static JsonNode load() {
    try (InputStream in = StagingTargets.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
