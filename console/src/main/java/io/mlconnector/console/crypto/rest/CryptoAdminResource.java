package io.mlconnector.console.crypto.rest;

import io.mlconnector.common.http.auth.ApiScope;
import io.mlconnector.common.http.auth.RequiresScope;
import io.mlconnector.console.crypto.service.KeyRotation;
import io.mlconnector.console.crypto.service.RotationReport;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Credential key administration. */
@RequiresScope(ApiScope.ADMIN)
@Path("/admin/crypto")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin", description = "Operator maintenance")
public class CryptoAdminResource {
  private final KeyRotation rotation;

  public CryptoAdminResource(KeyRotation rotation) {
    this.rotation = rotation;
  }

  @POST
  @Path("/rotate")
  @Operation(
      summary = "Re-encrypt every secret under the active key",
      description =
          "Idempotent. After adding a key to MLC_CRYPTO_KEYS, switching MLC_CRYPTO_ACTIVE_KEY_ID"
              + " and restarting, call this; when keyIdsInUse no longer lists the old key, remove"
              + " it from MLC_CRYPTO_KEYS.")
  public RotationReport rotate() {
    return rotation.rotate();
  }
}
