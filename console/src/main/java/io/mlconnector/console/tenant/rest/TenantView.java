package io.mlconnector.console.tenant.rest;

import io.mlconnector.common.tenant.TenantRows;
import io.mlconnector.console.tenant.store.TenantRow;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A tenant as the API shows it. Secrets are never part of it: only whether one is stored ({@code
 * "****"} or null) and which key encrypted it.
 */
@Schema(name = "Tenant")
public record TenantView(
    String id,
    String displayName,
    boolean enabled,
    Qad qad,
    ServiceNow servicenow,
    Map<String, String> schedules,
    Map<String, String> mappingOverrides,
    boolean sandbox,
    boolean allowPrivateNetwork,
    Instant createdAt,
    Instant updatedAt) {

  static final String MASK = "****";

  public record Qad(
      String baseUrl,
      String workspace,
      String clientId,
      String username,
      @Schema(description = "\"****\" when stored, null when not") String password,
      @Schema(description = "id of the key that encrypted the password") String passwordKeyId) {}

  public record ServiceNow(
      String instanceUrl,
      String clientId,
      @Schema(description = "\"****\" when stored, null when not") String clientSecret,
      @Schema(description = "id of the key that encrypted the client secret")
          String clientSecretKeyId,
      boolean batchApi) {}

  /** Builds the view from a row and the key ids of its stored secrets (secret name → key id). */
  public static TenantView of(TenantRow row, Map<String, String> secretKeyIds) {
    String qadKey = secretKeyIds.get(TenantRows.QAD_PASSWORD);
    String snKey = secretKeyIds.get(TenantRows.SN_CLIENT_SECRET);
    return new TenantView(
        row.id(),
        row.displayName(),
        row.enabled(),
        new Qad(
            row.qadBaseUrl(),
            row.qadWorkspace(),
            row.qadClientId(),
            row.qadUsername(),
            qadKey == null ? null : MASK,
            qadKey),
        new ServiceNow(
            row.snInstanceUrl(),
            row.snClientId(),
            snKey == null ? null : MASK,
            snKey,
            row.snBatchApi()),
        row.schedules(),
        row.mappingOverrides(),
        row.sandbox(),
        row.allowPrivateNetwork(),
        row.createdAt(),
        row.updatedAt());
  }
}
