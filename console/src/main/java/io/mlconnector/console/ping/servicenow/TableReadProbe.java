package io.mlconnector.console.ping.servicenow;

import io.mlconnector.console.ping.report.CheckSink;
import io.mlconnector.console.ping.report.PingCheck;
import io.mlconnector.console.ping.report.PingSystem;
import io.mlconnector.snclient.ServiceNowClient;
import io.mlconnector.snclient.error.ServiceNowException;
import io.mlconnector.snclient.model.ServiceNowRecord;
import io.mlconnector.snclient.model.TablePage;
import io.mlconnector.snclient.query.TableQuery;
import java.util.Optional;

/**
 * Reads one row of a table and judges the answer. ServiceNow hides a missing role or a row ACL
 * behind an empty result, so an empty page is read together with {@code X-Total-Count}: rows that
 * exist but are not returned point at the role the reference names for the table.
 */
final class TableReadProbe {
  private static final PingSystem SN = PingSystem.SERVICENOW;

  private TableReadProbe() {}

  /** Whether the table answered, and the first visible row (for the write probe), if any. */
  record Outcome(boolean answered, Optional<ServiceNowRecord> visibleRow) {}

  static Outcome read(ServiceNowClient client, ProbedTable t, CheckSink sink) {
    String name = "servicenow.table." + t.table() + ".read";
    String tried = "GET /api/now/table/" + t.table() + "?sysparm_limit=1";
    TablePage page;
    try {
      page = client.query(TableQuery.of(t.table()).pageSize(1));
    } catch (ServiceNowException e) {
      sink.add(PingCheck.failed(name, SN, tried, ServiceNowFixes.forError(e, t), e.getMessage()));
      return new Outcome(false, Optional.empty());
    }
    long total = page.totalCount().orElse(-1);
    if (!page.records().isEmpty()) {
      sink.add(PingCheck.passed(name, SN, tried, "readable; " + totalText(total)));
      return new Outcome(true, Optional.of(page.records().get(0)));
    }
    if (total > 0) {
      sink.add(
          PingCheck.warning(
              name,
              SN,
              tried,
              "grant the integration user "
                  + t.roleAdvice()
                  + ", and check row-level read ACLs on "
                  + t.table(),
              "rows exist but none are visible (X-Total-Count: "
                  + total
                  + ", 0 rows returned): the account probably lacks "
                  + t.roleAdvice()
                  + ", or a read ACL hides the rows"));
    } else if (t.expectRows()) {
      sink.add(
          PingCheck.warning(
              name,
              SN,
              tried,
              "if "
                  + t.table()
                  + " has rows on the instance, grant the integration user "
                  + t.roleAdvice(),
              "no rows returned: this table holds master data on a live instance, and ServiceNow"
                  + " answers an empty list (not 403) when the account lacks "
                  + t.roleAdvice()));
    } else {
      sink.add(PingCheck.passed(name, SN, tried, "readable; the table is empty"));
    }
    return new Outcome(true, Optional.empty());
  }

  private static String totalText(long total) {
    return total < 0 ? "no X-Total-Count" : total + " row(s) in total";
  }
}
