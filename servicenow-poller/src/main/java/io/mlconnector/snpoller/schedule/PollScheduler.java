package io.mlconnector.snpoller.schedule;

import io.mlconnector.common.tenant.Tenant;
import io.mlconnector.pollercore.schedule.DuePolls;
import io.mlconnector.pollercore.schedule.PollTargets;
import io.mlconnector.snpoller.config.ServiceNowPollerConfig;
import io.mlconnector.snpoller.poll.PollFamily;
import io.mlconnector.snpoller.poll.TenantPollRunner;
import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;

/**
 * Starts the due ServiceNow family polls on each tick ({@code mlc.servicenow.tick}); see {@link
 * DuePolls}.
 */
@Singleton
public class PollScheduler extends DuePolls<PollFamily> {
  private final TenantPollRunner runner;
  private final ServiceNowPollerConfig.Schedule defaults;

  public PollScheduler(
      PollTargets targets, TenantPollRunner runner, ServiceNowPollerConfig config) {
    super(targets, config.servicenow(), "servicenow-poll");
    this.runner = runner;
    this.defaults = config.servicenow().schedule();
  }

  @Override
  @Scheduled(
      every = "${mlc.servicenow.tick:5s}",
      delayed = "${mlc.servicenow.tick:5s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  protected void tick() {
    super.tick();
  }

  @Override
  protected List<PollFamily> families() {
    return List.of(PollFamily.values());
  }

  @Override
  protected Duration cadence(Tenant tenant, PollFamily family) {
    return tenant.schedule(family.scheduleKey(), family.defaultCadence(defaults));
  }

  @Override
  protected void run(Tenant tenant, List<PollFamily> due) {
    runner.tryRun(tenant, due);
  }
}
