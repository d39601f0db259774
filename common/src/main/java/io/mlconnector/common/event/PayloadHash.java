package io.mlconnector.common.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of a JSON value in canonical form (object keys sorted), so the same content always has
 * the same hash whatever order a source system lists fields in. Used for change detection and
 * dedupe.
 */
public final class PayloadHash {
  private static final ObjectMapper CANONICAL =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private PayloadHash() {}

  public static String of(JsonNode value) {
    try {
      Object tree = CANONICAL.treeToValue(value, Object.class);
      return sha256(CANONICAL.writeValueAsBytes(tree));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot hash payload", e);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
