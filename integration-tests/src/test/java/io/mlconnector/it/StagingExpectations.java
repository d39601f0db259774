package io.mlconnector.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.sandbox.qad.QadEntity;
import io.mlconnector.sandbox.qad.QadTenant;
import io.mlconnector.sandbox.servicenow.ServiceNowInstance;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** What the ServiceNow staging tables must hold after a full sync of a QAD tenant. */
final class StagingExpectations {
  static final Map<QadEntity, String> TABLES = new LinkedHashMap<>();

  static {
    TABLES.put(QadEntity.SUPPLIER, "sn_fcms_intg_imp_supplier");
    TABLES.put(QadEntity.PURCHASE_ORDER, "sn_fcms_intg_imp_order");
    TABLES.put(QadEntity.PURCHASE_ORDER_LINE, "sn_fcms_intg_imp_order_line");
    TABLES.put(QadEntity.GOODS_RECEIPT, "sn_fcms_intg_imp_receipt");
    TABLES.put(QadEntity.COST_CENTER, "sn_fcms_intg_imp_cost_center");
    TABLES.put(QadEntity.GL_ACCOUNT, "sn_fcms_intg_gl_account_stage");
  }

  private StagingExpectations() {}

  /** True once every staging table holds as many rows as QAD has records. */
  static boolean complete(QadTenant qad, ServiceNowInstance sn) {
    return TABLES.entrySet().stream()
        .allMatch(e -> sn.rows().snapshot(e.getValue()).size() >= qad.table(e.getKey()).size());
  }

  /** Row counts per staging table, for messages. */
  static Map<String, String> progress(QadTenant qad, ServiceNowInstance sn) {
    Map<String, String> out = new LinkedHashMap<>();
    TABLES.forEach(
        (entity, table) ->
            out.put(table, sn.rows().snapshot(table).size() + "/" + qad.table(entity).size()));
    return out;
  }

  /** Exactly one staging row per QAD record: same count, no external id twice. */
  static void assertExactlyOnce(QadTenant qad, ServiceNowInstance sn) {
    TABLES.forEach(
        (entity, table) -> {
          List<Map<String, String>> rows = sn.rows().snapshot(table);
          Set<String> ids =
              rows.stream().map(r -> r.get("u_external_id")).collect(Collectors.toSet());
          assertThat(rows).as(table).hasSize(qad.table(entity).size());
          assertThat(ids).as(table + " external ids").hasSize(rows.size());
        });
  }
}
