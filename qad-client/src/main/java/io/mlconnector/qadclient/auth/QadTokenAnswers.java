package io.mlconnector.qadclient.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.arc.Unremovable;
import io.quarkus.oidc.common.OidcEndpoint;
import io.quarkus.oidc.common.OidcResponseFilter;
import io.vertx.mutiny.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps what a failed QAD grant answered. quarkus-oidc-client turns a token answer other than 200
 * into an exception carrying only the body, so a 404 (wrong URL), a 303 (not followed), a 429 and a
 * 503 would look alike; this filter rewrites such an answer's body of the QAD OIDC clients into
 * {@code {"status":…,"retryAfter":…,"location":…,"body":…}} for {@link QadTokens.Failures}.
 */
// Looked up by the OIDC clients at runtime, never injected: kept although nothing injects it.
@Unremovable
@ApplicationScoped
@OidcEndpoint(OidcEndpoint.Type.TOKEN)
public class QadTokenAnswers implements OidcResponseFilter {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void filter(OidcResponseContext rc) {
    String client = rc.requestProperties().getString("client-id");
    if (client == null || !client.startsWith(QadTokens.CLIENT_PREFIX) || rc.statusCode() == 200) {
      return;
    }
    ObjectNode answer = JSON.createObjectNode();
    answer.put("status", rc.statusCode());
    answer.put("retryAfter", rc.responseHeaders().get("Retry-After"));
    answer.put("location", rc.responseHeaders().get("Location"));
    answer.put("body", rc.responseBody() == null ? "" : rc.responseBody().toString());
    rc.responseBody(Buffer.buffer(answer.toString()));
  }
}
