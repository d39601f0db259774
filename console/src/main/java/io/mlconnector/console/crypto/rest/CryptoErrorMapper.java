package io.mlconnector.console.crypto.rest;

import io.mlconnector.common.crypto.CryptoException;
import io.mlconnector.common.http.ApiError;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A missing or wrong credential key is a deployment problem, not a server bug. */
public class CryptoErrorMapper {

  @ServerExceptionMapper
  public Response cryptoUnavailable(CryptoException e) {
    // CryptoException messages name key ids only, never key material or plaintext.
    return Response.status(503)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(
            new ApiError(
                503,
                "credential-key-unavailable",
                e.getMessage(),
                "check MLC_CRYPTO_KEYS and MLC_CRYPTO_ACTIVE_KEY_ID; keep old keys until"
                    + " POST /admin/crypto/rotate reports they are no longer in use"))
        .build();
  }
}
