package io.mlconnector.qadclient.browse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.common.event.EntityType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The one place QAD paths, browse ids and field names live ({@code mlc/qad-browses.json} on the
 * classpath, or a file of the same shape), so a customer's instance can differ without code
 * changes.
 */
public record BrowseMapping(
    String browsesPath, String supplierInvoicesPath, Map<EntityType, BrowseDefinition> entities) {
  private static final String DEFAULT_RESOURCE = "mlc/qad-browses.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The built-in mapping (matches the sandbox). */
  public static BrowseMapping defaults() {
    try (InputStream in =
        BrowseMapping.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(DEFAULT_RESOURCE + " missing from the qad-client jar");
      }
      return parse(JSON.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static BrowseMapping fromFile(Path file) {
    try {
      return parse(JSON.readTree(Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read QAD browse mapping " + file, e);
    }
  }

  static BrowseMapping parse(JsonNode root) {
    Map<EntityType, BrowseDefinition> out = new EnumMap<>(EntityType.class);
    root.path("entities")
        .fields()
        .forEachRemaining(
            e ->
                out.put(
                    EntityType.fromWireName(e.getKey()),
                    new BrowseDefinition(
                        e.getValue().path("browseId").asText(null),
                        strings(e.getValue().path("keyFields")),
                        e.getValue().has("sourceIdFields")
                            ? strings(e.getValue().path("sourceIdFields"))
                            : null,
                        e.getValue().path("businessKeyField").asText(null),
                        e.getValue().path("modifiedField").asText(null))));
    return new BrowseMapping(
        root.path("browsesPath").asText("api/qracore/browses"),
        root.path("supplierInvoicesPath").asText("api/erp/supplierInvoices"),
        Map.copyOf(out));
  }

  public BrowseDefinition of(EntityType entity) {
    BrowseDefinition d = entities.get(entity);
    if (d == null) {
      throw new IllegalArgumentException("no QAD browse mapped for " + entity.wireName());
    }
    return d;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
