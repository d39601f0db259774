package io.mlconnector.qadpoller.schedule;

import io.mlconnector.common.tenant.Tenant;
import io.mlconnector.pollercore.schedule.DuePolls;
import io.mlconnector.pollercore.schedule.PollTargets;
import io.mlconnector.qadpoller.config.QadPollerConfig;
import io.mlconnector.qadpoller.poll.EntityFamily;
import io.mlconnector.qadpoller.poll.TenantPollRunner;
import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;

/**
 * Starts the due QAD entity-family polls on each tick ({@code mlc.qad.tick}); see {@link DuePolls}.
 */
@Singleton
public class PollScheduler extends DuePolls<EntityFamily> {
  private final TenantPollRunner runner;
  private final QadPollerConfig.Schedule defaults;

  public PollScheduler(PollTargets targets, TenantPollRunner runner, QadPollerConfig config) {
    super(targets, config.qad(), "qad-poll");
    this.runner = runner;
    this.defaults = config.qad().schedule();
  }

  @Override
  @Scheduled(
      every = "${mlc.qad.tick:5s}",
      delayed = "${mlc.qad.tick:5s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  protected void tick() {
    super.tick();
  }

  @Override
  protected List<EntityFamily> families() {
    return List.of(EntityFamily.values());
  }

  @Override
  protected Duration cadence(Tenant tenant, EntityFamily family) {
    return tenant.schedule(family.scheduleKey(), family.defaultCadence(defaults));
  }

  @Override
  protected void run(Tenant tenant, List<EntityFamily> due) {
    runner.tryRun(tenant, due);
  }
}
