package io.mlconnector.sandbox.qad;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A plain HTTP client speaking to one simulated tenant, as the connector would. */
final class QadTestClient {
  static final ObjectMapper JSON = new ObjectMapper();

  /** One HTTP answer; {@code json()} parses the body on demand. */
  record Reply(int status, HttpResponse<String> raw) {
    String body() {
      return raw.body();
    }

    JsonNode json() {
      try {
        return JSON.readTree(raw.body());
      } catch (Exception e) {
        throw new AssertionError("not JSON: " + raw.body(), e);
      }
    }

    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  private final HttpClient http = HttpClient.newHttpClient();
  private final QadSimulator simulator;
  private final QadTenantConfig config;
  String accessToken;
  String refreshToken;
  String workspace;
  String userAgent;

  QadTestClient(QadSimulator simulator, QadTenantConfig config) {
    this.simulator = simulator;
    this.config = config;
    this.workspace = config.workspaceId();
  }

  Reply tokenRequest(String form) {
    return send(
        HttpRequest.newBuilder(URI.create(simulator.tenantUrl(config.tenant()) + "/oauth/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  /** Logs in with the password grant and keeps the tokens. */
  QadTestClient login() {
    Reply reply =
        tokenRequest(
            "client_id="
                + enc(config.clientId())
                + "&grant_type=password&username="
                + enc(config.username())
                + "&password="
                + enc(config.password()));
    if (reply.status() != 200) {
      throw new AssertionError("login failed: " + reply.body());
    }
    accessToken = reply.json().get("access_token").asText();
    refreshToken = reply.json().get("refresh_token").asText();
    return this;
  }

  /** GET a tenant API path with query parameters given as alternating name, value. */
  Reply get(String path, String... params) {
    StringBuilder uri = new StringBuilder(simulator.tenantUrl(config.tenant()) + path);
    for (int i = 0; i < params.length; i += 2) {
      uri.append(i == 0 ? '?' : '&').append(enc(params[i])).append('=').append(enc(params[i + 1]));
    }
    return send(authorized(HttpRequest.newBuilder(URI.create(uri.toString())).GET()));
  }

  /** A browse page; {@code filters} are the raw {@code field,op,value,literal} strings. */
  Reply browse(String browseId, int page, int pageSize, List<String> filters) {
    String[] params = new String[8 + 2 * filters.size()];
    String[] fixed = {
      "browseId",
      browseId,
      "page",
      "" + page,
      "pageSize",
      "" + pageSize,
      "pageAction",
      page == 1 ? "first" : "next"
    };
    System.arraycopy(fixed, 0, params, 0, fixed.length);
    for (int i = 0; i < filters.size(); i++) {
      params[8 + 2 * i] = "filter";
      params[9 + 2 * i] = filters.get(i);
    }
    return get("/api/qracore/browses", params);
  }

  Reply postJson(String path, String json) {
    return send(
        authorized(
            HttpRequest.newBuilder(URI.create(simulator.tenantUrl(config.tenant()) + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))));
  }

  /** Admin call: {@code method} on {@code {baseUri}/qad-admin/{tenant}{path}}. */
  Reply admin(String method, String path, String json) {
    return call(method, simulator.adminUrl(config.tenant()) + path, json);
  }

  /** Any call on an absolute URL with an optional JSON body. */
  Reply call(String method, String url, String json) {
    return send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json)));
  }

  private HttpRequest.Builder authorized(HttpRequest.Builder builder) {
    if (accessToken != null) {
      builder.header("Authorization", "Bearer " + accessToken);
    }
    if (workspace != null) {
      builder.header(ApiGuard.WORKSPACE_HEADER, workspace);
    }
    if (userAgent != null) {
      builder.header("User-Agent", userAgent);
    }
    return builder;
  }

  private Reply send(HttpRequest.Builder builder) {
    try {
      HttpResponse<String> response =
          http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
