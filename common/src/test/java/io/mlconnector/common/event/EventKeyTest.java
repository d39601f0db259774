package io.mlconnector.common.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EventKeyTest {
  @Test
  void poLinesAndReceiptsShareTheirPurchaseOrdersKeyAndTopic() {
    String po = EventKey.of("acme", EntityType.PURCHASE_ORDER, "PO1001");
    assertThat(EventKey.of("acme", EntityType.PURCHASE_ORDER_LINE, "PO1001")).isEqualTo(po);
    assertThat(EventKey.of("acme", EntityType.GOODS_RECEIPT, "PO1001")).isEqualTo(po);
    assertThat(po).isEqualTo("acme|po|PO1001");
    assertThat(Topics.changed(SourceSystem.QAD, EntityType.GOODS_RECEIPT))
        .isEqualTo(Topics.changed(SourceSystem.QAD, EntityType.PURCHASE_ORDER))
        .isEqualTo(Topics.QAD_PO_CHANGED);
  }

  @Test
  void everyChangeTopicIsADeclaredTopic() {
    for (EntityType type : EntityType.values()) {
      if (type != EntityType.SUPPLIER_INVOICE) {
        assertThat(Topics.ALL).contains(Topics.changed(SourceSystem.QAD, type));
      }
    }
    assertThat(Topics.changed(SourceSystem.SERVICENOW, EntityType.SUPPLIER_INVOICE))
        .isEqualTo(Topics.SN_INVOICE_CHANGED);
    assertThat(Topics.changed(SourceSystem.SERVICENOW, EntityType.COST_CENTER))
        .isEqualTo(Topics.SN_DIMENSION_CHANGED);
  }

  @Test
  void tenantIsRecoveredAndValidated() {
    assertThat(EventKey.tenantOf("globex-eu|supplier|V100")).isEqualTo("globex-eu");
    assertThatThrownBy(() -> EventKey.of("Acme", EntityType.SUPPLIER, "V1"))
        .hasMessageContaining("tenant id 'Acme' is invalid");
    assertThatThrownBy(() -> EventKey.of("acme", EntityType.SUPPLIER, ""))
        .hasMessageContaining("business key must not be empty");
  }
}
