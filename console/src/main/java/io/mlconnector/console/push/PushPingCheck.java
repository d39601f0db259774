package io.mlconnector.console.push;

import io.mlconnector.common.tenant.Tenant;
import io.mlconnector.console.ping.report.PingCheck;
import io.mlconnector.console.ping.report.PingSystem;

/**
 * The onboarding ping's line about push. Push is optional, so both answers pass; the detail says
 * which one it is and what follows from it.
 */
public final class PushPingCheck {
  public static final String NAME = "servicenow.push";

  private PushPingCheck() {}

  public static PingCheck of(Tenant tenant) {
    String tried = "the tenant's stored push secret (console registry)";
    return tenant.servicenow().pushSecret() != null
        ? PingCheck.passed(
            NAME,
            PingSystem.SERVICENOW,
            tried,
            "push configured: signed notifications to /notify/"
                + tenant.id()
                + " on servicenow-poller poll at once; the schedule still polls")
        : PingCheck.passed(
            NAME,
            PingSystem.SERVICENOW,
            tried,
            "push not configured (optional): invoices arrive on the poll schedule;"
                + " POST /tenants/"
                + tenant.id()
                + "/push-secret to set it up");
  }
}
