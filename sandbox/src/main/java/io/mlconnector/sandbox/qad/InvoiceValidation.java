package io.mlconnector.sandbox.qad;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks that everything an invoice refers to exists: supplier, currency, PO lines of that
 * supplier, and active GL account, cost center, sub-account and project. Any failure rejects the
 * invoice; a supplier on hold only warns (payment is blocked later, not the invoice).
 */
final class InvoiceValidation {
  private final QadDatabase db;
  private final List<SubmitMessage> errors = new ArrayList<>();
  private final List<SubmitMessage> warnings = new ArrayList<>();

  InvoiceValidation(QadDatabase db) {
    this.db = db;
  }

  List<SubmitMessage> validate(SupplierInvoiceRequest request) {
    require("supplier", request.supplier());
    require("invoiceReference", request.invoiceReference());
    require("invoiceDate", request.invoiceDate());
    require("currency", request.currency());
    if (request.lines().isEmpty()) {
      error("lines", "An invoice needs at least one line", null, "MISSING_FIELD");
    }
    if (!errors.isEmpty()) {
      return errors;
    }
    Optional<QadRow> supplier = db.table(QadEntity.SUPPLIER).find(request.supplier());
    if (supplier.isEmpty()) {
      error("supplier", "Supplier does not exist", request.supplier(), "UNKNOWN_SUPPLIER");
      return errors;
    }
    if (Boolean.TRUE.equals(supplier.get().get("vd_hold"))) {
      warnings.add(
          new SubmitMessage(
              "supplier", "Supplier is on payment hold", request.supplier(), "SUPPLIER_ON_HOLD"));
    }
    if (!request.currency().equals(supplier.get().text("vd_curr"))) {
      error(
          "currency",
          "Currency differs from the supplier's " + supplier.get().text("vd_curr"),
          request.currency(),
          "CURRENCY_MISMATCH");
    }
    for (int i = 0; i < request.lines().size(); i++) {
      validateLine("lines[" + i + "].", request.lines().get(i), request.supplier());
    }
    return errors;
  }

  List<SubmitMessage> warnings() {
    return warnings;
  }

  private void validateLine(String prefix, SupplierInvoiceRequest.Line line, String supplier) {
    if (line.poNumber() == null || line.poLine() == null) {
      error(prefix + "poNumber", "PO number and PO line are required", null, "MISSING_FIELD");
      return;
    }
    if (line.quantity() == null || line.quantity().signum() <= 0) {
      error(prefix + "quantity", "Quantity must be positive", line.quantity(), "INVALID_AMOUNT");
    }
    if (line.unitPrice() == null || line.unitPrice().signum() < 0) {
      error(
          prefix + "unitPrice",
          "Unit price must not be negative",
          line.unitPrice(),
          "INVALID_AMOUNT");
    }
    Optional<QadRow> poLine =
        db.table(QadEntity.PURCHASE_ORDER_LINE).find(line.poNumber(), line.poLine());
    if (poLine.isEmpty()) {
      error(
          prefix + "poLine",
          "PO line does not exist",
          line.poNumber() + "/" + line.poLine(),
          "UNKNOWN_PO_LINE");
      return;
    }
    String poSupplier =
        db.table(QadEntity.PURCHASE_ORDER)
            .find(line.poNumber())
            .map(po -> po.text("po_vend"))
            .orElse(null);
    if (!supplier.equals(poSupplier)) {
      error(
          prefix + "poNumber",
          "PO belongs to supplier " + poSupplier,
          line.poNumber(),
          "PO_SUPPLIER_MISMATCH");
    }
    String gl = SupplierInvoiceDesk.orDefault(line.glAccount(), poLine.get().text("pod_acct"));
    String cc = SupplierInvoiceDesk.orDefault(line.costCenter(), poLine.get().text("pod_cc"));
    String sub = SupplierInvoiceDesk.orDefault(line.subAccount(), poLine.get().text("pod_sub"));
    String project =
        SupplierInvoiceDesk.orDefault(line.project(), poLine.get().text("pod_project"));
    checkActive(prefix + "glAccount", QadEntity.GL_ACCOUNT, gl, "ac_active", "INVALID_GL_ACCOUNT");
    checkActive(
        prefix + "costCenter", QadEntity.COST_CENTER, cc, "cc_active", "INVALID_COST_CENTER");
    checkActive(
        prefix + "subAccount", QadEntity.SUB_ACCOUNT, sub, "sb_active", "INVALID_SUB_ACCOUNT");
    if (project != null && !project.isBlank()) {
      checkActive(prefix + "project", QadEntity.PROJECT, project, "pj_active", "INVALID_PROJECT");
    }
  }

  /** Blank cost center or sub-account means "none" in QAD and is allowed. */
  private void checkActive(
      String field, QadEntity entity, String code, String activeField, String errorCode) {
    if (code == null || code.isBlank()) {
      if (entity == QadEntity.GL_ACCOUNT) {
        error(field, "GL account is required", code, errorCode);
      }
      return;
    }
    Optional<QadRow> row = db.table(entity).find(code);
    if (row.isEmpty()) {
      error(field, entity.table() + " code does not exist", code, errorCode);
    } else if (!Boolean.TRUE.equals(row.get().get(activeField))) {
      error(field, entity.table() + " code is inactive", code, errorCode);
    }
  }

  private void require(String field, Object value) {
    if (value == null || value.toString().isBlank()) {
      error(field, field + " is required", null, "MISSING_FIELD");
    }
  }

  private void error(String field, String message, Object value, String code) {
    errors.add(new SubmitMessage(field, message, value, code));
  }
}
