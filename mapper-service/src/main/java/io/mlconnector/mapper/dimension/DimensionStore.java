package io.mlconnector.mapper.dimension;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * SQL over the mapper's dimension tables: the QAD and ServiceNow catalogs and the per-tenant
 * ServiceNow → QAD code mapping.
 */
@ApplicationScoped
public class DimensionStore {
  /** Which catalog. */
  public enum Side {
    QAD("qad_dimension"),
    SERVICENOW("servicenow_dimension");

    private final String table;

    Side(String table) {
      this.table = table;
    }
  }

  private final DataSource dataSource;

  public DimensionStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public void upsert(Side side, String tenant, Dimension d, String code, String name, boolean on) {
    String sql =
        "insert into "
            + side.table
            + " (tenant, dimension, code, name, active) values (?,?,?,?,?)"
            + " on conflict (tenant, dimension, code) do update set name = excluded.name,"
            + " active = excluded.active, updated_at = now()";
    update(sql, tenant, d.wireName(), code, name, on);
  }

  /** code → active for one tenant and dimension. */
  public Map<String, Boolean> codes(Side side, String tenant, Dimension d) {
    Map<String, Boolean> out = new LinkedHashMap<>();
    String sql =
        "select code, active from " + side.table + " where tenant = ? and dimension = ? order by 1";
    query(sql, rs -> out.put(rs.getString(1), rs.getBoolean(2)), tenant, d.wireName());
    return out;
  }

  public Optional<String> mappedQadCode(String tenant, Dimension d, String servicenowCode) {
    String[] found = new String[1];
    query(
        "select qad_code from dimension_mapping where tenant = ? and dimension = ?"
            + " and servicenow_code = ?",
        rs -> found[0] = rs.getString(1),
        tenant,
        d.wireName(),
        servicenowCode);
    return Optional.ofNullable(found[0]);
  }

  public Map<String, String> mappings(String tenant, Dimension d) {
    Map<String, String> out = new LinkedHashMap<>();
    query(
        "select servicenow_code, qad_code from dimension_mapping where tenant = ?"
            + " and dimension = ? order by 1",
        rs -> out.put(rs.getString(1), rs.getString(2)),
        tenant,
        d.wireName());
    return out;
  }

  public void putMapping(String tenant, Dimension d, String servicenowCode, String qadCode) {
    update(
        "insert into dimension_mapping (tenant, dimension, servicenow_code, qad_code)"
            + " values (?,?,?,?) on conflict (tenant, dimension, servicenow_code)"
            + " do update set qad_code = excluded.qad_code, updated_at = now()",
        tenant,
        d.wireName(),
        servicenowCode,
        qadCode);
  }

  public boolean deleteMapping(String tenant, Dimension d, String servicenowCode) {
    return update(
            "delete from dimension_mapping where tenant = ? and dimension = ?"
                + " and servicenow_code = ?",
            tenant,
            d.wireName(),
            servicenowCode)
        > 0;
  }

  private interface RowReader {
    void read(ResultSet rs) throws SQLException;
  }

  private void query(String sql, RowReader reader, Object... params) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = prepare(c, sql, params);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        reader.read(rs);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("dimension query failed", e);
    }
  }

  private int update(String sql, Object... params) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = prepare(c, sql, params)) {
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("dimension update failed", e);
    }
  }

  private static PreparedStatement prepare(Connection c, String sql, Object... params)
      throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    for (int i = 0; i < params.length; i++) {
      ps.setObject(i + 1, params[i]);
    }
    return ps;
  }
}
