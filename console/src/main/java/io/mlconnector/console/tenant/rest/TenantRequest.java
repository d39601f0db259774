package io.mlconnector.console.tenant.rest;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A tenant as an operator submits it (create and update). On update the secrets are optional:
 * absent means "keep the stored one". {@link #toString()} of the nested records masks secrets.
 */
@Schema(name = "TenantRequest")
public record TenantRequest(
    @Schema(
            description = "1-40 lowercase letters, digits or '-'; on update optional",
            example = "acme")
        String id,
    @Schema(required = true, example = "ACME Corp") String displayName,
    @Schema(required = true) QadSettings qad,
    @Schema(required = true) ServiceNowSettings servicenow,
    @Schema(
            description =
                "poll cadence by key (qad.suppliers, qad.purchase-orders, qad.receipts,"
                    + " qad.dimensions, servicenow.invoices, servicenow.dimensions):"
                    + " ISO-8601 (PT5M) or 30s/5m/2h/1d",
            example = "{\"qad.purchase-orders\":\"5m\"}")
        Map<String, String> schedules,
    @Schema(description = "field mapping overrides, see mapper-service")
        Map<String, String> mappingOverrides,
    @Schema(
            description =
                "sandbox tenant: loopback/http URLs allowed if the console is in sandbox mode")
        Boolean sandbox,
    @Schema(description = "allow URLs resolving to private ranges (customer-hosted systems)")
        Boolean allowPrivateNetwork) {

  /** QAD tenant URL and password-grant credentials. */
  public record QadSettings(
      @Schema(required = true, example = "https://acme.qad.example/qad-central") String baseUrl,
      @Schema(required = true) String workspace,
      @Schema(required = true) String clientId,
      @Schema(required = true) String username,
      @Schema(description = "write-only; absent on update keeps the stored one") String password) {
    @Override
    public String toString() {
      return "QadSettings[baseUrl=" + baseUrl + ", username=" + username + ", password=****]";
    }
  }

  /** ServiceNow instance and OAuth client credentials. */
  public record ServiceNowSettings(
      @Schema(required = true, example = "https://acme.service-now.com") String instanceUrl,
      @Schema(required = true) String clientId,
      @Schema(description = "write-only; absent on update keeps the stored one")
          String clientSecret,
      Boolean batchApi) {
    @Override
    public String toString() {
      return "ServiceNowSettings[instanceUrl=" + instanceUrl + ", clientSecret=****]";
    }
  }
}
