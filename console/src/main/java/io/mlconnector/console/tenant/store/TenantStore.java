package io.mlconnector.console.tenant.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.common.tenant.TenantRows;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;

/** The {@code tenant} table (connections run in the console schema). Joins caller transactions. */
@ApplicationScoped
public class TenantStore {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String COLUMNS =
      "display_name, enabled, qad_base_url, qad_workspace, qad_client_id, qad_username,"
          + " sn_instance_url, sn_client_id, sn_batch_api, sandbox, allow_private_network,"
          + " schedules, mapping_overrides";

  private final DataSource dataSource;

  public TenantStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Inserts a new tenant; false if the id is taken. */
  public boolean insert(TenantRow t) {
    String sql =
        "insert into tenant (id, "
            + COLUMNS
            + ") values (?,?,?,?,?,?,?,?,?,?,?,?,?,?) on conflict (id) do nothing";
    return update(sql, ps -> bind(ps, t, 2, t.id(), 1)) == 1;
  }

  /** Replaces every column of an existing tenant; false if unknown. */
  public boolean replace(TenantRow t) {
    String sql =
        "update tenant set ("
            + COLUMNS
            + ", updated_at) = (?,?,?,?,?,?,?,?,?,?,?,?,?, now())"
            + " where id = ?";
    return update(sql, ps -> bind(ps, t, 1, t.id(), 14)) == 1;
  }

  public boolean setEnabled(String id, boolean enabled) {
    return update(
            "update tenant set enabled = ?, updated_at = now() where id = ?",
            ps -> {
              ps.setBoolean(1, enabled);
              ps.setString(2, id);
            })
        == 1;
  }

  /** Deletes a tenant; its secrets go with it (foreign key cascade). */
  public boolean delete(String id) {
    return update("delete from tenant where id = ?", ps -> ps.setString(1, id)) == 1;
  }

  public Optional<TenantRow> find(String id) {
    List<TenantRow> rows = query("select * from tenant where id = ?", id);
    return rows.stream().findFirst();
  }

  public List<TenantRow> findAll() {
    return query("select * from tenant order by id", null);
  }

  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private int update(String sql, Binder binder) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot write the tenant registry: " + e.getMessage(), e);
    }
  }

  /** Binds {@link #COLUMNS} from position {@code first}, and the id at {@code idPosition}. */
  private static void bind(PreparedStatement ps, TenantRow t, int first, String id, int idPosition)
      throws SQLException {
    ps.setString(idPosition, id);
    int i = first;
    ps.setString(i++, t.displayName());
    ps.setBoolean(i++, t.enabled());
    ps.setString(i++, t.qadBaseUrl());
    ps.setString(i++, t.qadWorkspace());
    ps.setString(i++, t.qadClientId());
    ps.setString(i++, t.qadUsername());
    ps.setString(i++, t.snInstanceUrl());
    ps.setString(i++, t.snClientId());
    ps.setBoolean(i++, t.snBatchApi());
    ps.setBoolean(i++, t.sandbox());
    ps.setBoolean(i++, t.allowPrivateNetwork());
    ps.setString(i++, json(t.schedules()));
    ps.setString(i, json(t.mappingOverrides()));
  }

  private List<TenantRow> query(String sql, String id) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      if (id != null) {
        ps.setString(1, id);
      }
      List<TenantRow> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(read(rs));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the tenant registry: " + e.getMessage(), e);
    }
  }

  private static TenantRow read(ResultSet rs) throws SQLException {
    return new TenantRow(
        rs.getString("id"),
        rs.getString("display_name"),
        rs.getBoolean("enabled"),
        rs.getString("qad_base_url"),
        rs.getString("qad_workspace"),
        rs.getString("qad_client_id"),
        rs.getString("qad_username"),
        rs.getString("sn_instance_url"),
        rs.getString("sn_client_id"),
        rs.getBoolean("sn_batch_api"),
        rs.getBoolean("sandbox"),
        rs.getBoolean("allow_private_network"),
        TenantRows.parseMap(rs.getString("schedules")),
        TenantRows.parseMap(rs.getString("mapping_overrides")),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant());
  }

  private static String json(Map<String, String> map) {
    try {
      return JSON.writeValueAsString(new TreeMap<>(map)); // Sorted: stable rows, readable diffs.
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a string map always serialises", e);
    }
  }
}
