package io.mlconnector.qadpoller.poll;

import io.mlconnector.common.event.EntityType;
import io.mlconnector.common.tenant.Tenant;
import io.mlconnector.qadclient.QadClient;
import io.mlconnector.qadclient.QadClients;
import io.mlconnector.qadpoller.config.QadPollerConfig;
import io.mlconnector.qadpoller.cursor.CursorStore;
import io.mlconnector.qadpoller.cursor.PollCursor;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One modified-since poll of one tenant's entity, from its cursor (less the overlap) to the end, or
 * a full initial load when the tenant has no cursor yet. Throws when QAD or the broker fails; what
 * was acknowledged before stays committed.
 */
@ApplicationScoped
public class EntityPoller {
  private final QadClients clients;
  private final CursorStore cursors;
  private final PagePublisher pages;
  private final PollMetrics metrics;
  private final QadPollerConfig config;

  public EntityPoller(
      QadClients clients,
      CursorStore cursors,
      PagePublisher pages,
      PollMetrics metrics,
      QadPollerConfig config) {
    this.clients = clients;
    this.cursors = cursors;
    this.pages = pages;
    this.metrics = metrics;
    this.config = config;
  }

  public EntityRun poll(Tenant tenant, EntityType entity, Counts counts) {
    Instant started = Instant.now();
    QadClient client = clients.forTenant(tenant);
    String modifiedField = clients.mapping().of(entity).modifiedField();
    Instant since =
        cursors
            .find(tenant.id(), entity.wireName())
            .map(PollCursor::lastModified)
            .map(c -> c.minus(config.qad().overlap()))
            .orElse(null);
    PollMetrics.InitialLoad load =
        since == null ? metrics.initialLoad(tenant.id(), entity.wireName()) : null;
    new ChangeReader(client, entity, config.qad().pageSize())
        .read(
            since,
            total -> {
              if (load != null) {
                load.total(total);
              }
            },
            (rows, cursorAfter) -> {
              PagePublisher.Outcome o =
                  pages.publish(tenant.id(), entity, modifiedField, rows, cursorAfter);
              counts.read.addAndGet(rows.size());
              counts.published.addAndGet(o.published());
              counts.skipped.addAndGet(o.skipped());
              metrics.published(tenant.id(), entity.wireName(), o.published());
              if (load != null) {
                load.advance(rows.size());
              }
            });
    if (load != null) {
      load.finish();
    }
    return counts.toRun(entity, since == null, started, null);
  }

  /** Running counts, readable when a poll stops half-way. */
  public static final class Counts {
    final AtomicLong read = new AtomicLong();
    final AtomicLong published = new AtomicLong();
    final AtomicLong skipped = new AtomicLong();

    public EntityRun toRun(EntityType entity, boolean initial, Instant started, String error) {
      return new EntityRun(
          entity.wireName(),
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
