package io.mlconnector.common.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class PayloadHashTest {
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void fieldOrderDoesNotChangeTheHashButContentDoes() throws Exception {
    String a = PayloadHash.of(json.readTree("{\"a\":1,\"b\":{\"y\":\"2\",\"x\":[1,2]}}"));
    String b = PayloadHash.of(json.readTree("{\"b\":{\"x\":[1,2],\"y\":\"2\"},\"a\":1}"));
    String c = PayloadHash.of(json.readTree("{\"b\":{\"x\":[2,1],\"y\":\"2\"},\"a\":1}"));
    assertThat(a).isEqualTo(b).hasSize(64);
    assertThat(c).isNotEqualTo(a);
  }
}
