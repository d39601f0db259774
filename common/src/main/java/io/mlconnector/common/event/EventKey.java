package io.mlconnector.common.event;

/**
 * The Kafka key rule: {@code tenant|family|business key}. Everything that must stay in order shares
 * a key; a purchase order, its lines and its receipts all use the PO number, so they land on one
 * partition in publication order.
 */
public final class EventKey {
  private EventKey() {}

  /**
   * @param businessKey for the {@code po} family the PO number; otherwise the record's own key
   */
  public static String of(String tenant, EntityType entity, String businessKey) {
    TenantId.requireValid(tenant);
    if (businessKey == null || businessKey.isEmpty()) {
      throw new IllegalArgumentException("business key must not be empty for " + entity);
    }
    return tenant + "|" + entity.family() + "|" + businessKey;
  }

  /** The tenant part of a key produced by {@link #of}. */
  public static String tenantOf(String key) {
    int bar = key.indexOf('|');
    if (bar <= 0) {
      throw new IllegalArgumentException("not an ml-connector key: " + key);
    }
    return key.substring(0, bar);
  }
}
