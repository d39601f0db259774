package io.mlconnector.mapper.dimension;

import io.mlconnector.common.event.EntityType;

/** The accounting dimensions an invoice line carries, with their field names on both sides. */
public enum Dimension {
  COST_CENTER(EntityType.COST_CENTER, "cost_center", "cost center"),
  GL_ACCOUNT(EntityType.GL_ACCOUNT, "gl_account", "GL account"),
  SUB_ACCOUNT(EntityType.SUB_ACCOUNT, "sub_account", "sub-account"),
  PROJECT(EntityType.PROJECT, "project", "project");

  private final EntityType entity;
  private final String invoiceLineField;
  private final String label;

  Dimension(EntityType entity, String invoiceLineField, String label) {
    this.entity = entity;
    this.invoiceLineField = invoiceLineField;
    this.label = label;
  }

  public EntityType entity() {
    return entity;
  }

  /** Column of {@code sn_spend_intg_outbound_invoice_line} holding this dimension. */
  public String invoiceLineField() {
    return invoiceLineField;
  }

  /** How a person calls it, for park reasons. */
  public String label() {
    return label;
  }

  /** Wire name used in tables and the REST API, e.g. {@code cost-center}. */
  public String wireName() {
    return entity.wireName();
  }

  public static Dimension fromWireName(String name) {
    for (Dimension d : values()) {
      if (d.wireName().equals(name)) {
        return d;
      }
    }
    throw new IllegalArgumentException(
        "unknown dimension '" + name + "' (cost-center, gl-account, sub-account, project)");
  }
}
