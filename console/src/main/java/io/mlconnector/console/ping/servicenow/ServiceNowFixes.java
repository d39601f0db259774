package io.mlconnector.console.ping.servicenow;

import io.mlconnector.snclient.error.ServiceNowAccessDeniedException;
import io.mlconnector.snclient.error.ServiceNowAuthException;
import io.mlconnector.snclient.error.ServiceNowException;
import io.mlconnector.snclient.error.ServiceNowNotFoundException;
import io.mlconnector.snclient.error.ServiceNowRejectedException;

/** What an administrator should do about a failed ServiceNow call, in one sentence. */
final class ServiceNowFixes {
  static final String GRANT_FIX =
      "on the instance, create the system property"
          + " glide.oauth.inbound.client.credential.grant_type.enabled=true and set the OAuth"
          + " Application User on the OAuth application registry entry (the connector runs as that"
          + " user, with its roles); also check the client id and secret";

  private ServiceNowFixes() {}

  static String forError(ServiceNowException e, ProbedTable t) {
    if (e instanceof ServiceNowAccessDeniedException) {
      return "grant the integration user (the OAuth Application User) " + t.roleAdvice();
    }
    if (e instanceof ServiceNowAuthException) {
      return "the token was refused: check the OAuth application registry entry and its user";
    }
    if (e instanceof ServiceNowNotFoundException || e instanceof ServiceNowRejectedException) {
      return "check that the application providing "
          + t.table()
          + " (Source-to-Pay integrations) is installed on the instance";
    }
    return "the instance did not answer properly (outage, hibernation, rate limit): wake it or"
        + " retry the ping later";
  }
}
