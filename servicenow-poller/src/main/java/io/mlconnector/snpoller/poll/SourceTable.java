package io.mlconnector.snpoller.poll;

import io.mlconnector.common.event.EntityType;
import io.mlconnector.snpoller.config.ServiceNowPollerConfig;
import java.util.Arrays;
import java.util.List;

/**
 * A ServiceNow table read with its own keyset cursor, and the entity its events carry. Invoice
 * lines have a cursor of their own but no events: a changed line re-publishes its invoice.
 */
public enum SourceTable {
  INVOICE("supplier-invoice", EntityType.SUPPLIER_INVOICE),
  INVOICE_LINE("supplier-invoice-line", EntityType.SUPPLIER_INVOICE),
  COST_CENTER("cost-center", EntityType.COST_CENTER),
  GL_ACCOUNT("gl-account", EntityType.GL_ACCOUNT);

  private final String cursorName;
  private final EntityType publishedAs;

  SourceTable(String cursorName, EntityType publishedAs) {
    this.cursorName = cursorName;
    this.publishedAs = publishedAs;
  }

  /** The name of its cursor and of its entry in run reports, e.g. {@code supplier-invoice-line}. */
  public String cursorName() {
    return cursorName;
  }

  /** The entity of the events a change in this table leads to. */
  public EntityType publishedAs() {
    return publishedAs;
  }

  /** The cursor names of every table whose reads publish the same entity as this one. */
  public List<String> cursorsOfItsEntity() {
    return Arrays.stream(values())
        .filter(t -> t.publishedAs == publishedAs)
        .map(SourceTable::cursorName)
        .toList();
  }

  /** The configured ServiceNow table name. */
  public String tableName(ServiceNowPollerConfig.Tables tables) {
    return switch (this) {
      case INVOICE -> tables.invoice();
      case INVOICE_LINE -> tables.invoiceLine();
      case COST_CENTER -> tables.costCenter();
      case GL_ACCOUNT -> tables.glAccount();
    };
  }
}
