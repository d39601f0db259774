package io.mlconnector.qadclient.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.common.tenant.Tenant;
import io.mlconnector.qadclient.QadAuthException;
import io.mlconnector.qadclient.QadMalformedResponseException;
import io.mlconnector.qadclient.http.QadTransport;
import io.mlconnector.qadclient.http.RequestBody;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * The tenant's bearer token: password grant at {@code {base}/oauth/token}, renewed ahead of expiry
 * (at {@code refreshRatio} of {@code expires_in}) with the refresh-token grant, falling back to the
 * password grant when the refresh token is refused. Concurrent callers share one renewal.
 */
public final class TokenManager implements QadTransport.TokenSource {
  private static final Logger LOG = Logger.getLogger(TokenManager.class);

  private record Token(String access, String refresh, Instant renewAt) {}

  private final String tenant;
  private final Tenant.Qad qad;
  private final URI tokenUri;
  private final double refreshRatio;
  private final Clock clock;
  private final ReentrantLock renewal = new ReentrantLock();
  private volatile QadTransport transport;
  private volatile Token current;

  public TokenManager(
      String tenant, Tenant.Qad qad, URI tokenUri, double refreshRatio, Clock clock) {
    this.tenant = tenant;
    this.qad = qad;
    this.tokenUri = tokenUri;
    this.refreshRatio = refreshRatio;
    this.clock = clock;
  }

  /** The transport used for token calls (set once, after both are built). */
  public void useTransport(QadTransport t) {
    this.transport = t;
  }

  @Override
  public String accessToken() {
    Token t = current;
    if (t != null && clock.instant().isBefore(t.renewAt())) {
      return t.access();
    }
    renewal.lock();
    try {
      t = current;
      if (t == null || !clock.instant().isBefore(t.renewAt())) {
        current = renew(t);
      }
      return current.access();
    } finally {
      renewal.unlock();
    }
  }

  @Override
  public void rejected(String accessToken) {
    renewal.lock();
    try {
      Token t = current;
      if (t != null && t.access().equals(accessToken)) {
        current = new Token(t.access(), t.refresh(), Instant.MIN);
      }
    } finally {
      renewal.unlock();
    }
  }

  private Token renew(Token previous) {
    if (previous != null && previous.refresh() != null) {
      Map<String, String> form = new LinkedHashMap<>();
      form.put("grant_type", "refresh_token");
      form.put("client_id", qad.clientId());
      form.put("refresh_token", previous.refresh());
      QadTransport.Answer answer = transport.grant(tokenUri, RequestBody.form(form));
      if (answer.status() == 200) {
        return token(answer.body());
      }
      LOG.debugf(
          "QAD tenant %s refused the refresh token (%s); logging in again",
          tenant, answer.body().path("error").asText("HTTP " + answer.status()));
    }
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "password");
    form.put("client_id", qad.clientId());
    form.put("username", qad.username());
    form.put("password", qad.password() == null ? "" : qad.password().reveal());
    QadTransport.Answer answer = transport.grant(tokenUri, RequestBody.form(form));
    if (answer.status() != 200) {
      throw refused(answer);
    }
    return token(answer.body());
  }

  private Token token(JsonNode body) {
    String access = body.path("access_token").asText("");
    long expiresIn = body.path("expires_in").asLong(0);
    if (access.isEmpty() || expiresIn <= 0) {
      throw new QadMalformedResponseException(
          tenant, "token endpoint answered without access_token/expires_in");
    }
    String refresh = body.path("refresh_token").asText(null);
    Duration renewAfter = Duration.ofMillis((long) (expiresIn * 1000 * refreshRatio));
    return new Token(access, refresh, clock.instant().plus(renewAfter));
  }

  private QadAuthException refused(QadTransport.Answer answer) {
    if (answer.status() == 404) {
      return new QadAuthException(
          tenant,
          "login endpoint not found (HTTP 404 at " + tokenUri.getPath() + ")",
          "check the tenant's QAD URL: it is the base that oauth/token and api/… are under");
    }
    String error = answer.body().path("error").asText("HTTP " + answer.status());
    String hint =
        switch (error) {
          case "invalid_client" -> "the client id '" + qad.clientId() + "' is not known to QAD";
          case "invalid_grant" ->
              "QAD refused user '" + qad.username() + "': check the username and password";
          default -> "check the tenant's QAD URL and credentials";
        };
    return new QadAuthException(tenant, "login refused (" + error + ")", hint);
  }
}
