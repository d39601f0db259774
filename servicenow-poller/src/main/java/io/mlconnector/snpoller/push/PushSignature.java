package io.mlconnector.snpoller.push;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a push notification: {@code v1=} + Base64(HMAC-SHA256(key, timestamp + "." +
 * body)), where the key is the Base64-decoded push secret the console generated. Base64 on both
 * sides because that is what ServiceNow's {@code GlideCertificateEncryption.generateMac} takes and
 * returns. The timestamp is signed with the body, so an old notification cannot be re-dated.
 */
public final class PushSignature {
  public static final String TIMESTAMP_HEADER = "X-MLC-Timestamp";
  public static final String SIGNATURE_HEADER = "X-MLC-Signature";
  private static final String VERSION = "v1=";
  private static final String ALGORITHM = "HmacSHA256";

  /** Checked against when a tenant has no usable secret, so refusals take the same time. */
  private static final byte[] NO_KEY = new byte[32];

  private PushSignature() {}

  /** The header value for {@code body} sent at {@code timestamp} (epoch seconds as sent). */
  public static String sign(String secret, String timestamp, byte[] body) {
    return VERSION + Base64.getEncoder().encodeToString(mac(key(secret), timestamp, body));
  }

  /**
   * Whether {@code presented} is the signature of {@code body} at {@code timestamp} under {@code
   * secret}. Compared in constant time; a null secret computes against a dummy key and answers
   * false, so an unknown tenant costs what a wrong signature costs.
   */
  public static boolean matches(String secret, String timestamp, byte[] body, String presented) {
    byte[] key = secret == null ? NO_KEY : key(secret);
    byte[] expected = mac(key, timestamp, body);
    byte[] given = decode(presented);
    boolean equal = MessageDigest.isEqual(expected, given);
    return secret != null && key != NO_KEY && equal;
  }

  private static byte[] decode(String presented) {
    if (presented == null || !presented.startsWith(VERSION)) {
      return new byte[0];
    }
    try {
      return Base64.getDecoder().decode(presented.substring(VERSION.length()).trim());
    } catch (IllegalArgumentException e) {
      return new byte[0];
    }
  }

  private static byte[] key(String secret) {
    try {
      byte[] key = Base64.getDecoder().decode(secret);
      return key.length == 0 ? NO_KEY : key;
    } catch (IllegalArgumentException e) {
      return NO_KEY; // not a secret the console made: nothing can match it
    }
  }

  private static byte[] mac(byte[] key, String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, ALGORITHM));
      mac.update(String.valueOf(timestamp).getBytes(StandardCharsets.UTF_8));
      mac.update((byte) '.');
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
