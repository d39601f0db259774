package io.mlconnector.writer.qad.rest;

import io.mlconnector.common.http.ApiException;
import io.mlconnector.common.http.auth.ApiScope;
import io.mlconnector.common.http.auth.RequiresScope;
import io.mlconnector.writer.qad.ledger.InvoiceLedger;
import io.mlconnector.writer.qad.ledger.InvoiceStatus;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;

/** Operator API: where each ServiceNow invoice of a tenant stands on its way into QAD. */
@RequiresScope(ApiScope.READ)
@Path("/invoices")
@Produces(MediaType.APPLICATION_JSON)
public class InvoiceResource {
  private final InvoiceLedger ledger;

  public InvoiceResource(InvoiceLedger ledger) {
    this.ledger = ledger;
  }

  /** The tenant's invoices, oldest first; {@code status} narrows to one status. */
  @GET
  @Path("/{tenant}")
  public List<InvoiceView> list(
      @PathParam("tenant") String tenant, @QueryParam("status") String status) {
    return ledger.list(tenant, parse(status)).stream().map(InvoiceView::of).toList();
  }

  private static InvoiceStatus parse(String status) {
    if (status == null || status.isBlank()) {
      return null;
    }
    try {
      return InvoiceStatus.valueOf(status.trim().toUpperCase());
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(
          "unknown status " + status, "one of " + Arrays.toString(InvoiceStatus.values()));
    }
  }
}
