package io.mlconnector.qadclient;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.common.event.EntityType;
import io.mlconnector.qadclient.browse.BrowsePage;
import io.mlconnector.qadclient.browse.BrowseQuery;
import io.mlconnector.qadclient.browse.QadRecord;
import io.mlconnector.sandbox.qad.QadEntity;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class QadBrowseTest {
  private final SandboxQad sandbox = new SandboxQad("browse", Duration.ofHours(1));
  private final QadClient client = sandbox.client();

  @AfterEach
  void close() {
    sandbox.close();
  }

  @Test
  void pagesThroughRowsThatShareOneModifiedSecond() {
    Instant tie = Instant.parse("2025-02-01T00:00:00Z");
    sandbox.qad.shareModifiedTime(QadEntity.PURCHASE_ORDER_LINE, 150, tie);

    List<QadRecord> read = new ArrayList<>();
    BrowsePage page;
    int n = 1;
    do {
      page = client.browse(EntityType.PURCHASE_ORDER_LINE, BrowseQuery.modifiedAt(tie, n++, 40));
      read.addAll(page.rows());
    } while (page.hasMore());

    assertThat(page.totalCount()).isEqualTo(150);
    assertThat(read).hasSize(150).allSatisfy(r -> assertThat(r.modified()).isEqualTo(tie));
    Set<String> keys = new HashSet<>();
    read.forEach(r -> keys.add(r.key()));
    assertThat(keys).hasSize(150);
  }

  @Test
  void rowsCarryTheirIdentitiesAndExactFields() {
    BrowsePage receipts = client.browse(EntityType.GOODS_RECEIPT, BrowseQuery.all(1, 3));
    QadRecord r = receipts.rows().get(0);
    String po = r.fields().get("prh_nbr").asText();
    assertThat(r.businessKey()).isEqualTo(po);
    assertThat(r.sourceId())
        .isEqualTo(
            r.fields().get("prh_receiver").asText() + "|" + r.fields().get("prh_line").asText());
    assertThat(r.key())
        .isEqualTo(
            r.fields().get("prh_receiver").asText()
                + "|"
                + po
                + "|"
                + r.fields().get("prh_line").asText());
    assertThat(receipts.totalCount()).isEqualTo(sandbox.qad.table(QadEntity.GOODS_RECEIPT).size());

    BrowsePage lines = client.browse(EntityType.PURCHASE_ORDER_LINE, BrowseQuery.all(1, 1));
    assertThat(lines.rows().get(0).fields().has("pod_pur_cost")).isTrue();
    assertThat(lines.rows().get(0).businessKey())
        .isEqualTo(lines.rows().get(0).fields().get("pod_nbr").asText());
  }

  @Test
  void modifiedSinceReturnsOnlyNewerRows() {
    sandbox.clock.set(Instant.parse("2025-03-02T08:00:00Z"));
    sandbox.qad.change(QadEntity.SUPPLIER, "S00003", Map.of("vd_sort", "Renamed"));

    BrowsePage since =
        client.browse(
            EntityType.SUPPLIER,
            BrowseQuery.modifiedSince(Instant.parse("2025-03-02T08:00:00Z"), 1, 50));
    BrowsePage after =
        client.browse(
            EntityType.SUPPLIER,
            BrowseQuery.modifiedAfter(Instant.parse("2025-03-02T08:00:00Z"), 1, 50));

    assertThat(since.rows()).extracting(QadRecord::key).containsExactly("S00003");
    assertThat(since.rows().get(0).fields().get("vd_sort").asText()).isEqualTo("Renamed");
    assertThat(after.rows()).isEmpty();
  }
}
