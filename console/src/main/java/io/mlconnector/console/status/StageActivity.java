package io.mlconnector.console.status;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * What every service's audit trail says about the last hour and day: records per stage, the latest
 * error, and records per minute per stage. The audit trail is the one place every stage of every
 * record is written, so these counts need nothing new from the services.
 */
@ApplicationScoped
public class StageActivity {
  /** Records one service put through one stage. */
  public record StageCount(
      String tenant, String service, String stage, long lastHour, long lastDay) {}

  /** The latest audit row with an error. */
  public record LastError(
      String tenant,
      OffsetDateTime at,
      String service,
      String stage,
      String entity,
      String externalId,
      String error) {}

  /** Records in one stage in one minute. */
  public record MinuteCount(OffsetDateTime minute, String stage, long records) {}

  private final DataSource dataSource;
  private final List<String> schemas;

  public StageActivity(DataSource dataSource, StatusConfig config) {
    this.dataSource = dataSource;
    this.schemas = Schemas.safe(config.auditSchemas());
  }

  /** Per tenant, service and stage: records in the last hour and day. */
  public List<StageCount> counts() {
    List<StageCount> out = new ArrayList<>();
    each(
        (schema) ->
            "select tenant, stage, count(*) filter (where recorded_at > now() - interval '1 hour'),"
                + " count(*) from "
                + schema
                + ".audit_trail where recorded_at > now() - interval '1 day'"
                + " group by tenant, stage order by tenant, stage",
        null,
        (schema, rs) ->
            out.add(
                new StageCount(
                    rs.getString(1), schema, rs.getString(2), rs.getLong(3), rs.getLong(4))));
    return out;
  }

  /** Per tenant, the latest error of the last day in any service. */
  public List<LastError> lastErrors() {
    List<LastError> out = new ArrayList<>();
    each(
        (schema) ->
            "select distinct on (tenant) tenant, recorded_at, stage, entity, external_id, error"
                + " from "
                + schema
                + ".audit_trail where error is not null"
                + " and recorded_at > now() - interval '1 day' order by tenant, recorded_at desc",
        null,
        (schema, rs) ->
            out.add(
                new LastError(
                    rs.getString(1),
                    rs.getObject(2, OffsetDateTime.class),
                    schema,
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6))));
    return out;
  }

  /** The tenant's records per minute per stage over the last hour (all services summed). */
  public List<MinuteCount> perMinute(String tenant) {
    List<MinuteCount> out = new ArrayList<>();
    each(
        (schema) ->
            "select date_trunc('minute', recorded_at), stage, count(*) from "
                + schema
                + ".audit_trail where tenant = ? and recorded_at > now() - interval '1 hour'"
                + " group by 1, 2",
        tenant,
        (schema, rs) ->
            out.add(
                new MinuteCount(
                    rs.getObject(1, OffsetDateTime.class), rs.getString(2), rs.getLong(3))));
    return out;
  }

  private interface Sql {
    String of(String schema);
  }

  private interface RowReader {
    void read(String schema, ResultSet rs) throws SQLException;
  }

  private void each(Sql sql, String tenant, RowReader reader) {
    try (Connection c = dataSource.getConnection()) {
      for (String schema : schemas) {
        try (PreparedStatement ps = c.prepareStatement(sql.of(schema))) {
          if (tenant != null) {
            ps.setString(1, tenant);
          }
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              reader.read(schema, rs);
            }
          }
        } catch (SQLException e) {
          if (!Schemas.isMissingTable(e)) {
            throw e;
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the audit trail", e);
    }
  }
}
