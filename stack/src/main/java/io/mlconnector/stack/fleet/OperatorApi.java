package io.mlconnector.stack.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** JSON calls to the fleet's operator endpoints, with the console's API token. */
public final class OperatorApi {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final String token;

  public OperatorApi(String token) {
    this.token = token;
  }

  public JsonNode post(URI uri, Object body) throws IOException, InterruptedException {
    HttpRequest.BodyPublisher publisher =
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
    return send(
        HttpRequest.newBuilder(uri).header("Content-Type", "application/json").POST(publisher));
  }

  public JsonNode get(URI uri) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri).GET());
  }

  private JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(
            request
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofMinutes(5))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() / 100 != 2) {
      throw new IOException(
          r.request().method() + " " + r.uri() + " → " + r.statusCode() + " " + r.body());
    }
    return r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body());
  }
}
