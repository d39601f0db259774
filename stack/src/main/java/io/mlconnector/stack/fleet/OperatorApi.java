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

  /**
   * A call the API answered with an error status.
   *
   * @param status HTTP status
   * @param code the {@code ApiError} code, or null when the body is not one
   * @param message the {@code ApiError} message, else the body
   */
  static final class Failure extends IOException {
    final int status;
    final String code;
    final String hint;

    Failure(String call, int status, String code, String message, String hint) {
      super(message.isBlank() ? call + " answered HTTP " + status : message);
      this.status = status;
      this.code = code;
      this.hint = hint;
    }
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
      throw failure(r);
    }
    return r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body());
  }

  private static Failure failure(HttpResponse<String> r) {
    String call = r.request().method() + " " + r.uri();
    JsonNode error;
    try {
      error = JSON.readTree(r.body());
    } catch (IOException notJson) {
      error = JSON.nullNode();
    }
    if (error != null && error.hasNonNull("message")) {
      return new Failure(
          call,
          r.statusCode(),
          error.path("code").asText(null),
          error.path("message").asText(),
          error.path("hint").asText(null));
    }
    return new Failure(call, r.statusCode(), null, "", null);
  }
}
