package io.mlconnector.console.ping.servicenow;

import java.util.List;

/**
 * A ServiceNow table the connector's flows use, how the ping probes it, and the role the reference
 * names for it (shared/reference/servicenow-api.md, sandbox servicenow-tables.json).
 *
 * @param write how write permission is proven, matching how the fleet writes the table
 * @param expectRows the table holds master data on any live instance, so an empty read most likely
 *     means a missing role (ServiceNow answers an empty list rather than 403)
 * @param markerColumn the column a no-change PATCH sends back (its own current value)
 */
public record ProbedTable(
    String table, String role, WriteProbe write, boolean expectRows, String markerColumn) {

  /** How the ping checks that the account may write. */
  public enum WriteProbe {
    /** Not written by the connector: read only. */
    NONE,
    /** Staging (import set) table: no-change PATCH of a visible row, else POST + DELETE. */
    INSERT,
    /** Outbound table whose status the writer updates: no-change PATCH of a visible row. */
    UPDATE
  }

  static final String STAGING_ROLE = "sn_fcms_intg.integration_user";
  static final String OUTBOUND_ROLE = "sn_spend_intg_procurement_integrator";
  static final String MASTER_DATA_ROLE = "sn_ap_apm.accounts_payable_specialist";

  /** Every table of every flow, in the order the report lists them. */
  public static final List<ProbedTable> ALL =
      List.of(
          staging("sn_fcms_intg_imp_supplier"),
          staging("sn_fcms_intg_imp_order"),
          staging("sn_fcms_intg_imp_order_line"),
          staging("sn_fcms_intg_imp_receipt"),
          staging("sn_fcms_intg_imp_cost_center"),
          staging("sn_fcms_intg_gl_account_stage"),
          new ProbedTable(
              "sn_spend_intg_outbound_invoice",
              OUTBOUND_ROLE,
              WriteProbe.UPDATE,
              false,
              "integration_status"),
          new ProbedTable(
              "sn_spend_intg_outbound_invoice_line", OUTBOUND_ROLE, WriteProbe.NONE, false, null),
          new ProbedTable("cmn_cost_center", MASTER_DATA_ROLE, WriteProbe.NONE, true, null),
          new ProbedTable("sn_fin_gl_account", MASTER_DATA_ROLE, WriteProbe.NONE, true, null));

  private static ProbedTable staging(String table) {
    return new ProbedTable(table, STAGING_ROLE, WriteProbe.INSERT, false, "u_external_id");
  }

  /** The role as operators should read it in a fix. */
  public String roleAdvice() {
    return role.equals(MASTER_DATA_ROLE)
        ? "role " + MASTER_DATA_ROLE + " (or " + STAGING_ROLE + ", or admin)"
        : "role " + role;
  }
}
