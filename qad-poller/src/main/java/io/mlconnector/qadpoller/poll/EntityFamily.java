package io.mlconnector.qadpoller.poll;

import io.mlconnector.common.event.EntityType;
import io.mlconnector.qadpoller.config.QadPollerConfig;
import java.time.Duration;
import java.util.List;

/**
 * Entities polled together on one cadence. Order matters within a family: PO headers are polled
 * before their lines, so a consumer meets a header before the lines that refer to it.
 */
public enum EntityFamily {
  SUPPLIERS("qad.suppliers", List.of(EntityType.SUPPLIER)),
  PURCHASE_ORDERS(
      "qad.purchase-orders", List.of(EntityType.PURCHASE_ORDER, EntityType.PURCHASE_ORDER_LINE)),
  RECEIPTS("qad.receipts", List.of(EntityType.GOODS_RECEIPT)),
  DIMENSIONS(
      "qad.dimensions",
      List.of(
          EntityType.GL_ACCOUNT,
          EntityType.COST_CENTER,
          EntityType.SUB_ACCOUNT,
          EntityType.PROJECT));

  private final String scheduleKey;
  private final List<EntityType> entities;

  EntityFamily(String scheduleKey, List<EntityType> entities) {
    this.scheduleKey = scheduleKey;
    this.entities = entities;
  }

  /** The key a tenant's {@code schedules} may override, e.g. {@code qad.receipts}. */
  public String scheduleKey() {
    return scheduleKey;
  }

  public List<EntityType> entities() {
    return entities;
  }

  /** The deployment's default cadence for this family. */
  public Duration defaultCadence(QadPollerConfig.Schedule s) {
    return switch (this) {
      case SUPPLIERS -> s.suppliers();
      case PURCHASE_ORDERS -> s.purchaseOrders();
      case RECEIPTS -> s.receipts();
      case DIMENSIONS -> s.dimensions();
    };
  }
}
