package io.mlconnector.console.status;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The writer's invoice ledger ({@code qad_invoice}), read-only: how many invoices of each tenant
 * await a receipt, were posted or failed, and the rows of one status for the page (the console
 * serves them itself: the page may only call its own origin).
 */
@ApplicationScoped
public class InvoiceQueue {
  /** The statuses an operator looks at; the in-flight ones (RECEIVED, POSTING) pass quickly. */
  public static final Set<String> STATUSES =
      Set.of("AWAITING_RECEIPT", "POSTED", "FAILED", "REJECTED", "RECEIVED", "POSTING");

  /**
   * One invoice as the operator sees it.
   *
   * @param waitingOn the PO lines short of received quantity (line and quantity missing)
   */
  public record Invoice(
      String sysId,
      String invoiceNumber,
      String supplier,
      String status,
      String reason,
      String waitingOn,
      OffsetDateTime since,
      String voucher,
      Boolean clearedFirstTime,
      OffsetDateTime postedAt) {}

  private final DataSource dataSource;
  private final String schema;

  public InvoiceQueue(DataSource dataSource, StatusConfig config) {
    this.dataSource = dataSource;
    this.schema = Schemas.isSafe(config.writerSchema()) ? config.writerSchema() : "writer";
  }

  /** Per tenant, invoices per status. */
  public Map<String, Map<String, Long>> counts() {
    Map<String, Map<String, Long>> out = new TreeMap<>();
    String sql = "select tenant, status, count(*) from " + schema + ".qad_invoice group by 1, 2";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.computeIfAbsent(rs.getString(1), t -> new TreeMap<>())
            .put(rs.getString(2), rs.getLong(3));
      }
    } catch (SQLException e) {
      if (!Schemas.isMissingTable(e)) {
        throw new IllegalStateException("cannot read the writer's invoices", e);
      }
    }
    return out;
  }

  /** The tenant's invoices of one status, newest first (at most {@code limit}). */
  public List<Invoice> list(String tenant, String status, int limit) {
    String sql =
        "select sys_id, invoice_number, supplier, status, reason, waiting_on, since, voucher,"
            + " cleared_first_time, posted_at from "
            + schema
            + ".qad_invoice where tenant = ? and status = ? order by updated_at desc limit ?";
    List<Invoice> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, tenant);
      ps.setString(2, status);
      ps.setInt(3, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Invoice(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getObject(7, OffsetDateTime.class),
                  rs.getString(8),
                  (Boolean) rs.getObject(9),
                  rs.getObject(10, OffsetDateTime.class)));
        }
      }
    } catch (SQLException e) {
      if (!Schemas.isMissingTable(e)) {
        throw new IllegalStateException("cannot read the writer's invoices", e);
      }
    }
    return out;
  }

  /**
   * The ServiceNow sys_ids (the invoices' external id in the audit trail) of the tenant's invoices
   * with this ServiceNow invoice number or this QAD voucher.
   */
  public List<String> sysIdsOf(String tenant, String number) {
    String sql =
        "select sys_id from "
            + schema
            + ".qad_invoice where tenant = ? and (invoice_number = ? or voucher = ?)";
    List<String> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, tenant);
      ps.setString(2, number);
      ps.setString(3, number);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    } catch (SQLException e) {
      if (!Schemas.isMissingTable(e)) {
        throw new IllegalStateException("cannot read the writer's invoices", e);
      }
    }
    return out;
  }
}
