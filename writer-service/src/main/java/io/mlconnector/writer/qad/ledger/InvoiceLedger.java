package io.mlconnector.writer.qad.ledger;

import io.mlconnector.common.audit.AuditEntry.KafkaCoordinates;
import io.mlconnector.writer.qad.ledger.InvoiceRecord.WriteBack;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@code qad_invoice}: (tenant, ServiceNow sys_id) → status, voucher, posting time, write-back
 * state. The idempotency record of the QAD side and the queue of invoices awaiting a receipt.
 * Writes join the caller's transaction.
 */
@ApplicationScoped
public class InvoiceLedger {
  private static final String COLUMNS =
      "tenant, sys_id, invoice_number, command_hash, envelope, kafka_topic, kafka_partition,"
          + " kafka_offset, status, reason, waiting_on, since, last_check, voucher, qad_status,"
          + " cleared_first_time, posted_at, write_back, write_back_error, source_version,"
          + " write_back_attempts";

  private final Jdbc jdbc;

  public InvoiceLedger(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  public Optional<InvoiceRecord> find(String tenant, String sysId) {
    return jdbc
        .query(
            "select " + COLUMNS + " from qad_invoice where tenant = ? and sys_id = ?",
            InvoiceLedger::read,
            tenant,
            sysId)
        .stream()
        .findFirst();
  }

  /** Invoices of a tenant, optionally of one status, oldest first. */
  public List<InvoiceRecord> list(String tenant, InvoiceStatus status) {
    return status == null
        ? jdbc.query(
            "select " + COLUMNS + " from qad_invoice where tenant = ? order by since, sys_id",
            InvoiceLedger::read,
            tenant)
        : jdbc.query(
            "select "
                + COLUMNS
                + " from qad_invoice where tenant = ? and status = ?"
                + " order by since, sys_id",
            InvoiceLedger::read,
            tenant,
            status.name());
  }

  /** Stores a (new or changed) command as RECEIVED, replacing an earlier version. */
  public void receive(NewInvoice n) {
    jdbc.update(
        "insert into qad_invoice (tenant, sys_id, invoice_number, supplier, invoice_reference,"
            + " action, command_hash, envelope, kafka_topic, kafka_partition, kafka_offset,"
            + " source_version, status) values (?,?,?,?,?,?,?,?,?,?,?,?,'RECEIVED')"
            + " on conflict (tenant, sys_id) do update"
            + " set invoice_number = excluded.invoice_number, supplier = excluded.supplier,"
            + " invoice_reference = excluded.invoice_reference, action = excluded.action,"
            + " command_hash = excluded.command_hash, envelope = excluded.envelope,"
            + " kafka_topic = excluded.kafka_topic, kafka_partition = excluded.kafka_partition,"
            + " kafka_offset = excluded.kafka_offset, source_version = excluded.source_version,"
            + " status = 'RECEIVED', reason = null, waiting_on = null, since = now(),"
            + " voucher = null, qad_status = null, cleared_first_time = null, posted_at = null,"
            + " write_back = 'NONE', write_back_error = null, write_back_attempts = 0,"
            + " updated_at = now()",
        n.tenant(),
        n.sysId(),
        n.invoiceNumber(),
        n.supplier(),
        n.invoiceReference(),
        n.action(),
        n.commandHash(),
        n.envelope(),
        n.where().topic(),
        n.where().partition(),
        n.where().offset(),
        n.sourceVersion());
  }

  public void awaiting(String tenant, String sysId, String waitingOn, boolean entering) {
    jdbc.update(
        "update qad_invoice set status = 'AWAITING_RECEIPT', waiting_on = ?, last_check = now(),"
            + (entering ? " since = now()," : "")
            + " updated_at = now() where tenant = ? and sys_id = ?",
        waitingOn,
        tenant,
        sysId);
  }

  /**
   * Parked: the invoice cannot be settled without a person (a QAD answer that is neither a refusal
   * nor transient); not retried until replayed. Nothing is written back to ServiceNow.
   */
  public void parked(String tenant, String sysId, String reason) {
    jdbc.update(
        "update qad_invoice set status = 'PARKED', reason = ?, waiting_on = null,"
            + " updated_at = now() where tenant = ? and sys_id = ?",
        reason,
        tenant,
        sysId);
  }

  /** Records the intent to post; committed before QAD is called. */
  public void posting(String tenant, String sysId) {
    jdbc.update(
        "update qad_invoice set status = 'POSTING', waiting_on = null, last_check = now(),"
            + " updated_at = now() where tenant = ? and sys_id = ?",
        tenant,
        sysId);
  }

  public void posted(
      String tenant, String sysId, String voucher, String qadStatus, Instant postedAt) {
    jdbc.update(
        "update qad_invoice set status = 'POSTED', voucher = ?, qad_status = ?,"
            + " cleared_first_time = ?, posted_at = ?, reason = null, write_back = 'PENDING',"
            + " updated_at = now() where tenant = ? and sys_id = ?",
        voucher,
        qadStatus,
        "Matched".equals(qadStatus),
        postedAt,
        tenant,
        sysId);
  }

  /** FAILED (QAD refused) or REJECTED (mapper refused), with the clerk's message. */
  public void refused(String tenant, String sysId, InvoiceStatus status, String reason) {
    jdbc.update(
        "update qad_invoice set status = ?, reason = ?, waiting_on = null, write_back = 'PENDING',"
            + " updated_at = now() where tenant = ? and sys_id = ?",
        status.name(),
        reason,
        tenant,
        sysId);
  }

  /**
   * The write-back's new state. {@code refused} counts an attempt ServiceNow refused for good (the
   * bound for parking); other states reset the count.
   */
  public void writeBack(String tenant, String sysId, WriteBack state, String error) {
    writeBack(tenant, sysId, state, error, false);
  }

  public void writeBack(
      String tenant, String sysId, WriteBack state, String error, boolean refused) {
    jdbc.update(
        "update qad_invoice set write_back = ?, write_back_error = ?, write_back_attempts ="
            + (refused
                ? " write_back_attempts + 1"
                : (error == null ? " 0" : " write_back_attempts"))
            + ", updated_at = now() where tenant = ? and sys_id = ?",
        state.name(),
        error,
        tenant,
        sysId);
  }

  /** (tenant, sys_id) of every invoice the recheck has to look at: unfinished or not told. */
  public List<String[]> needingAttention() {
    return jdbc.query(
        "select tenant, sys_id from qad_invoice where status in"
            + " ('RECEIVED', 'AWAITING_RECEIPT', 'POSTING') or write_back = 'PENDING'"
            + " order by tenant, since",
        rs -> new String[] {rs.getString(1), rs.getString(2)});
  }

  private static InvoiceRecord read(ResultSet rs) throws SQLException {
    String topic = rs.getString("kafka_topic");
    Boolean cleared = rs.getObject("cleared_first_time", Boolean.class);
    return new InvoiceRecord(
        rs.getString("tenant"),
        rs.getString("sys_id"),
        rs.getString("invoice_number"),
        rs.getString("command_hash"),
        rs.getBytes("envelope"),
        topic == null
            ? null
            : new KafkaCoordinates(topic, rs.getInt("kafka_partition"), rs.getLong("kafka_offset")),
        InvoiceStatus.valueOf(rs.getString("status")),
        rs.getString("reason"),
        rs.getString("waiting_on"),
        Jdbc.instant(rs, "since"),
        Jdbc.instant(rs, "last_check"),
        rs.getString("voucher"),
        rs.getString("qad_status"),
        cleared,
        Jdbc.instant(rs, "posted_at"),
        WriteBack.valueOf(rs.getString("write_back")),
        rs.getString("write_back_error"),
        rs.getInt("write_back_attempts"),
        rs.getString("source_version"));
  }

  /** A command as stored on receipt. */
  public record NewInvoice(
      String tenant,
      String sysId,
      String invoiceNumber,
      String supplier,
      String invoiceReference,
      String action,
      String commandHash,
      byte[] envelope,
      KafkaCoordinates where,
      String sourceVersion) {}
}
