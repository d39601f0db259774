package io.mlconnector.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.stack.ApiTokenFixtures;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Minimal JSON over HTTP for driving the services' operator endpoints (with the operate token). */
final class Http {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  private Http() {}

  static JsonNode post(URI uri) throws IOException, InterruptedException {
    HttpResponse<String> r =
        CLIENT.send(
            HttpRequest.newBuilder(uri)
                .header("Authorization", ApiTokenFixtures.bearer(ApiTokenFixtures.OPERATE))
                .timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          "POST " + uri + " answered " + r.statusCode() + ": " + r.body());
    }
    return r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body());
  }
}
