package io.mlconnector.writer.qad.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.qadclient.QadClient;
import io.mlconnector.qadclient.invoice.SupplierInvoiceResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * The QAD calls of posting. QAD only warns about a duplicate (supplier, invoice reference), so the
 * writer looks for one itself before every post and adopts it instead of creating a second.
 */
@ApplicationScoped
public class InvoicePosting {
  /** An invoice QAD holds: its voucher, its match status, and whether it existed already. */
  public record Voucher(String number, String qadStatus, boolean adopted) {}

  private final PostingFaultHook faultHook;

  public InvoicePosting(PostingFaultHook faultHook) {
    this.faultHook = faultHook;
  }

  /** The invoice QAD already has for this supplier and reference (the oldest, if several). */
  public Optional<Voucher> existing(QadClient qad, InvoiceCommand command) {
    List<JsonNode> found = qad.findSupplierInvoices(command.supplier(), command.invoiceReference());
    return found.stream()
        .filter(i -> !i.path("voucher").asText("").isBlank())
        .findFirst()
        .map(i -> new Voucher(i.path("voucher").asText(), i.path("status").asText(null), true));
  }

  /**
   * Creates the invoice in QAD.
   *
   * @throws io.mlconnector.qadclient.QadRejectedException QAD refused it (nothing saved)
   * @throws io.mlconnector.qadclient.QadException QAD unavailable: try again later (look up first)
   */
  public Voucher create(String tenant, QadClient qad, InvoiceCommand command) {
    SupplierInvoiceResult saved = qad.createSupplierInvoice(command.supplierInvoice());
    faultHook.afterQadAccepted(tenant, command.sysId(), saved.voucher());
    return new Voucher(saved.voucher(), saved.status(), false);
  }
}
