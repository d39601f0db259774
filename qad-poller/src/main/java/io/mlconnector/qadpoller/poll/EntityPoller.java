package io.mlconnector.qadpoller.poll;

import io.mlconnector.common.event.EntityType;
import io.mlconnector.common.event.SourceSystem;
import io.mlconnector.common.tenant.Tenant;
import io.mlconnector.pollercore.cursor.CursorPosition;
import io.mlconnector.pollercore.metrics.PollMetrics;
import io.mlconnector.pollercore.publish.PagePublisher;
import io.mlconnector.pollercore.publish.PolledRecord;
import io.mlconnector.pollercore.run.PollCounts;
import io.mlconnector.pollercore.run.PollPass;
import io.mlconnector.qadclient.QadClient;
import io.mlconnector.qadclient.QadClients;
import io.mlconnector.qadpoller.config.QadPollerConfig;
import io.mlconnector.qadpoller.cursor.CursorStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * One modified-since poll of one tenant's entity, from its cursor (less the overlap) to the end, or
 * a full initial load when the tenant has no cursor yet. Throws when QAD or the broker fails; what
 * was acknowledged before stays committed. After a complete read it prunes the entity's published
 * versions that no later read can meet again. Pages are published in the order read, each after the
 * one before is committed, while the next one is read (poller-core's {@code PagePipeline}).
 */
@ApplicationScoped
public class EntityPoller {
  private final QadClients clients;
  private final CursorStore cursors;
  private final PagePublisher pages;
  private final PollMetrics metrics;
  private final QadPollerConfig.Qad config;

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
    this.config = config.qad();
  }

  public EntityRun poll(Tenant tenant, EntityType entity, PollCounts counts) {
    QadClient client = clients.forTenant(tenant);
    String name = entity.wireName();
    var browse = clients.mapping().of(entity);
    Instant since = cursors.resumeFrom(tenant.id(), name, config.overlap()).orElse(null);
    PollPass pass = new PollPass(metrics, tenant.id(), name, name, since == null, "QAD", counts);
    ChangeReader reader = new ChangeReader(client, entity, config.pageSize(), browse.keyFields());
    // The next page is read while the previous one is published and committed.
    pages.pipelined(
        pipeline ->
            reader.read(
                since,
                pass::total,
                (rows, cursorAfter) -> {
                  List<PolledRecord> records = QadChanges.of(rows, browse.modifiedField());
                  CursorPosition after = QadChanges.cursorAfter(name, rows, cursorAfter);
                  pipeline.publish(
                      () ->
                          pass.page(
                              rows.size(),
                              pages.publish(
                                  tenant.id(), SourceSystem.QAD, entity, records, after)));
                }));
    cursors.prune(
        tenant.id(),
        name,
        List.of(name),
        config.overlap().plus(config.publishedVersionRetention()));
    return pass.finish(EntityRun::new, name);
  }
}
