package io.mlconnector.deploy;

import static io.mlconnector.deploy.HelmChart.FULLNAME;
import static io.mlconnector.deploy.Manifests.container;
import static io.mlconnector.deploy.Manifests.containers;
import static io.mlconnector.deploy.Manifests.env;
import static io.mlconnector.deploy.Manifests.envVar;
import static io.mlconnector.deploy.Manifests.hasEnv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/** Secrets reach pods only through secretKeyRef: never in a ConfigMap or an env literal. */
class SecretHandlingTest {

  private static final String DB_USER = "TEST-SECRET-db-user-0b2d";
  private static final String DB_PASSWORD = "TEST-SECRET-db-password-7f3a";
  private static final String KAFKA_PASSWORD = "TEST-SECRET-kafka-password-9c1e";
  private static final List<String> KAFKA_USERS =
      List.of(
          "admin",
          "console",
          "mapper-service",
          "writer-service",
          "qad-poller",
          "servicenow-poller");
  private static final String API_TOKEN = "TEST-SECRET-api-token-51bd-0123456789";
  private static final String SYNC_TOKEN = "TEST-SECRET-sync-token-77e2-0123456789";
  private static final String RAW_KEY = "TEST-SECRET-crypto-key-32bytes!!";
  private static final String CRYPTO_KEYS = "k2:" + base64(RAW_KEY) + ",k1:" + base64(RAW_KEY);
  private static final List<String> SECRETS =
      List.of(
          DB_USER, DB_PASSWORD, KAFKA_PASSWORD, API_TOKEN, SYNC_TOKEN, RAW_KEY, base64(RAW_KEY));

  private static final Map<String, String> SECRET_ENV_NAMES =
      Map.of(
          "QUARKUS_DATASOURCE_USERNAME", "database",
          "QUARKUS_DATASOURCE_PASSWORD", "database",
          "MLC_KAFKA_SASL_PASSWORD", "kafka",
          "MLC_CRYPTO_KEYS", "crypto",
          "MLC_CRYPTO_ACTIVE_KEY_ID", "crypto",
          "MLC_SERVICENOW_RECEIPT_SYNC_TOKEN", "api");

  @TempDir Path tmp;

  @Test
  void inlineSecretsAppearOnlyInSecrets() throws IOException {
    Manifests manifests = renderWithInlineSecrets();

    List<String> inSecrets = new ArrayList<>();
    for (Map<String, Object> document : manifests.all()) {
      if ("Secret".equals(document.get("kind"))) {
        Yamls.map(document, "data").values().forEach(v -> inSecrets.add(decode(v)));
        continue;
      }
      String text = new Yaml().dump(document);
      for (String secret : SECRETS) {
        assertThat(text)
            .as(document.get("kind") + " " + document.get("metadata"))
            .doesNotContain(secret);
        assertThat(text).doesNotContain(base64(secret));
      }
    }
    assertThat(inSecrets)
        .contains(
            DB_USER,
            DB_PASSWORD,
            KAFKA_PASSWORD + "-mapper-service",
            KAFKA_PASSWORD + "-admin",
            "ops:admin:" + API_TOKEN + "\nreceipt-sync:operate:" + SYNC_TOKEN,
            SYNC_TOKEN,
            CRYPTO_KEYS,
            "k2");
  }

  @Test
  void secretEnvVarsUseSecretKeyRefsAndNoEnvLiteralCarriesASecret() throws IOException {
    Manifests manifests = renderWithInlineSecrets();

    for (Map<String, Object> workload : manifests.workloads()) {
      for (Map<String, Object> container : containers(workload)) {
        for (Map<String, Object> env : env(container)) {
          String value = Yamls.string(env, "value");
          SECRETS.forEach(secret -> assertThat(value == null ? "" : value).doesNotContain(secret));
          String concern = SECRET_ENV_NAMES.get(env.get("name"));
          if (concern != null) {
            assertThat(env).as(env.get("name").toString()).doesNotContainKey("value");
            assertThat(Yamls.string(env, "valueFrom", "secretKeyRef", "name"))
                .startsWith(FULLNAME + "-" + concern);
          }
        }
      }
    }
  }

  @Test
  void eachServiceGetsOnlyTheSecretsItNeeds() throws IOException {
    Manifests manifests = renderWithInlineSecrets();

    Map<String, Object> console = onlyContainer(manifests, "console");
    Map<String, Object> writer = onlyContainer(manifests, "writer-service");
    Map<String, Object> mapper = onlyContainer(manifests, "mapper-service");
    Map<String, Object> qadPoller = onlyContainer(manifests, "qad-poller");
    Map<String, Object> snPoller = onlyContainer(manifests, "servicenow-poller");

    for (Map<String, Object> c : List.of(console, writer, qadPoller, snPoller)) {
      assertThat(hasEnv(c, "MLC_CRYPTO_KEYS") && hasEnv(c, "MLC_CRYPTO_ACTIVE_KEY_ID")).isTrue();
    }
    assertThat(hasEnv(mapper, "MLC_CRYPTO_KEYS")).isFalse();
    // Every service authenticates operators, from the mounted token file.
    for (Map<String, Object> c : List.of(console, writer, mapper, qadPoller, snPoller)) {
      assertThat(Yamls.string(envVar(c, "MLC_API_TOKENS_FILE"), "value"))
          .isEqualTo("/etc/mlc/api/api-tokens");
    }
    assertThat(hasEnv(snPoller, "MLC_SERVICENOW_RECEIPT_SYNC_TOKEN")).isTrue();
    for (Map<String, Object> c : List.of(console, writer, mapper, qadPoller)) {
      assertThat(hasEnv(c, "MLC_SERVICENOW_RECEIPT_SYNC_TOKEN")).isFalse();
    }
    for (Map<String, Object> c : List.of(writer, mapper, qadPoller, snPoller)) {
      assertThat(hasEnv(c, "QUARKUS_DATASOURCE_PASSWORD")).isTrue();
    }
    // One Kafka principal per service: its own user name and its own password key, nothing else.
    Map<String, Map<String, Object>> byService =
        Map.of(
            "console", console,
            "writer-service", writer,
            "mapper-service", mapper,
            "qad-poller", qadPoller,
            "servicenow-poller", snPoller);
    byService.forEach(
        (service, c) -> {
          assertThat(Yamls.string(envVar(c, "MLC_KAFKA_SASL_USERNAME"), "value"))
              .isEqualTo(service);
          assertThat(secretRef(c, "MLC_KAFKA_SASL_PASSWORD"))
              .isEqualTo(FULLNAME + "-kafka/" + service + "-password");
          assertThat(Yamls.string(envVar(c, "MLC_KAFKA_SECURITY_PROTOCOL"), "value"))
              .isEqualTo("SASL_SSL");
        });
  }

  @Test
  void existingSecretsRenderNoSecretAndAreReferencedByNameAndKey() {
    Manifests manifests =
        HelmChart.template()
            .values(HelmChart.examples("three-tenants.yaml"))
            .set("database.passwordKey", "pg-password")
            .set("crypto.keysKey", "aes-keys")
            .set("api.receiptSyncTokenKey", "sync")
            .render();

    assertThat(manifests.ofKind("Secret")).isEmpty();
    Map<String, Object> console = onlyContainer(manifests, "console");
    // One database role per service: each service's own keys of the database Secret.
    assertThat(secretRef(console, "QUARKUS_DATASOURCE_PASSWORD"))
        .isEqualTo("mlc-database/console-password");
    assertThat(secretRef(console, "QUARKUS_DATASOURCE_USERNAME"))
        .isEqualTo("mlc-database/console-username");
    Map<String, Object> shared =
        onlyContainer(
            HelmChart.template()
                .values(HelmChart.examples("three-tenants.yaml"))
                .set("database.passwordKey", "pg-password")
                .set("database.perService.enabled", false)
                .render(),
            "console");
    assertThat(secretRef(shared, "QUARKUS_DATASOURCE_PASSWORD"))
        .isEqualTo("mlc-database/pg-password");
    assertThat(secretRef(shared, "QUARKUS_DATASOURCE_USERNAME")).isEqualTo("mlc-database/username");
    assertThat(secretRef(console, "MLC_CRYPTO_KEYS")).isEqualTo("mlc-crypto/aes-keys");
    assertThat(secretRef(console, "MLC_CRYPTO_ACTIVE_KEY_ID"))
        .isEqualTo("mlc-crypto/active-key-id");
    assertThat(
            secretRef(
                onlyContainer(manifests, "servicenow-poller"), "MLC_SERVICENOW_RECEIPT_SYNC_TOKEN"))
        .isEqualTo("mlc-api-tokens/sync");
    assertThat(new Yaml().dump(manifests.deploymentsOf("console").get(0)))
        .contains("secretName: mlc-api-tokens");
    assertThat(secretRef(console, "MLC_KAFKA_SASL_PASSWORD"))
        .isEqualTo("mlc-kafka/console-password");
    Map<String, Object> topicsJob = container(manifests.named("Job", FULLNAME + "-topics"));
    assertThat(secretRef(topicsJob, "MLC_KAFKA_SASL_PASSWORD"))
        .isEqualTo("mlc-kafka/admin-password");
  }

  @Test
  void emptyOrShortKafkaPasswordsFailTheRender() {
    assertThatThrownBy(
            () -> HelmChart.template().set("kafka.sasl.passwords.writer-service", "").render())
        .hasMessageContaining("kafka.sasl.passwords.writer-service must be at least 16");
    assertThatThrownBy(
            () -> HelmChart.template().set("kafka.sasl.passwords.admin", "short-password").render())
        .hasMessageContaining("kafka.sasl.passwords.admin must be at least 16");
    assertThatThrownBy(
            () ->
                HelmChart.template()
                    .set("kafka.sasl.passwords.console", "has a space and quote\"0123")
                    .render())
        .hasMessageContaining("kafka.sasl.passwords.console");
  }

  @Test
  void shortOrMisnamedApiTokensFailTheRender() {
    assertThatThrownBy(
            () ->
                HelmChart.template()
                    .set("api.tokens[0].name", "ops")
                    .set("api.tokens[0].scope", "admin")
                    .set("api.tokens[0].token", "short")
                    .render())
        .hasMessageContaining("api.tokens[0].token must be at least 24");
    assertThatThrownBy(
            () ->
                HelmChart.template()
                    .set("api.tokens[0].name", "ops")
                    .set("api.tokens[0].scope", "root")
                    .set("api.tokens[0].token", API_TOKEN)
                    .render())
        .hasMessageContaining("must be read, operate or admin");
  }

  @Test
  void malformedCryptoKeysFailTheRender() {
    assertThatThrownBy(
            () ->
                HelmChart.template()
                    .set("crypto.keys", "k1:" + base64("sixteen-byte-key"))
                    .set("crypto.activeKeyId", "k1")
                    .render())
        .hasMessageContaining("crypto.keys: key \"k1\" must be 32 bytes");
    assertThatThrownBy(
            () ->
                HelmChart.template()
                    .set("crypto.keys", "k1:" + base64(RAW_KEY))
                    .set("crypto.activeKeyId", "k9")
                    .render())
        .hasMessageContaining("crypto.activeKeyId \"k9\" is not one of the key ids");
  }

  private Manifests renderWithInlineSecrets() throws IOException {
    Map<String, Object> values =
        Map.of(
            "database", Map.of("username", DB_USER, "password", DB_PASSWORD),
            "kafka", Map.of("sasl", Map.of("passwords", kafkaPasswords())),
            "crypto", Map.of("keys", CRYPTO_KEYS, "activeKeyId", "k2"),
            "api",
                Map.of(
                    "tokens",
                    List.of(Map.of("name", "ops", "scope", "admin", "token", API_TOKEN)),
                    "receiptSyncToken",
                    SYNC_TOKEN),
            "tenants", List.of(Map.of("id", "acme")));
    Path file = tmp.resolve("inline-secrets.yaml");
    Files.writeString(file, new Yaml().dump(values));
    return HelmChart.template().values(file).render();
  }

  private static Map<String, String> kafkaPasswords() {
    Map<String, String> passwords = new java.util.LinkedHashMap<>();
    KAFKA_USERS.forEach(user -> passwords.put(user, KAFKA_PASSWORD + "-" + user));
    return passwords;
  }

  private static Map<String, Object> onlyContainer(Manifests manifests, String service) {
    List<Map<String, Object>> deployments = manifests.deploymentsOf(service);
    assertThat(deployments).isNotEmpty();
    return container(deployments.get(0));
  }

  private static String secretRef(Map<String, Object> container, String env) {
    Map<String, Object> ref = Yamls.map(envVar(container, env), "valueFrom", "secretKeyRef");
    return ref.get("name") + "/" + ref.get("key");
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(Object base64) {
    return new String(Base64.getDecoder().decode(base64.toString()), StandardCharsets.UTF_8);
  }
}
