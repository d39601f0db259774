package io.mlconnector.common.event;

import java.util.List;

/**
 * Topic names, shared by all tenants (the tenant is in the key and the envelope). Source topics are
 * per ordering family, not per entity: Kafka orders only within one topic partition, so a PO, its
 * lines and its receipts must share a topic for the shared key to keep them in order.
 */
public final class Topics {
  public static final String QAD_SUPPLIER_CHANGED = "qad.supplier.changed";
  public static final String QAD_PO_CHANGED = "qad.po.changed";
  public static final String QAD_DIMENSION_CHANGED = "qad.dimension.changed";
  public static final String SN_INVOICE_CHANGED = "sn.invoice.changed";
  public static final String SN_DIMENSION_CHANGED = "sn.dimension.changed";

  /** mapper → writer: staging-table upserts for ServiceNow. */
  public static final String SN_UPSERT = "sn.upsert";

  /** mapper → writer: supplier invoices to post into QAD. */
  public static final String QAD_INVOICE_POST = "qad.invoice.post";

  /** Records that could not be mapped or written, with a reason a person can act on. */
  public static final String PARKED = "mlc.parked";

  /** Events that could not even be read (malformed envelope). */
  public static final String DLQ = "mlc.dlq";

  public static final List<String> ALL =
      List.of(
          QAD_SUPPLIER_CHANGED,
          QAD_PO_CHANGED,
          QAD_DIMENSION_CHANGED,
          SN_INVOICE_CHANGED,
          SN_DIMENSION_CHANGED,
          SN_UPSERT,
          QAD_INVOICE_POST,
          PARKED,
          DLQ);

  private Topics() {}

  /** The change topic a source entity is published on. */
  public static String changed(SourceSystem system, EntityType entity) {
    String prefix =
        switch (system) {
          case QAD -> "qad.";
          case SERVICENOW -> "sn.";
          case CONNECTOR -> throw new IllegalArgumentException("connector events are commands");
        };
    return prefix + entity.family() + ".changed";
  }
}
