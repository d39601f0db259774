package io.mlconnector.writer.qad.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.qadclient.QadClient;
import io.mlconnector.qadclient.QadOutcomeUnknownException;
import io.mlconnector.qadclient.invoice.SupplierInvoiceResult;
import io.mlconnector.writer.config.WriterConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The QAD calls of posting. QAD only warns about a duplicate (supplier, invoice reference), so the
 * writer looks for one itself before every post and adopts it instead of creating a second.
 */
@ApplicationScoped
public class InvoicePosting {
  private static final Logger LOG = Logger.getLogger(InvoicePosting.class);

  /** Sends of one invoice in one attempt with the (test-only) blind re-send switch on. */
  static final int BLIND_SENDS = 3;

  /** An invoice QAD holds: its voucher, its match status, and whether it existed already. */
  public record Voucher(String number, String qadStatus, boolean adopted) {}

  private final PostingFaultHook faultHook;
  private final boolean blindResend;

  public InvoicePosting(PostingFaultHook faultHook, WriterConfig config) {
    this.faultHook = faultHook;
    this.blindResend = config.qad().fault().blindResend();
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
    SupplierInvoiceResult saved = send(qad, command);
    faultHook.afterQadAccepted(tenant, command.sysId(), saved.voucher());
    return new Voucher(saved.voucher(), saved.status(), false);
  }

  private SupplierInvoiceResult send(QadClient qad, InvoiceCommand command) {
    for (int sent = 1; ; sent++) {
      try {
        return qad.createSupplierInvoice(command.supplierInvoice());
      } catch (QadOutcomeUnknownException e) {
        if (!blindResend || sent >= BLIND_SENDS) {
          throw e;
        }
        // Broken on purpose (mlc.writer.qad.fault.blind-resend): the bug the chaos harness must
        // catch, a POST repeated without looking QAD up first.
        LOG.warnf("blind-resend test switch: sending invoice %s again unlooked", command.sysId());
      }
    }
  }
}
