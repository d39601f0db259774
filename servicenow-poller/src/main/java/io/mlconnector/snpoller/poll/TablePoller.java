package io.mlconnector.snpoller.poll;

import io.mlconnector.common.event.SourceSystem;
import io.mlconnector.common.tenant.Tenant;
import io.mlconnector.pollercore.cursor.CursorPosition;
import io.mlconnector.pollercore.metrics.PollMetrics;
import io.mlconnector.pollercore.publish.PageOutcome;
import io.mlconnector.pollercore.publish.PagePublisher;
import io.mlconnector.pollercore.run.PollCounts;
import io.mlconnector.pollercore.run.PollPass;
import io.mlconnector.snclient.ServiceNowClient;
import io.mlconnector.snclient.ServiceNowClients;
import io.mlconnector.snclient.model.ServiceNowRecord;
import io.mlconnector.snpoller.config.ServiceNowPollerConfig;
import io.mlconnector.snpoller.cursor.CursorStore;
import io.mlconnector.snpoller.read.KeysetPosition;
import io.mlconnector.snpoller.read.KeysetReader;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * One poll of one tenant's table, from its cursor less the overlap to the end, or the whole table
 * when there is no cursor yet. Throws when ServiceNow or the broker fails; the pages acknowledged
 * before stay committed. After a complete read it prunes the published versions of the table's
 * entity that no later read can meet unchanged (see {@code CursorStore#prune}).
 */
@ApplicationScoped
public class TablePoller {
  private final ServiceNowClients clients;
  private final CursorStore cursors;
  private final PageTranslator translator;
  private final PagePublisher pages;
  private final PollMetrics metrics;
  private final ServiceNowPollerConfig.ServiceNow config;

  public TablePoller(
      ServiceNowClients clients,
      CursorStore cursors,
      PageTranslator translator,
      PagePublisher pages,
      PollMetrics metrics,
      ServiceNowPollerConfig config) {
    this.clients = clients;
    this.cursors = cursors;
    this.translator = translator;
    this.pages = pages;
    this.metrics = metrics;
    this.config = config.servicenow();
  }

  public TableRun poll(Tenant tenant, SourceTable table, PollCounts counts) {
    ServiceNowClient client = clients.forTenant(tenant);
    String name = table.cursorName();
    KeysetPosition start =
        cursors
            .resumeFrom(tenant.id(), name, config.overlap())
            .map(KeysetPosition::from)
            .orElse(null);
    PollPass pass =
        new PollPass(
            metrics,
            tenant.id(),
            name,
            table.publishedAs().wireName(),
            start == null,
            "ServiceNow",
            counts);
    new KeysetReader(
            client,
            table.tableName(config.tables()),
            config.tables().updatedColumn(),
            config.tables().idColumn(),
            config.pageSize(),
            config.hiddenRowScanLimit())
        .read(
            start,
            pass::total,
            (rows, after) -> pass.page(rows.size(), publish(tenant, client, table, rows, after)));
    cursors.prune(
        tenant.id(),
        table.publishedAs().wireName(),
        table.cursorsOfItsEntity(),
        config.overlap().plus(config.publishedVersionRetention()));
    return pass.finish(TableRun::new, name);
  }

  private PageOutcome publish(
      Tenant tenant,
      ServiceNowClient client,
      SourceTable table,
      List<ServiceNowRecord> rows,
      KeysetPosition after) {
    return pages.publish(
        tenant.id(),
        SourceSystem.SERVICENOW,
        table.publishedAs(),
        translator.records(client, table, rows).stream().map(ChangedRecord::toPolled).toList(),
        new CursorPosition(table.cursorName(), after.updatedOn(), after.sysId()));
  }
}
