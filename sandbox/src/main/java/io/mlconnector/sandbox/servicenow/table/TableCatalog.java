package io.mlconnector.sandbox.servicenow.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tables an instance serves, read from one JSON resource so that column names (unconfirmed in
 * public sources) live in a single place: {@value #DEFAULT_RESOURCE}.
 */
public final class TableCatalog {
  public static final String DEFAULT_RESOURCE = "/sandbox/servicenow-tables.json";

  private final Map<String, TableDefinition> tables;

  public TableCatalog(Collection<TableDefinition> definitions) {
    Map<String, TableDefinition> byName = new LinkedHashMap<>();
    definitions.forEach(t -> byName.put(t.name(), t));
    this.tables = byName;
  }

  public static TableCatalog loadDefault() {
    try (InputStream in = TableCatalog.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
      }
      return parse(new ObjectMapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static TableCatalog parse(JsonNode root) {
    List<TableDefinition> out = new ArrayList<>();
    root.path("tables")
        .fields()
        .forEachRemaining(
            entry -> {
              JsonNode t = entry.getValue();
              Map<String, String> columns = new LinkedHashMap<>();
              t.path("columns")
                  .fields()
                  .forEachRemaining(c -> columns.put(c.getKey(), c.getValue().asText()));
              List<String> roles = new ArrayList<>();
              t.path("roles").forEach(r -> roles.add(r.asText()));
              AclDenial denial = AclDenial.valueOf(t.path("denied_read").asText("EMPTY"));
              out.add(
                  new TableDefinition(
                      entry.getKey(),
                      columns,
                      List.copyOf(roles),
                      denial,
                      t.path("description").asText("")));
            });
    return new TableCatalog(out);
  }

  /** A fresh, independently changeable copy, one per instance. */
  public TableCatalog copy() {
    return new TableCatalog(tables.values());
  }

  public TableDefinition table(String name) {
    return tables.get(name);
  }

  public Collection<TableDefinition> tables() {
    return tables.values();
  }

  public void replace(TableDefinition definition) {
    tables.put(definition.name(), definition);
  }
}
