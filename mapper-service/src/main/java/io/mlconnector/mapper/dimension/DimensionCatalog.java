package io.mlconnector.mapper.dimension;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.common.event.EntityType;
import io.mlconnector.common.event.SourceSystem;
import io.mlconnector.mapper.dimension.DimensionStore.Side;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;

/**
 * Remembers every dimension either system reports, from the records' own field names: QAD's {@code
 * cc_mstr}, {@code ac_mstr}, {@code sb_mstr}, {@code pj_mstr} and ServiceNow's {@code
 * cmn_cost_center}, {@code sn_fin_gl_account}.
 */
@ApplicationScoped
public class DimensionCatalog {
  private record Fields(String code, String name, String active) {}

  private static final Map<Dimension, Fields> QAD =
      Map.of(
          Dimension.COST_CENTER, new Fields("cc_ctr", "cc_desc", "cc_active"),
          Dimension.GL_ACCOUNT, new Fields("ac_code", "ac_desc", "ac_active"),
          Dimension.SUB_ACCOUNT, new Fields("sb_sub", "sb_desc", "sb_active"),
          Dimension.PROJECT, new Fields("pj_project", "pj_desc", "pj_active"));
  private static final Map<Dimension, Fields> SERVICENOW =
      Map.of(
          Dimension.COST_CENTER, new Fields("code", "name", "active"),
          Dimension.GL_ACCOUNT, new Fields("account_number", "name", "active"));

  private final DimensionStore store;

  public DimensionCatalog(DimensionStore store) {
    this.store = store;
  }

  /** The dimension an entity stands for, if it is one. */
  public static Optional<Dimension> dimensionOf(EntityType entity) {
    for (Dimension d : Dimension.values()) {
      if (d.entity() == entity) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }

  /** A dimension code as a system reported it. */
  public record Known(Dimension dimension, String code, boolean active) {}

  /** Records the dimension in a source record; empty if the record has no code. */
  public Optional<Known> remember(
      SourceSystem system, String tenant, Dimension d, JsonNode record) {
    Map<Dimension, Fields> fields = system == SourceSystem.QAD ? QAD : SERVICENOW;
    Fields f = fields.get(d);
    String code = f == null ? "" : record.path(f.code()).asText("").trim();
    if (code.isEmpty()) {
      return Optional.empty();
    }
    JsonNode active = record.get(f.active());
    boolean on = active == null || active.isNull() || !"false".equalsIgnoreCase(active.asText());
    Side side = system == SourceSystem.QAD ? Side.QAD : Side.SERVICENOW;
    store.upsert(side, tenant, d, code, record.path(f.name()).asText(null), on);
    return Optional.of(new Known(d, code, on));
  }
}
