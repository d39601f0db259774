package io.mlconnector.stack.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ./mlc up's operator token and credential key: generated once, owner-only, then reused. */
class OperatorSecretsTest {

  @Test
  void generatesOnceIntoAnOwnerOnlyFileAndReusesItOnTheNextStart(@TempDir Path state)
      throws Exception {
    OperatorSecrets.Resolved first = OperatorSecrets.resolve(Map.of(), state);

    Path file = state.resolve("secrets.env");
    assertThat(first.problems()).isEmpty();
    assertThat(first.generated()).hasSize(3);
    assertThat(first.env()).doesNotContainKey("MLC_STACK_KAFKA_SECRET");
    assertThat(first.kafkaSecret()).hasSizeGreaterThan(24);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(first.env().get("MLC_CRYPTO_KEYS")).matches("local:[A-Za-z0-9+/]{43}=");
    assertThat(first.env().get("MLC_CRYPTO_ACTIVE_KEY_ID")).isEqualTo("local");
    assertThat(first.env().get("MLC_CONSOLE_API_TOKEN")).hasSizeGreaterThan(20);

    OperatorSecrets.Resolved second = OperatorSecrets.resolve(Map.of(), state);
    assertThat(second.generated()).isEmpty();
    assertThat(second.env()).isEqualTo(first.env());
    assertThat(second.kafkaSecret()).isEqualTo(first.kafkaSecret());
    assertThat(OperatorSecrets.tokenIn(file)).isEqualTo(first.env().get("MLC_CONSOLE_API_TOKEN"));
  }

  @Test
  void valuesFromTheEnvironmentWinAndNothingIsWritten(@TempDir Path state) throws Exception {
    Map<String, String> env =
        Map.of(
            "MLC_CONSOLE_API_TOKEN", "t0ken",
            "MLC_CRYPTO_KEYS", "k1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
            "MLC_CRYPTO_ACTIVE_KEY_ID", "k1",
            "MLC_STACK_KAFKA_SECRET", "kafka-secret-of-the-shell-0123456789");

    OperatorSecrets.Resolved resolved = OperatorSecrets.resolve(env, state);

    assertThat(resolved.kafkaSecret()).isEqualTo("kafka-secret-of-the-shell-0123456789");
    Map<String, String> withoutKafka = new java.util.HashMap<>(env);
    withoutKafka.remove("MLC_STACK_KAFKA_SECRET");
    assertThat(resolved.env()).isEqualTo(withoutKafka);
    assertThat(resolved.generated()).isEmpty();
    assertThat(state.resolve("secrets.env")).doesNotExist();
  }

  @Test
  void aKeyWithoutItsActiveIdIsRefusedNamingTheMissingSetting(@TempDir Path state)
      throws Exception {
    OperatorSecrets.Resolved resolved =
        OperatorSecrets.resolve(
            Map.of("MLC_CRYPTO_KEYS", "k1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="), state);

    assertThat(resolved.problems())
        .singleElement()
        .asString()
        .startsWith("MLC_CRYPTO_ACTIVE_KEY_ID is not set although MLC_CRYPTO_KEYS is");
    assertThat(state.resolve("secrets.env")).doesNotExist();
  }
}
