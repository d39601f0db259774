package io.mlconnector.sandbox.qad;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.mlconnector.sandbox.http.SimResponse;
import java.io.UncheckedIOException;
import java.util.List;

/** The one JSON mapper of the QAD simulator (ISO dates, decimals as plain numbers). */
final class QadJson {
  static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          // Clients send extra business-component fields (dataOperation, viewUri…); ignore them.
          .disable(
              com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private QadJson() {}

  static SimResponse ok(Object body) {
    return response(200, body);
  }

  static SimResponse response(int status, Object body) {
    try {
      return SimResponse.json(status, MAPPER.writeValueAsString(body));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A 4xx/5xx in QAD's error shape: {@code {"errors":[{fieldName,message,fieldValue,code}]}}. */
  static SimResponse error(int status, String code, String message, String field, Object value) {
    return response(
        status,
        java.util.Map.of("errors", List.of(new SubmitMessage(field, message, value, code))));
  }
}
