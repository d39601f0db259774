package io.mlconnector.snclient;

import static io.mlconnector.snclient.SimulatedTenants.SUPPLIERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.sandbox.servicenow.ServiceNowInstance;
import io.mlconnector.snclient.error.ServiceNowAccessDeniedException;
import io.mlconnector.snclient.error.ServiceNowAuthException;
import io.mlconnector.snclient.error.ServiceNowRejectedException;
import io.mlconnector.snclient.model.BatchWrite;
import io.mlconnector.snclient.model.BatchWriteResult;
import io.mlconnector.snclient.model.ServiceNowRecord;
import io.mlconnector.snclient.model.TablePage;
import io.mlconnector.snclient.query.EncodedQuery;
import io.mlconnector.snclient.query.TableQuery;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ServiceNowClientTest extends SimulatorTest {
  private ServiceNowClient client(String name) {
    return client(name, false);
  }

  @Test
  void insertsUpdatesAndFindsRecordsWithAClientCredentialsToken() {
    String name = SimulatedTenants.uniqueId();
    ServiceNowInstance sn = SimulatedTenants.ready(sim, name);
    ServiceNowClient client = client(name);

    ServiceNowRecord created =
        client.insert(SUPPLIERS, Map.of("u_external_id", "V100", "u_name", "Acme"));
    client.update(SUPPLIERS, created.sysId(), Map.of("u_name", "Acme Metals"));
    List<ServiceNowRecord> found =
        client.queryAll(
            TableQuery.of(SUPPLIERS)
                .where(EncodedQuery.builder().in("u_external_id", List.of("V100", "V200")).build())
                .fields("sys_id", "u_external_id"));

    assertThat(sn.get(SUPPLIERS, created.sysId())).containsEntry("u_name", "Acme Metals");
    assertThat(found).extracting(ServiceNowRecord::sysId).containsExactly(created.sysId());
    assertThat(found.get(0).values()).containsOnlyKeys("sys_id", "u_external_id");
    assertThat(sn.counters().count("POST", "oauth_token.do")).isEqualTo(1);
  }

  @Test
  void pagingFollowsNextLinksPastShortPagesHiddenByRowAcls() {
    String name = SimulatedTenants.uniqueId();
    ServiceNowInstance sn = SimulatedTenants.ready(sim, name);
    for (int i = 0; i < 23; i++) {
      sn.insert(SUPPLIERS, Map.of("u_external_id", "V" + (100 + i), "u_city", i < 10 ? "X" : "Y"));
    }
    sn.hideRows(SUPPLIERS, "u_city=X"); // the first two pages come back short or empty

    ServiceNowClient client = client(name);
    TablePage first = client.query(TableQuery.of(SUPPLIERS).pageSize(5));
    List<ServiceNowRecord> all = client.queryAll(TableQuery.of(SUPPLIERS).pageSize(5));

    assertThat(first.records()).isEmpty();
    assertThat(first.hasNext()).isTrue();
    assertThat(first.totalCount()).hasValue(23);
    assertThat(all).hasSize(13).allMatch(r -> "Y".equals(r.get("u_city")));
    assertThat(sn.counters().count("GET", "table/" + SUPPLIERS)).isEqualTo(1 + 5);
  }

  @Test
  void revokedTokenIsRenewedOnceAndTheCallSucceeds() {
    String name = SimulatedTenants.uniqueId();
    ServiceNowInstance sn = SimulatedTenants.ready(sim, name);
    ServiceNowClient client = client(name);
    client.query(TableQuery.of(SUPPLIERS));
    sn.tokens().revokeAll();

    TablePage page = client.query(TableQuery.of(SUPPLIERS));

    assertThat(page.records()).isEmpty();
    assertThat(sn.counters().count("POST", "oauth_token.do")).isEqualTo(2);
  }

  @Test
  void refusedClientCredentialsGrantFailsLoudlyWithTheAdminHint() {
    String name = SimulatedTenants.uniqueId();
    sim.addInstance(name)
        .addUser("svc.integration", "pw", "sn_fcms_intg.integration_user")
        .addOAuthClient("mlc", "secret", "svc.integration"); // grant property never created
    ServiceNowClient client = client(name);

    assertThatThrownBy(() -> client.query(TableQuery.of(SUPPLIERS)))
        .isInstanceOf(ServiceNowAuthException.class)
        .hasMessageContaining("glide.oauth.inbound.client.credential.grant_type.enabled")
        .hasMessageContaining("OAuth Application User");
  }

  @Test
  void writeWithoutTheRoleIsATypedAccessDeniedWithServiceNowsMessage() {
    String name = SimulatedTenants.uniqueId();
    sim.addInstance(name)
        .addUser("svc.readonly", "pw", "sn_ap_apm.reader")
        .addOAuthClient("mlc", "secret", "svc.readonly")
        .enableClientCredentialsGrant();
    ServiceNowClient client = client(name);

    assertThatThrownBy(() -> client.insert(SUPPLIERS, Map.of("u_external_id", "V1")))
        .isInstanceOf(ServiceNowAccessDeniedException.class)
        .hasMessageContaining("ACL Exception Insert Failed");
    assertThatThrownBy(() -> client.insert("no_such_table", Map.of("u_name", "x")))
        .isInstanceOf(ServiceNowRejectedException.class)
        .hasMessageContaining("Invalid table");
  }

  @Test
  void batchApiWritesEverythingAndResendsUnservicedItems() {
    String name = SimulatedTenants.uniqueId();
    ServiceNowInstance sn = SimulatedTenants.ready(sim, name).setBatchLimit(2);
    String existing = sn.insert(SUPPLIERS, Map.of("u_external_id", "V0")).get("sys_id");
    List<BatchWrite> writes = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      writes.add(BatchWrite.insert("i" + i, SUPPLIERS, Map.of("u_external_id", "V" + i)));
    }
    writes.add(BatchWrite.update("u0", SUPPLIERS, existing, Map.of("u_name", "Zed")));

    List<BatchWriteResult> results = client(name).batch(writes);

    assertThat(results)
        .extracting(BatchWriteResult::id)
        .containsExactly("i1", "i2", "i3", "i4", "u0");
    assertThat(results).allMatch(BatchWriteResult::succeeded);
    assertThat(sn.list(SUPPLIERS)).hasSize(5);
    assertThat(sn.get(SUPPLIERS, existing)).containsEntry("u_name", "Zed");
    assertThat(sn.counters().count("POST", "batch")).isEqualTo(3);
  }
}
