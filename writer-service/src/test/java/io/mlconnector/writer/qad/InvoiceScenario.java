package io.mlconnector.writer.qad;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.common.event.EntityType;
import io.mlconnector.common.event.EnvelopeCodec;
import io.mlconnector.common.event.EventEnvelope;
import io.mlconnector.common.event.EventKey;
import io.mlconnector.common.event.SourceSystem;
import io.mlconnector.common.event.Topics;
import io.mlconnector.common.tenant.Secret;
import io.mlconnector.common.tenant.Tenant;
import io.mlconnector.sandbox.qad.NewPurchaseOrder;
import io.mlconnector.sandbox.qad.QadEntity;
import io.mlconnector.sandbox.qad.QadRow;
import io.mlconnector.sandbox.qad.QadTenant;
import io.mlconnector.sandbox.qad.QadTenantConfig;
import io.mlconnector.sandbox.qad.SupplierInvoice;
import io.mlconnector.sandbox.seed.GlAccount;
import io.mlconnector.sandbox.seed.SeedData;
import io.mlconnector.sandbox.seed.Supplier;
import io.mlconnector.sandbox.servicenow.ServiceNowInstance;
import io.mlconnector.sandbox.servicenow.clerk.AccountsPayableClerk;
import io.mlconnector.sandbox.servicenow.clerk.InvoiceLine;
import io.mlconnector.stack.SharedStack;
import io.mlconnector.stack.TopicProbe;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One test's tenant: a QAD tenant with small seed data and one fresh PO line, a ServiceNow instance
 * where the AP clerk approves invoices, and commands and receipt events as mapper and poller send.
 */
final class InvoiceScenario {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SeedData SEED = SeedData.generate(7, 1);
  static final String INACTIVE_COST_CENTER =
      SEED.costCenters().get(SEED.costCenters().size() - 1).code();

  final String tenant = "q" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  final QadTenant qad;
  final ServiceNowInstance sn;
  final Supplier supplier = SEED.suppliers().stream().filter(s -> !s.onHold()).findFirst().get();
  final String po;
  private final TopicProbe topics = new TopicProbe(SharedStack.endpoints());

  InvoiceScenario() throws Exception {
    qad = QadWriterTestStack.qad().addTenant(QadTenantConfig.defaults(tenant)).loadSeed(SEED);
    sn =
        QadWriterTestStack.servicenow()
            .addInstance(tenant)
            .addUser("svc.integration", "pw", "sn_spend_intg_procurement_integrator")
            .addOAuthClient("mlc", "secret", "svc.integration")
            .enableClientCredentialsGrant();
    GlAccount expense =
        SEED.glAccounts().stream()
            .filter(a -> a.active() && "E".equals(a.type()))
            .findFirst()
            .get();
    po =
        qad.purchasing()
            .create(
                new NewPurchaseOrder(
                    null,
                    supplier.code(),
                    null,
                    null,
                    null,
                    List.of(
                        new NewPurchaseOrder.Line(
                            "PART-1",
                            "Bolts",
                            new BigDecimal("100"),
                            new BigDecimal("18.40"),
                            null,
                            expense.code(),
                            null,
                            SEED.costCenters().get(0).code(),
                            null,
                            null))));
    QadWriterTestStack.fixtures()
        .put(
            new Tenant(
                tenant,
                tenant,
                true,
                new Tenant.Qad(
                    QadWriterTestStack.qad().tenantUrl(tenant),
                    "10USA_10USACO",
                    "mlc-connector",
                    "mlc.integration",
                    new Secret("sandbox-" + tenant)),
                new Tenant.ServiceNow(
                    URI.create(QadWriterTestStack.servicenow().instanceUrl(tenant)),
                    "mlc",
                    new Secret("secret"),
                    false),
                Map.of(),
                Map.of(),
                true,
                false));
  }

  /** The AP clerk approves an invoice for {@code quantity} of PO line 1; returns its sys_id. */
  String approve(String reference, int quantity, String costCenter) {
    return sn.apClerk()
        .approveInvoice(
            new io.mlconnector.sandbox.servicenow.clerk.SupplierInvoice(
                supplier.code(),
                supplier.name(),
                "INV-" + reference,
                reference,
                LocalDate.parse("2025-02-01"),
                null,
                supplier.currency(),
                "10USA",
                BigDecimal.ZERO,
                List.of(
                    new InvoiceLine(
                        po,
                        1,
                        "Bolts",
                        BigDecimal.valueOf(quantity),
                        new BigDecimal("18.40"),
                        costCenter,
                        "",
                        "",
                        ""))));
  }

  /** The mapper's post command for the approved invoice, as it would map it. */
  void sendPost(String sysId, String reference, int quantity, String costCenter) throws Exception {
    sendPost(sysId, reference, quantity, costCenter, "v1");
  }

  /** The post command at a source version ({@code sys_updated_on#hash} as the poller sends it). */
  void sendPost(String sysId, String reference, int quantity, String costCenter, String version)
      throws Exception {
    send(postCommand(sysId, reference, quantity, costCenter, version));
  }

  EventEnvelope postCommand(
      String sysId, String reference, int quantity, String costCenter, String version) {
    ObjectNode payload = JSON.createObjectNode();
    payload
        .put("action", "post")
        .put("servicenowSysId", sysId)
        .put("invoiceNumber", "INV-" + reference);
    ObjectNode invoice = payload.putObject("supplierInvoice");
    invoice
        .put("supplier", supplier.code())
        .put("invoiceReference", reference)
        .put("invoiceDate", "2025-02-01")
        .put("currency", supplier.currency());
    invoice
        .putArray("lines")
        .addObject()
        .put("poNumber", po)
        .put("poLine", 1)
        .put("quantity", BigDecimal.valueOf(quantity))
        .put("unitPrice", new BigDecimal("18.40"))
        .put("costCenter", costCenter)
        .put("glAccount", "")
        .put("subAccount", "")
        .put("project", "");
    return command(sysId, payload, version);
  }

  void sendReject(String sysId, String reason) throws Exception {
    ObjectNode payload = JSON.createObjectNode();
    payload.put("action", "reject").put("servicenowSysId", sysId).put("invoiceNumber", "INV-R");
    payload.put("reason", reason);
    send(command(sysId, payload, "v1"));
  }

  private EventEnvelope command(String sysId, ObjectNode payload, String version) {
    return EventEnvelope.create(
        tenant,
        EntityType.SUPPLIER_INVOICE,
        SourceSystem.CONNECTOR,
        sysId,
        version,
        Instant.now(),
        payload);
  }

  void send(EventEnvelope command) throws Exception {
    topics.send(
        Topics.QAD_INVOICE_POST,
        EventKey.of(tenant, EntityType.SUPPLIER_INVOICE, command.sourceId()),
        EnvelopeCodec.write(command));
  }

  /** The receiver posts a receipt of {@code quantity} on PO line 1 in QAD. */
  void receive(int quantity) {
    qad.receiving().receive(po, Map.of(1, BigDecimal.valueOf(quantity)));
  }

  /** Publishes the PO's goods receipts as the qad-poller would. */
  void publishReceiptEvents() throws Exception {
    for (QadRow r : qad.table(QadEntity.GOODS_RECEIPT).select(r -> po.equals(r.text("prh_nbr")))) {
      ObjectNode row = JSON.createObjectNode();
      row.put("prh_receiver", r.text("prh_receiver"))
          .put("prh_nbr", po)
          .put("prh_line", (Integer) r.get("prh_line"))
          .put("prh_rcvd", (BigDecimal) r.get("prh_rcvd"))
          .put("prh_rcp_date", String.valueOf(r.get("prh_rcp_date")))
          .put("mod_date", r.modified().toString());
      EventEnvelope event =
          EventEnvelope.create(
              tenant,
              EntityType.GOODS_RECEIPT,
              SourceSystem.QAD,
              r.text("prh_receiver") + "|1",
              r.modified().toString(),
              r.modified(),
              row);
      topics.send(
          Topics.QAD_PO_CHANGED,
          EventKey.of(tenant, EntityType.GOODS_RECEIPT, po),
          EnvelopeCodec.write(event));
    }
  }

  List<SupplierInvoice> qadInvoices(String reference) {
    return qad.invoices().find(supplier.code(), reference);
  }

  Map<String, String> outbound(String sysId) {
    return sn.get(AccountsPayableClerk.OUTBOUND_INVOICE, sysId);
  }
}
