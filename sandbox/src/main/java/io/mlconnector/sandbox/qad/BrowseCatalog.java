package io.mlconnector.sandbox.qad;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which browse id reads which table and returns which fields. Loaded from JSON so that browse ids
 * can follow a customer's instance without code changes.
 */
public final class BrowseCatalog {
  /** The default mapping shipped with the sandbox. */
  public static final String DEFAULT_RESOURCE = "/sandbox/qad-browses.json";

  /** One browse: its id, the table behind it and the fields it returns. */
  public record Browse(String browseId, QadEntity entity, List<String> fields) {}

  private final Map<String, Browse> byId;

  private BrowseCatalog(Map<String, Browse> byId) {
    this.byId = java.util.Collections.unmodifiableMap(byId);
  }

  public static BrowseCatalog loadDefault() {
    try (InputStream in = BrowseCatalog.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
      }
      return parse(QadJson.MAPPER.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static BrowseCatalog parse(JsonNode root) {
    Map<String, Browse> byId = new LinkedHashMap<>();
    for (JsonNode node : root.path("browses")) {
      QadEntity entity = QadEntity.of(node.path("table").asText());
      List<String> fields = new ArrayList<>();
      node.path("fields").forEach(f -> fields.add(f.asText()));
      fields.forEach(entity::type); // fail fast on a misspelt field
      String id = node.path("browseId").asText();
      byId.put(id, new Browse(id, entity, fields.isEmpty() ? entity.fieldNames() : fields));
    }
    return new BrowseCatalog(byId);
  }

  public Optional<Browse> find(String browseId) {
    return Optional.ofNullable(byId.get(browseId));
  }

  /** The browse id that reads {@code entity} (first one configured). */
  public String browseIdOf(QadEntity entity) {
    return byId.values().stream()
        .filter(b -> b.entity() == entity)
        .map(Browse::browseId)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no browse for " + entity));
  }
}
