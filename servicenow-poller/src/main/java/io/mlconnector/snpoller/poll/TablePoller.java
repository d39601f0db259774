package io.mlconnector.snpoller.poll;

import io.mlconnector.common.tenant.Tenant;
import io.mlconnector.snclient.ServiceNowClient;
import io.mlconnector.snclient.ServiceNowClients;
import io.mlconnector.snpoller.config.ServiceNowPollerConfig;
import io.mlconnector.snpoller.cursor.CursorStore;
import io.mlconnector.snpoller.read.KeysetPosition;
import io.mlconnector.snpoller.read.KeysetReader;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One poll of one tenant's table, from its cursor less the overlap to the end, or the whole table
 * when there is no cursor yet. Throws when ServiceNow or the broker fails; the pages acknowledged
 * before stay committed.
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

  public TableRun poll(Tenant tenant, SourceTable table, Counts counts) {
    Instant started = Instant.now();
    ServiceNowClient client = clients.forTenant(tenant);
    KeysetPosition start =
        cursors
            .find(tenant.id(), table.cursorName())
            .map(c -> KeysetPosition.from(c.lastModified().minus(config.overlap())))
            .orElse(null);
    PollMetrics.InitialLoad load =
        start == null ? metrics.initialLoad(tenant.id(), table.cursorName()) : null;
    String entity = table.publishedAs().wireName();
    new KeysetReader(
            client,
            table.tableName(config.tables()),
            config.tables().updatedColumn(),
            config.tables().idColumn(),
            config.pageSize())
        .read(
            start,
            total -> {
              if (load != null) {
                load.total(total);
              }
            },
            (rows, after) -> {
              PagePublisher.Outcome o =
                  pages.publish(
                      tenant.id(),
                      table.publishedAs(),
                      translator.records(client, table, rows),
                      table,
                      after);
              counts.read.addAndGet(rows.size());
              counts.published.addAndGet(o.published());
              counts.skipped.addAndGet(o.skipped());
              metrics.published(tenant.id(), entity, o.published());
              if (load != null) {
                load.advance(rows.size());
              }
            });
    if (load != null) {
      load.finish();
    }
    return counts.toRun(table, start == null, started, null);
  }

  /** Running counts, readable when a poll stops half-way. */
  public static final class Counts {
    final AtomicLong read = new AtomicLong();
    final AtomicLong published = new AtomicLong();
    final AtomicLong skipped = new AtomicLong();

    public long published() {
      return published.get();
    }

    public TableRun toRun(SourceTable table, boolean initial, Instant started, String error) {
      return new TableRun(
          table.cursorName(),
          initial,
          started,
          Instant.now(),
          read.get(),
          published.get(),
          skipped.get(),
          error);
    }
  }
}
