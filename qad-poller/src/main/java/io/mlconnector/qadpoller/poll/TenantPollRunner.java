package io.mlconnector.qadpoller.poll;

import io.mlconnector.common.event.EntityType;
import io.mlconnector.common.tenant.Tenant;
import io.mlconnector.pollercore.run.PollCounts;
import io.mlconnector.pollercore.run.TenantPolls;
import io.mlconnector.qadpoller.cursor.CursorStore;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a tenant's entity families, one run per tenant at a time, and remembers the last run of each
 * entity (poller-core's {@link TenantPolls}). A failed header poll stops its family's lines.
 */
@Singleton
public class TenantPollRunner extends TenantPolls<EntityFamily, EntityType, EntityRun> {
  private final EntityPoller poller;
  private final CursorStore cursors;

  public TenantPollRunner(EntityPoller poller, CursorStore cursors) {
    super("QAD", EntityRun::new);
    this.poller = poller;
    this.cursors = cursors;
  }

  /**
   * Resets the cursors of {@code entities}: their next poll reads from {@code since} (everything
   * when {@code null}) and re-sends what it reads, unchanged records included. Waits for a running
   * poll of the tenant, so none commits a page over the reset.
   */
  public void reset(Tenant tenant, List<EntityType> entities, Instant since) {
    whenIdle(
        tenant,
        () -> {
          entities.forEach(e -> cursors.reset(tenant.id(), e.wireName(), e.wireName(), since));
          return entities.size();
        });
  }

  /** Every family now, waiting for a scheduled run of the same tenant to finish first. */
  public List<EntityRun> runAll(Tenant tenant) {
    return whenIdle(tenant, () -> run(tenant, List.of(EntityFamily.values())));
  }

  /** The given families, unless the tenant is already being polled. */
  public Optional<List<EntityRun>> tryRun(Tenant tenant, List<EntityFamily> families) {
    return ifIdle(tenant, () -> run(tenant, families));
  }

  private List<EntityRun> run(Tenant tenant, List<EntityFamily> families) {
    List<EntityRun> runs = new ArrayList<>();
    families.forEach(f -> runs.addAll(runFamily(tenant, f)));
    return runs;
  }

  @Override
  protected List<EntityType> targetsOf(EntityFamily family) {
    return family.entities();
  }

  @Override
  protected String nameOf(EntityType entity) {
    return entity.wireName();
  }

  @Override
  protected EntityRun poll(Tenant tenant, EntityType entity, PollCounts counts) {
    return poller.poll(tenant, entity, counts);
  }
}
