package io.mlconnector.qadpoller.poll;

import io.mlconnector.common.event.EntityType;
import io.mlconnector.common.tenant.Tenant;
import io.mlconnector.pollercore.health.ReadStalls;
import io.mlconnector.pollercore.run.PollCounts;
import io.mlconnector.pollercore.run.TenantPolls;
import jakarta.inject.Singleton;
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

  public TenantPollRunner(EntityPoller poller, ReadStalls stalls) {
    super("QAD", EntityRun::new, stalls);
    this.poller = poller;
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
  protected List<EntityFamily> families() {
    return List.of(EntityFamily.values());
  }

  @Override
  protected List<EntityType> targetsOf(EntityFamily family) {
    return family.entities();
  }

  @Override
  protected String entityOf(EntityType entity) {
    return entity.wireName();
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
