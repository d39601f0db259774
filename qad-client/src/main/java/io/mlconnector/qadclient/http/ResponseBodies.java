package io.mlconnector.qadclient.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.mlconnector.common.http.ExternalHttp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Turns a QAD answer body into JSON, or says in one sentence why it is not JSON. */
final class ResponseBodies {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final int SNIPPET = 80;

  /** The body is not the JSON QAD promised; the message is meant for people, not a stack trace. */
  static final class NotJson extends Exception {
    NotJson(String message) {
      super(message, null, false, false);
    }
  }

  private ResponseBodies() {}

  static JsonNode parse(ExternalHttp.Answer response) throws NotJson {
    byte[] body = response.body();
    if (body == null || body.length == 0) {
      return MissingNode.getInstance();
    }
    String type = response.header("Content-Type").orElse("").toLowerCase();
    if (type.contains("html")) {
      throw new NotJson(
          "QAD answered HTTP "
              + response.status()
              + " with an HTML page instead of JSON (maintenance page or proxy?): "
              + snippet(body));
    }
    try {
      return JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new NotJson(
          "QAD answered HTTP "
              + response.status()
              + " with a body that is not valid JSON ("
              + body.length
              + " bytes, truncated or corrupt): "
              + snippet(body));
    } catch (IOException e) {
      throw new NotJson("QAD answer could not be read: " + e.getClass().getSimpleName());
    }
  }

  private static String snippet(byte[] body) {
    String text = new String(body, 0, Math.min(body.length, SNIPPET * 4), StandardCharsets.UTF_8);
    text = text.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").trim();
    return "'" + (text.length() > SNIPPET ? text.substring(0, SNIPPET) + "…" : text) + "'";
  }
}
