package io.mlconnector.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KafkaSecurityTest {

  @Test
  void saslWithoutPrincipalIsRefusedNamingTheSetting() {
    assertThatThrownBy(() -> KafkaSecurity.requireUsable(config("SASL_SSL", null, null)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("MLC_KAFKA_SASL_USERNAME");
    assertThatThrownBy(() -> KafkaSecurity.requireUsable(config("SASL_SSL", "mapper", " ")))
        .hasMessageContaining("MLC_KAFKA_SASL_PASSWORD");
  }

  @Test
  void aPasswordThatWouldBreakTheJaasLineIsRefused() {
    assertThatThrownBy(
            () -> KafkaSecurity.requireUsable(config("SASL_PLAINTEXT", "mapper", "a\"; x=\"b")))
        .hasMessageContaining("quote");
    assertThatThrownBy(() -> KafkaSecurity.scramJaas("mapper", "back\\slash"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anUnknownProtocolIsRefused() {
    assertThatThrownBy(() -> KafkaSecurity.requireUsable(config("SASL", "u", "p")))
        .hasMessageContaining("MLC_KAFKA_SECURITY_PROTOCOL");
  }

  @Test
  void aUsableLoginPassesAndBuildsTheScramSettings() {
    KafkaConfig ok = config("SASL_PLAINTEXT", "mapper-service", "s3cret-Xy_9");
    assertThat(KafkaSecurity.requireUsable(ok)).isSameAs(ok);
    assertThat(KafkaSecurity.requireUsable(config("PLAINTEXT", null, null))).isNotNull();
    assertThat(
            KafkaSecurity.scramClient(
                "SASL_PLAINTEXT", "SCRAM-SHA-512", "mapper-service", "s3cret-Xy_9"))
        .containsEntry("security.protocol", "SASL_PLAINTEXT")
        .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
        .containsEntry(
            "sasl.jaas.config",
            "org.apache.kafka.common.security.scram.ScramLoginModule required"
                + " username=\"mapper-service\" password=\"s3cret-Xy_9\";");
  }

  private static KafkaConfig config(String protocol, String user, String password) {
    return new KafkaConfig() {
      @Override
      public int maxRecordBytes() {
        return 1000;
      }

      @Override
      public Consumer consumer() {
        return new Consumer() {
          @Override
          public int maxAttempts() {
            return 5;
          }

          @Override
          public Duration retryBackoff() {
            return Duration.ofSeconds(1);
          }

          @Override
          public Duration maxRetryBackoff() {
            return Duration.ofSeconds(60);
          }
        };
      }

      @Override
      public String securityProtocol() {
        return protocol;
      }

      @Override
      public Sasl sasl() {
        return new Sasl() {
          @Override
          public String mechanism() {
            return "SCRAM-SHA-512";
          }

          @Override
          public Optional<String> username() {
            return Optional.ofNullable(user);
          }

          @Override
          public Optional<String> password() {
            return Optional.ofNullable(password);
          }
        };
      }
    };
  }
}
