package io.mlconnector.writer.servicenow.service;

import io.mlconnector.snclient.error.ServiceNowAccessDeniedException;
import io.mlconnector.snclient.error.ServiceNowException;
import io.mlconnector.snclient.error.ServiceNowNotFoundException;
import io.mlconnector.snclient.error.ServiceNowRejectedException;

/** Which ServiceNow errors park a record, and reasons written for the person who has to act. */
final class ParkReasons {
  private ParkReasons() {}

  /**
   * Data problems (the row, the table's ACL, a vanished record): retrying the same write cannot
   * help. Everything else (outage, rate limit, credentials) holds the record for a retry.
   */
  static boolean isDataProblem(ServiceNowException e) {
    return e instanceof ServiceNowRejectedException
        || e instanceof ServiceNowAccessDeniedException
        || e instanceof ServiceNowNotFoundException;
  }

  static String refused(String table, String externalId, String sysId, ServiceNowException e) {
    if (e instanceof ServiceNowAccessDeniedException) {
      return "ServiceNow denied writing staging table "
          + table
          + " (ACL, 403): give the OAuth Application User a role that may "
          + (sysId == null ? "insert into" : "update")
          + " it (e.g. sn_fcms_intg.integration_user), then replay. ServiceNow said: "
          + e.getMessage();
    }
    if (e instanceof ServiceNowNotFoundException) {
      return "staging row "
          + sysId
          + " of "
          + externalId
          + " in "
          + table
          + " is recorded as written but is gone or not readable in ServiceNow; check the"
          + " table's read ACL (a lookup that cannot see rows would create duplicates),"
          + " then replay. ServiceNow said: "
          + e.getMessage();
    }
    return "ServiceNow refused staging row "
        + externalId
        + " for "
        + table
        + ": "
        + e.getMessage()
        + ". Correct the source record or the field mapping, then replay.";
  }

  static String lookupFailed(String table, ServiceNowException e) {
    return "could not look up existing rows in staging table "
        + table
        + (e instanceof ServiceNowAccessDeniedException
            ? " (read denied, 403): give the OAuth Application User read access to the table, then"
                + " replay. "
            : ": ")
        + e.getMessage();
  }

  static String writeFailed(String table, String externalId, ServiceNowException e) {
    return "writing " + externalId + " to " + table + " failed, will retry: " + e.getMessage();
  }
}
