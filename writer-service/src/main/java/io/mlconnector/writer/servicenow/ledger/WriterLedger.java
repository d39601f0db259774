package io.mlconnector.writer.servicenow.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The ServiceNow rows of {@code writer_ledger}: (tenant, SERVICENOW, staging table, external id) →
 * (sys_id, content hash, status). Writes join the caller's transaction.
 */
@ApplicationScoped
public class WriterLedger {
  static final String TARGET = "SERVICENOW";

  private final DataSource dataSource;

  public WriterLedger(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Entries of the given raw external ids, by external id. */
  public Map<String, LedgerEntry> find(String tenant, String table, Collection<String> ids) {
    String sql =
        "select external_id, target_id, content_hash, status, source_version from writer_ledger"
            + " where tenant = ? and target = ? and entity = ? and external_id = any (?)";
    Map<String, LedgerEntry> out = new HashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, tenant);
      ps.setString(2, TARGET);
      ps.setString(3, table);
      ps.setArray(4, c.createArrayOf("varchar", ids.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          LedgerEntry e =
              new LedgerEntry(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5));
          out.put(e.externalId(), e);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the writer ledger", e);
    }
    return out;
  }

  /** One ledger row to record: the tenant, the staging table and the entry. */
  public record Row(String tenant, String table, LedgerEntry entry) {}

  private static final String UPSERT =
      "insert into writer_ledger (tenant, target, entity, external_id, target_id, content_hash,"
          + " status, source_version, updated_at) values (?,?,?,?,?,?,?,?, now())"
          + " on conflict (tenant, target, entity, external_id) do update set"
          + " target_id = coalesce(excluded.target_id, writer_ledger.target_id),"
          + " content_hash = excluded.content_hash, status = excluded.status,"
          + " source_version = excluded.source_version, updated_at = now()";

  /** Records an outcome; a null target id keeps the one already recorded. */
  public void record(String tenant, String table, LedgerEntry entry) {
    recordAll(List.of(new Row(tenant, table, entry)));
  }

  /**
   * Records outcomes with one JDBC batch, in the order given (a later row of the same external id
   * wins); a null target id keeps the one already recorded.
   */
  public void recordAll(List<Row> rows) {
    if (rows.isEmpty()) {
      return;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(UPSERT)) {
      for (Row row : rows) {
        LedgerEntry entry = row.entry();
        ps.setString(1, row.tenant());
        ps.setString(2, TARGET);
        ps.setString(3, row.table());
        ps.setString(4, entry.externalId());
        ps.setString(5, entry.targetId());
        ps.setString(6, entry.contentHash());
        ps.setString(7, entry.status());
        ps.setString(8, entry.sourceVersion());
        ps.addBatch();
      }
      ps.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot write the writer ledger", e);
    }
  }
}
