package io.mlconnector.deploy;

import static io.mlconnector.deploy.HelmChart.FULLNAME;
import static io.mlconnector.deploy.Manifests.container;
import static io.mlconnector.deploy.Manifests.envVar;
import static io.mlconnector.deploy.Manifests.hasEnv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.deploy.NetworkFlows.Flow;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** NetworkPolicies, a database role per service, refused empty secrets and the TLS options. */
class LeastPrivilegeTest {
  private static final List<String> SERVICES =
      List.of("console", "mapper-service", "writer-service", "qad-poller", "servicenow-poller");

  @Test
  void networkPoliciesDenyByDefaultAndOpenOnlyTheFleetsFlows() {
    Manifests manifests =
        HelmChart.template().values(HelmChart.examples("three-tenants.yaml")).render();

    Map<String, Object> deny = manifests.named("NetworkPolicy", FULLNAME + "-default-deny");
    assertThat(Yamls.string(deny, "spec", "policyTypes")).contains("Ingress").contains("Egress");
    assertThat(Yamls.map(deny, "spec", "podSelector", "matchLabels"))
        .containsEntry("app.kubernetes.io/instance", HelmChart.RELEASE)
        .doesNotContainKey("app.kubernetes.io/component");
    // Pod to pod, only the receipt sync and the dimensions relay; nothing else in from outside
    // (unless operators/metrics are configured, below).
    NetworkFlows flows = NetworkFlows.of(manifests);
    Set<Flow> inCluster =
        Set.of(
            new Flow("servicenow-poller", "qad-poller", 8080),
            new Flow("console", "mapper-service", 8080));
    assertThat(flows.ingress()).isEqualTo(inCluster);
    assertThat(flows.egress()).isEqualTo(inCluster);
    assertThat(flows.ingressPortsWithoutPodPeers()).isEmpty();
    assertThat(flows.egressPortsWithoutPodPeers()).doesNotContain(8080);
    // Out to QAD / ServiceNow: pollers, writer, console; the mapper talks to Kafka and PG only.
    String external =
        new Yaml().dump(manifests.named("NetworkPolicy", FULLNAME + "-external-https"));
    assertThat(external)
        .contains("qad-poller", "servicenow-poller", "writer-service", "console")
        .doesNotContain("mapper-service")
        .contains("443");

    Manifests withOperators =
        HelmChart.template()
            .set("networkPolicy.operatorsFrom[0].namespaceSelector.matchLabels.team", "ops")
            .render();
    assertThat(new Yaml().dump(withOperators.named("NetworkPolicy", FULLNAME + "-operators")))
        .contains("team: ops")
        .contains("8080");
  }

  @Test
  void everyServiceConnectsAsItsOwnDatabaseRole() {
    Manifests manifests = HelmChart.template().set("tenants[0].id", "acme").render();

    Map<String, Object> secret = manifests.named("Secret", FULLNAME + "-database");
    Map<String, Object> data = Yamls.map(secret, "data");
    for (String service : SERVICES) {
      Map<String, Object> c = container(manifests.deploymentsOf(service).get(0));
      assertThat(
              Yamls.string(
                  envVar(c, "QUARKUS_DATASOURCE_USERNAME"), "valueFrom", "secretKeyRef", "key"))
          .isEqualTo(service + "-username");
      assertThat(
              Yamls.string(
                  envVar(c, "QUARKUS_DATASOURCE_PASSWORD"), "valueFrom", "secretKeyRef", "key"))
          .isEqualTo(service + "-password");
      assertThat(data).containsKeys(service + "-username", service + "-password");
    }
    assertThat(decode(data.get("mapper-service-username"))).isEqualTo("mlc_mapper");
    assertThat(decode(data.get("console-username"))).isEqualTo("mlc_console");
  }

  @Test
  void theRoleSqlGivesEachServiceItsSchemaAndOnlyTheConsoleWritesTheRegistry() {
    String sql =
        Yamls.string(
            HelmChart.template().render().named("ConfigMap", FULLNAME + "-db-roles"),
            "data",
            "roles.sql");

    assertThat(sql)
        .contains("CREATE SCHEMA IF NOT EXISTS console AUTHORIZATION \"mlc_console\"")
        .contains("CREATE SCHEMA IF NOT EXISTS mapper AUTHORIZATION \"mlc_mapper\"")
        .contains("CREATE SCHEMA IF NOT EXISTS writer AUTHORIZATION \"mlc_writer\"")
        .contains("CREATE SCHEMA IF NOT EXISTS qad_poller AUTHORIZATION \"mlc_qad_poller\"")
        .contains(
            "CREATE SCHEMA IF NOT EXISTS servicenow_poller AUTHORIZATION \"mlc_servicenow_poller\"")
        .contains("REVOKE ALL ON console.tenant_secret FROM %I', 'mlc_mapper'")
        .contains("GRANT USAGE, CREATE ON SCHEMA mlc_fleet TO \"mlc_writer\"")
        .contains("GRANT USAGE, CREATE ON SCHEMA mlc_fleet TO \"mlc_servicenow_poller\"")
        .doesNotContain("PASSWORD 'test-");
    // Everything granted on the registry to another role is read-only.
    sql.lines()
        .filter(l -> l.startsWith("GRANT") && l.contains("console") && !l.contains("mlc_console"))
        .forEach(l -> assertThat(l).matches("GRANT (SELECT|USAGE) ON .*"));
    sql.lines()
        .filter(l -> l.startsWith("ALTER DEFAULT PRIVILEGES FOR ROLE \"mlc_console\""))
        .forEach(l -> assertThat(l).contains("GRANT SELECT ON TABLES"));
  }

  @Test
  void emptyOrShortTokensAndPasswordsFailTheRender() {
    assertThatThrownBy(() -> HelmChart.templateWithoutSecrets(HelmChart.RELEASE).render())
        .hasMessageContaining("database.password must be at least 16");
    assertThatThrownBy(() -> HelmChart.template().set("database.password", "short").render())
        .hasMessageContaining("database.password must be at least 16");
    assertThatThrownBy(
            () ->
                HelmChart.template()
                    .set("database.perService.passwords.mapper-service", "")
                    .render())
        .hasMessageContaining("database.perService.passwords.mapper-service");
    assertThatThrownBy(() -> HelmChart.template().set("api.tokens", "null").render())
        .hasMessageContaining("at least one token with scope admin");
    assertThatThrownBy(() -> HelmChart.template().set("api.tokens[0].token", "").render())
        .hasMessageContaining("api.tokens[0].token must be at least 24");
    assertThatThrownBy(() -> HelmChart.template().set("api.receiptSyncToken", "").render())
        .hasMessageContaining("api.receiptSyncToken must be at least 24");
  }

  @Test
  void tlsOptionsForPostgresKafkaAndInternalHttp() {
    Manifests plain = HelmChart.template().set("tenants[0].id", "acme").render();
    assertThat(Yamls.map(plain.named("ConfigMap", FULLNAME + "-config"), "data"))
        .containsEntry(
            "QUARKUS_DATASOURCE_JDBC_URL",
            "jdbc:postgresql://postgresql:5432/mlconnector?sslmode=require");
    assertThatThrownBy(() -> HelmChart.template().set("database.sslMode", "verify-full").render())
        .hasMessageContaining("sslRootCertSecret");

    Manifests tls =
        HelmChart.template()
            .set("tenants[0].id", "acme")
            .set("database.sslMode", "verify-full")
            .set("database.sslRootCertSecret", "pg-ca")
            .set("kafka.sasl.enabled", false)
            .set("kafka.tls.enabled", true)
            .set("kafka.tls.caSecret", "kafka-ca")
            .set("internalTls.enabled", true)
            .set("internalTls.secretName", "mlc-tls")
            .render();
    assertThat(Yamls.map(tls.named("ConfigMap", FULLNAME + "-config"), "data"))
        .containsEntry(
            "QUARKUS_DATASOURCE_JDBC_URL",
            "jdbc:postgresql://postgresql:5432/mlconnector?sslmode=verify-full"
                + "&sslrootcert=/etc/mlc/pg/ca.crt");
    for (String service : SERVICES) {
      Map<String, Object> deployment = tls.deploymentsOf(service).get(0);
      Map<String, Object> c = container(deployment);
      assertThat(Yamls.string(envVar(c, "MLC_KAFKA_SECURITY_PROTOCOL"), "value")).isEqualTo("SSL");
      assertThat(Yamls.string(envVar(c, "KAFKA_SSL_TRUSTSTORE_LOCATION"), "value"))
          .isEqualTo("/etc/mlc/kafka/ca.crt");
      assertThat(hasEnv(c, "QUARKUS_HTTP_SSL_CERTIFICATE_FILES")).isTrue();
      assertThat(Yamls.string(envVar(c, "QUARKUS_HTTP_INSECURE_REQUESTS"), "value"))
          .isEqualTo("disabled");
      assertThat(Yamls.string(c, "readinessProbe", "httpGet", "scheme")).isEqualTo("HTTPS");
      assertThat(new Yaml().dump(deployment))
          .contains("secretName: pg-ca", "secretName: kafka-ca", "secretName: mlc-tls");
    }
    assertThat(
            Yamls.string(
                envVar(
                    container(tls.deploymentsOf("servicenow-poller").get(0)),
                    "MLC_SERVICENOW_RECEIPT_SYNC_URL"),
                "value"))
        .startsWith("https://");
  }

  private static String decode(Object base64) {
    return new String(Base64.getDecoder().decode(base64.toString()), StandardCharsets.UTF_8);
  }
}
