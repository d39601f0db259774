package io.mlconnector.mapper.dimension;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.common.event.EntityType;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Keeps the QAD dimensions the mapper has seen, so invoice lines can be checked against codes that
 * really exist (and are active) in QAD.
 */
@ApplicationScoped
public class QadDimensionCatalog {
  /** QAD field names per dimension: code, description, active flag. */
  private record Fields(String code, String name, String active) {}

  private static final Map<EntityType, Fields> FIELDS =
      Map.of(
          EntityType.COST_CENTER, new Fields("cc_ctr", "cc_desc", "cc_active"),
          EntityType.GL_ACCOUNT, new Fields("ac_code", "ac_desc", "ac_active"),
          EntityType.SUB_ACCOUNT, new Fields("sb_sub", "sb_desc", "sb_active"),
          EntityType.PROJECT, new Fields("pj_project", "pj_desc", "pj_active"));

  private final DataSource dataSource;

  public QadDimensionCatalog(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public static boolean isDimension(EntityType entity) {
    return FIELDS.containsKey(entity);
  }

  /** Records the dimension in the event's payload; returns false if it has no code. */
  public boolean remember(String tenant, EntityType entity, JsonNode record) {
    Fields f = FIELDS.get(entity);
    String code = record.path(f.code()).asText("");
    if (code.isBlank()) {
      return false;
    }
    JsonNode active = record.get(f.active());
    boolean isActive = active == null || active.isNull() || active.asBoolean(true);
    String sql =
        "insert into qad_dimension (tenant, dimension, code, name, active) values (?,?,?,?,?)"
            + " on conflict (tenant, dimension, code) do update set name = excluded.name,"
            + " active = excluded.active, updated_at = now()";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, tenant);
      ps.setString(2, entity.wireName());
      ps.setString(3, code);
      ps.setString(4, record.path(f.name()).asText(null));
      ps.setBoolean(5, isActive);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot record " + entity.wireName() + " " + code, e);
    }
    return true;
  }
}
