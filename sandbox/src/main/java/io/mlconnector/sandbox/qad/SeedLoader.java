package io.mlconnector.sandbox.qad;

import io.mlconnector.sandbox.seed.CostCenter;
import io.mlconnector.sandbox.seed.GlAccount;
import io.mlconnector.sandbox.seed.GoodsReceipt;
import io.mlconnector.sandbox.seed.Project;
import io.mlconnector.sandbox.seed.PurchaseOrder;
import io.mlconnector.sandbox.seed.PurchaseOrderLine;
import io.mlconnector.sandbox.seed.SeedData;
import io.mlconnector.sandbox.seed.SubAccount;
import io.mlconnector.sandbox.seed.Supplier;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/** Translates the seed's business records into QAD table rows, keeping their modified times. */
final class SeedLoader {
  private SeedLoader() {}

  static void load(SeedData seed, QadDatabase db) {
    seed.suppliers().forEach(s -> put(db, QadEntity.SUPPLIER, supplier(s), s.modified()));
    seed.glAccounts().forEach(a -> put(db, QadEntity.GL_ACCOUNT, glAccount(a), a.modified()));
    seed.costCenters().forEach(c -> put(db, QadEntity.COST_CENTER, costCenter(c), c.modified()));
    seed.subAccounts().forEach(s -> put(db, QadEntity.SUB_ACCOUNT, subAccount(s), s.modified()));
    seed.projects().forEach(p -> put(db, QadEntity.PROJECT, project(p), p.modified()));
    seed.purchaseOrders().forEach(po -> loadPurchaseOrder(po, db, true));
  }

  /** Loads a PO, its lines and (when asked) its receipts, each with its own modified time. */
  static void loadPurchaseOrder(PurchaseOrder po, QadDatabase db, boolean withReceipts) {
    put(db, QadEntity.PURCHASE_ORDER, header(po), po.modified());
    po.lines().forEach(l -> put(db, QadEntity.PURCHASE_ORDER_LINE, line(l), l.modified()));
    if (withReceipts) {
      po.receipts().forEach(r -> put(db, QadEntity.GOODS_RECEIPT, receipt(r), r.modified()));
    }
  }

  private static void put(
      QadDatabase db, QadEntity entity, Map<String, Object> fields, java.time.Instant modified) {
    db.table(entity).put(QadRow.of(entity, fields, modified));
  }

  static Map<String, Object> supplier(Supplier s) {
    Map<String, Object> f = new HashMap<>();
    f.put("vd_addr", s.code());
    f.put("vd_sort", s.name());
    f.put("vd_curr", s.currency());
    f.put("vd_cr_terms", s.creditTerms());
    f.put("vd_ap_acct", s.apAccount());
    f.put("vd_ap_sub", s.apSubAccount());
    f.put("vd_ap_cc", s.apCostCenter());
    f.put("vd_hold", s.onHold());
    f.put("vd_mod_date", LocalDate.ofInstant(s.modified(), ZoneOffset.UTC));
    return f;
  }

  static Map<String, Object> header(PurchaseOrder po) {
    Map<String, Object> f = new HashMap<>();
    f.put("po_nbr", po.number());
    f.put("po_vend", po.supplier());
    f.put("po_ord_date", po.orderDate());
    f.put("po_curr", po.currency());
    f.put("po_stat", po.status());
    f.put("po_site", po.site());
    f.put("po_buyer", po.buyer());
    f.put("po_project", po.project());
    return f;
  }

  static Map<String, Object> line(PurchaseOrderLine l) {
    Map<String, Object> f = new HashMap<>();
    f.put("pod_nbr", l.poNumber());
    f.put("pod_line", l.line());
    f.put("pod_part", l.part());
    f.put("pod_desc", l.description());
    f.put("pod_qty_ord", l.quantityOrdered());
    f.put("pod_qty_rcvd", l.quantityReceived());
    f.put("pod_pur_cost", l.unitCost());
    f.put("pod_um", l.unitOfMeasure());
    f.put("pod_site", l.site());
    f.put("pod_acct", l.glAccount());
    f.put("pod_sub", l.subAccount());
    f.put("pod_cc", l.costCenter());
    f.put("pod_project", l.project());
    f.put("pod_status", l.status());
    f.put("pod_due_date", l.dueDate());
    return f;
  }

  static Map<String, Object> receipt(GoodsReceipt r) {
    Map<String, Object> f = new HashMap<>();
    f.put("prh_receiver", r.receiver());
    f.put("prh_nbr", r.poNumber());
    f.put("prh_line", r.line());
    f.put("prh_part", r.part());
    f.put("prh_rcvd", r.quantity());
    f.put("prh_rcp_date", r.receiptDate());
    f.put("prh_pur_cost", r.unitCost());
    f.put("prh_vend", r.supplier());
    f.put("prh_site", r.site());
    f.put("prh_um", r.unitOfMeasure());
    f.put("prh_curr", r.currency());
    return f;
  }

  private static Map<String, Object> master(String key, String code, String desc, boolean active) {
    String prefix = key.substring(0, key.indexOf('_') + 1);
    Map<String, Object> f = new HashMap<>();
    f.put(key, code);
    f.put(prefix + "desc", desc);
    f.put(prefix + "active", active);
    return f;
  }

  static Map<String, Object> glAccount(GlAccount a) {
    Map<String, Object> f = master("ac_code", a.code(), a.description(), a.active());
    f.put("ac_type", a.type());
    f.put("ac_curr", a.currency());
    return f;
  }

  static Map<String, Object> costCenter(CostCenter c) {
    return master("cc_ctr", c.code(), c.description(), c.active());
  }

  static Map<String, Object> subAccount(SubAccount s) {
    return master("sb_sub", s.code(), s.description(), s.active());
  }

  static Map<String, Object> project(Project p) {
    return master("pj_project", p.code(), p.description(), p.active());
  }
}
