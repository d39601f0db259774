package io.mlconnector.stack;

import io.mlconnector.common.kafka.KafkaSecurity;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The SCRAM logins of the local broker: the stack's super user and one principal per service (see
 * {@link KafkaAcls}). Every password is derived from one secret generated per run (HMAC-SHA256 of
 * the principal's name), so only that secret travels from whoever starts the stack to its clients,
 * and each service is handed its own password alone. The secret is passed through the environment
 * ({@value #ENV_SECRET}) or kept in memory; it is never written to {@code stack.json}.
 */
public final class KafkaLogins {
  /** The environment variable (or system property) carrying the secret of a running stack. */
  public static final String ENV_SECRET = "MLC_STACK_KAFKA_SECRET";

  /** The stack's and the tests' super user: creates topics, ACLs and the other logins. */
  public static final String ADMIN = "mlc-admin";

  /** The local broker's transport: loopback only, so SASL without TLS (see stack/README.md). */
  public static final String PROTOCOL = "SASL_PLAINTEXT";

  public static final String MECHANISM = "SCRAM-SHA-512";

  private final String secret;

  private KafkaLogins(String secret) {
    if (secret == null || secret.length() < 24) {
      throw new IllegalArgumentException(ENV_SECRET + " must be at least 24 characters");
    }
    this.secret = secret;
  }

  public static KafkaLogins of(String secret) {
    return new KafkaLogins(secret);
  }

  /** A fresh random secret (256 bits). */
  public static KafkaLogins generate() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return new KafkaLogins(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  public String secret() {
    return secret;
  }

  /** The password of a principal: printable, without characters a JAAS line cannot hold. */
  public String password(String principal) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal(("mlc-kafka:" + principal).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /** Kafka client settings logging in as {@code principal} (without bootstrap servers). */
  public Map<String, Object> clientSettings(String principal) {
    return KafkaSecurity.scramClient(PROTOCOL, MECHANISM, principal, password(principal));
  }

  /** The typed {@code mlc.kafka.*} settings of a service logging in as {@code principal}. */
  public Map<String, String> serviceConfig(String principal) {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("mlc.kafka.security-protocol", PROTOCOL);
    config.put("mlc.kafka.sasl.mechanism", MECHANISM);
    config.put("mlc.kafka.sasl.username", principal);
    config.put("mlc.kafka.sasl.password", password(principal));
    return config;
  }

  /** The same as environment variables, for a service started as its own process. */
  public Map<String, String> serviceEnv(String principal) {
    Map<String, String> env = new LinkedHashMap<>();
    serviceConfig(principal)
        .forEach((key, value) -> env.put(key.toUpperCase().replaceAll("[.-]", "_"), value));
    return env;
  }
}
