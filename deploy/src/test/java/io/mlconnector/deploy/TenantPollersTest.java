package io.mlconnector.deploy;

import static io.mlconnector.deploy.HelmChart.FULLNAME;
import static io.mlconnector.deploy.Manifests.container;
import static io.mlconnector.deploy.Manifests.envVar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** values.tenants[] → one qad-poller and one servicenow-poller Deployment per entry. */
class TenantPollersTest {

  private static final Manifests THREE_TENANTS =
      HelmChart.template().values(HelmChart.examples("three-tenants.yaml")).render();

  @Test
  void defaultValuesRenderNoPollers() {
    Manifests manifests = HelmChart.template().render();

    assertThat(manifests.deploymentsOf("qad-poller")).isEmpty();
    assertThat(manifests.deploymentsOf("servicenow-poller")).isEmpty();
  }

  @Test
  void eachTenantEntryGetsOnePollerPairRestrictedToItsTenants() {
    assertThat(names(THREE_TENANTS.deploymentsOf("qad-poller")))
        .containsExactlyInAnyOrder(FULLNAME + "-qad-poller-acme", FULLNAME + "-qad-poller-small");
    assertThat(names(THREE_TENANTS.deploymentsOf("servicenow-poller")))
        .containsExactlyInAnyOrder(
            FULLNAME + "-servicenow-poller-acme", FULLNAME + "-servicenow-poller-small");

    for (String poller : List.of("qad-poller", "servicenow-poller")) {
      assertThat(tenantsOf(FULLNAME + "-" + poller + "-acme")).isEqualTo("acme");
      assertThat(tenantsOf(FULLNAME + "-" + poller + "-small")).isEqualTo("beta,gamma");
    }
  }

  @Test
  void schedulesBecomeEnvOnThePollerOfTheirSystem() {
    Map<String, Object> qadAcme = pollerContainer("qad-poller-acme");
    assertThat(envVar(qadAcme, "MLC_QAD_SCHEDULE_PURCHASE_ORDERS")).containsEntry("value", "2m");
    assertThat(envVar(qadAcme, "MLC_QAD_SCHEDULE_RECEIPTS")).containsEntry("value", "1m");
    assertThat(Manifests.hasEnv(qadAcme, "MLC_SERVICENOW_SCHEDULE_INVOICES")).isFalse();

    Map<String, Object> snAcme = pollerContainer("servicenow-poller-acme");
    assertThat(envVar(snAcme, "MLC_SERVICENOW_SCHEDULE_INVOICES")).containsEntry("value", "1m");
    assertThat(Manifests.hasEnv(snAcme, "MLC_QAD_SCHEDULE_PURCHASE_ORDERS")).isFalse();

    assertThat(envVar(pollerContainer("qad-poller-small"), "MLC_QAD_SCHEDULE_SUPPLIERS"))
        .containsEntry("value", "1h");
  }

  @Test
  void entryResourcesApplyToBothPollersOfThatEntryOnly() {
    assertThat(Yamls.string(pollerContainer("qad-poller-acme"), "resources", "limits", "memory"))
        .isEqualTo("768Mi");
    assertThat(
            Yamls.string(
                pollerContainer("servicenow-poller-acme"), "resources", "limits", "memory"))
        .isEqualTo("768Mi");
    assertThat(Yamls.string(pollerContainer("qad-poller-small"), "resources", "limits", "memory"))
        .isEqualTo("512Mi");
  }

  @Test
  void pollersNeverOverlapDuringARollout() {
    for (Map<String, Object> poller : THREE_TENANTS.deploymentsOf("qad-poller")) {
      assertThat(Yamls.string(poller, "spec", "strategy", "type")).isEqualTo("Recreate");
      assertThat(Yamls.at(poller, "spec", "replicas")).isEqualTo(1);
    }
  }

  @Test
  void addingATenantAddsExactlyItsPollerPairAndTheQadPollersService() {
    Manifests withDelta =
        HelmChart.template()
            .values(HelmChart.examples("three-tenants.yaml"))
            .set("tenants[2].id", "delta")
            .render();

    Set<String> added = new HashSet<>(withDelta.names());
    added.removeAll(THREE_TENANTS.names());
    assertThat(added)
        .containsExactlyInAnyOrder(
            "Deployment/" + FULLNAME + "-qad-poller-delta",
            "Deployment/" + FULLNAME + "-servicenow-poller-delta",
            "Service/" + FULLNAME + "-qad-poller-delta");
    assertThat(withDelta.names()).containsAll(THREE_TENANTS.names());
    assertThat(tenantsOf(withDelta, FULLNAME + "-qad-poller-delta")).isEqualTo("delta");
  }

  @Test
  void eachServiceNowPollerSyncsReceiptsThroughItsOwnQadPollerBeforeInvoices() {
    for (String entry : List.of("acme", "small")) {
      String url =
          Yamls.string(
              envVar(
                  container(
                      THREE_TENANTS.named("Deployment", FULLNAME + "-servicenow-poller-" + entry)),
                  "MLC_SERVICENOW_RECEIPT_SYNC_URL"),
              "value");
      assertThat(url).isEqualTo("http://" + FULLNAME + "-qad-poller-" + entry + ":8080");
      Map<String, Object> service =
          THREE_TENANTS.named("Service", FULLNAME + "-qad-poller-" + entry);
      assertThat(Yamls.string(service, "spec", "selector", "mlconnector.io/tenant-entry"))
          .isEqualTo(entry);
      assertThat(Yamls.string(service, "spec", "selector", "app.kubernetes.io/component"))
          .isEqualTo("qad-poller");
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Acme",
        "acme_eu",
        "acme.eu",
        "-acme",
        "acme-",
        "a,b",
        "tenant-with-a-name-that-is-much-too-long-for-a-kubernetes-dns-label"
      })
  void aTenantIdThatIsNotADnsLabelFailsTheRender(String id) {
    assertThatThrownBy(() -> HelmChart.template().set("tenants[0].id", id).render())
        .hasMessageContaining("tenants[0].id: tenant id \"" + id + "\" is invalid")
        .hasMessageContaining("must be a DNS label");
  }

  @Test
  void aBadTenantIdInsideAGroupFailsTheRender() {
    assertThatThrownBy(
            () ->
                HelmChart.template()
                    .set("tenants[0].group", "eu")
                    .set("tenants[0].ids[0]", "beta")
                    .set("tenants[0].ids[1]", "Gamma!")
                    .render())
        .hasMessageContaining("tenants[0].ids[1]: tenant id \"Gamma!\" is invalid");
  }

  @Test
  void aTenantPolledByTwoEntriesFailsTheRender() {
    assertThatThrownBy(
            () ->
                HelmChart.template()
                    .values(HelmChart.examples("three-tenants.yaml"))
                    .set("tenants[2].id", "gamma")
                    .render())
        .hasMessageContaining(
            "tenant id \"gamma\" appears in tenants[1] and tenants[2]; each tenant must be polled"
                + " by exactly one entry");
  }

  @Test
  void anEntryNeedsAnIdOrAGroupWithIds() {
    assertThatThrownBy(() -> HelmChart.template().set("tenants[0].group", "eu").render())
        .hasMessageContaining("tenants[0] (group \"eu\") needs a non-empty `ids` list");
    assertThatThrownBy(() -> HelmChart.template().set("tenants[0].replicas", 1).render())
        .hasMessageContaining("tenants[0] needs an `id`, or a `group` name with `ids`");
  }

  @Test
  void aScheduleThatIsNotADurationFailsTheRender() {
    assertThatThrownBy(
            () ->
                HelmChart.template()
                    .set("tenants[0].id", "acme")
                    .set("tenants[0].schedules.qad.purchase-orders", "often")
                    .render())
        .hasMessageContaining(
            "tenants[0].schedules.qad.purchase-orders: \"often\" is not a duration");
  }

  private static Map<String, Object> pollerContainer(String suffix) {
    return container(THREE_TENANTS.named("Deployment", FULLNAME + "-" + suffix));
  }

  private static String tenantsOf(String deployment) {
    return tenantsOf(THREE_TENANTS, deployment);
  }

  private static String tenantsOf(Manifests manifests, String deployment) {
    return Yamls.string(
        envVar(container(manifests.named("Deployment", deployment)), "MLC_TENANTS"), "value");
  }

  private static Set<String> names(List<Map<String, Object>> deployments) {
    return deployments.stream()
        .map(d -> Yamls.string(d, "metadata", "name"))
        .collect(Collectors.toSet());
  }
}
