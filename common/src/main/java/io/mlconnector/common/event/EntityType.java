package io.mlconnector.common.event;

import java.util.Arrays;

/**
 * Every business entity that travels through the connector, with the ordering family it belongs to.
 * Entities of one family share a Kafka key (and topic), so a purchase order, its lines and its
 * receipts stay in order.
 */
public enum EntityType {
  SUPPLIER("supplier", "supplier"),
  PURCHASE_ORDER("purchase-order", "po"),
  PURCHASE_ORDER_LINE("purchase-order-line", "po"),
  GOODS_RECEIPT("goods-receipt", "po"),
  GL_ACCOUNT("gl-account", "dimension"),
  COST_CENTER("cost-center", "dimension"),
  SUB_ACCOUNT("sub-account", "dimension"),
  PROJECT("project", "dimension"),
  SUPPLIER_INVOICE("supplier-invoice", "invoice");

  private final String wireName;
  private final String family;

  EntityType(String wireName, String family) {
    this.wireName = wireName;
    this.family = family;
  }

  /** Name used in JSON and logs, e.g. {@code purchase-order-line}. */
  public String wireName() {
    return wireName;
  }

  /** Ordering family, e.g. {@code po}; the middle part of the Kafka key. */
  public String family() {
    return family;
  }

  /** Resolves a wire name; unknown names fail with the list of valid ones. */
  public static EntityType fromWireName(String name) {
    for (EntityType type : values()) {
      if (type.wireName.equals(name)) {
        return type;
      }
    }
    throw new IllegalArgumentException(
        "unknown entity '"
            + name
            + "'; expected one of "
            + Arrays.stream(values()).map(EntityType::wireName).toList());
  }
}
