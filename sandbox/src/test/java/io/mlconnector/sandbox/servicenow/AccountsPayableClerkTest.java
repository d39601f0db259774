package io.mlconnector.sandbox.servicenow;

import static io.mlconnector.sandbox.servicenow.SnHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.sandbox.servicenow.clerk.InvoiceLine;
import io.mlconnector.sandbox.servicenow.clerk.SupplierInvoice;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountsPayableClerkTest extends SimulatorFixture {
  private static final String OUTBOUND = "/api/now/table/sn_spend_intg_outbound_invoice";

  @Test
  void approvedInvoiceAppearsInTheOutboundTablesAsNew() {
    SupplierInvoice invoice =
        new SupplierInvoice(
            "SUP-1",
            "Acme Parts",
            "INV-1",
            "REF-1",
            LocalDate.of(2024, 4, 30),
            null,
            "EUR",
            "LE1",
            new BigDecimal("2.10"),
            List.of(
                new InvoiceLine(
                    "PO-7",
                    1,
                    "bolts",
                    new BigDecimal("3"),
                    new BigDecimal("4.00"),
                    "CC10",
                    "6000",
                    "",
                    "")));
    String sysId = acme.apClerk().approveInvoice(invoice);

    JsonNode header =
        json(integration.get(OUTBOUND + "?sysparm_query=integration_status%3DNew")).path("result");
    assertThat(header.size()).isEqualTo(1);
    assertThat(header.get(0).path("sys_id").asText()).isEqualTo(sysId);
    assertThat(header.get(0).path("total_amount").asText()).isEqualTo("14.10");
    JsonNode line =
        json(integration.get(OUTBOUND + "_line?sysparm_exclude_reference_link=true"))
            .path("result")
            .get(0);
    assertThat(line.path("invoice").asText()).isEqualTo(sysId);
    assertThat(line.path("amount").asText()).isEqualTo("12.00");
    assertThat(line.path("po_number").asText()).isEqualTo("PO-7");
  }

  @Test
  void connectorWriteBackMarksTheInvoiceProcessed() {
    String sysId =
        json(SnHttp.anonymous(simulator.baseUri() + "/sn-admin/acme")
                .post(
                    "/invoices",
                    "{\"supplier_code\":\"SUP-1\",\"invoice_number\":\"INV-2\",\"invoice_date\":\"2024-04-30\","
                        + "\"currency\":\"USD\",\"lines\":[{\"po_number\":\"PO-1\",\"po_line\":1,\"quantity\":\"2\","
                        + "\"unit_price\":\"5\",\"cost_center\":\"CC10\",\"gl_account\":\"6000\"}]}"))
            .path("sys_id")
            .asText();

    integration.send(
        "PATCH",
        OUTBOUND + "/" + sysId,
        "{\"integration_status\":\"Processed\",\"erp_number\":\"QAD-99\",\"erp_posting_date\":\"2024-05-01\"}");

    assertThat(acme.get("sn_spend_intg_outbound_invoice", sysId))
        .containsEntry("integration_status", "Processed")
        .containsEntry("erp_number", "QAD-99");
    assertThat(acme.list("sn_spend_intg_outbound_invoice_line")).hasSize(1);
  }

  @Test
  void masterDataIsSeededOnceFromCodeLists() {
    SnHttp admin = SnHttp.anonymous(simulator.baseUri() + "/sn-admin/acme");
    admin.post("/master-data/cost-centers", "{\"codes\":[\"CC10\",\"CC20\"]}");
    admin.post("/master-data/cost-centers", "{\"codes\":[\"CC20\",\"CC30\"]}");
    acme.apClerk().seedGlAccounts(List.of("6000", "6100"));

    assertThat(acme.list("cmn_cost_center"))
        .extracting(r -> r.get("code"))
        .containsExactly("CC10", "CC20", "CC30");
    assertThat(json(integration.get("/api/now/table/sn_fin_gl_account")).path("result").size())
        .isEqualTo(2);
  }
}
