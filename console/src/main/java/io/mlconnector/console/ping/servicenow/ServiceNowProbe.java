package io.mlconnector.console.ping.servicenow;

import io.mlconnector.common.tenant.Tenant;
import io.mlconnector.console.ping.report.CheckSink;
import io.mlconnector.console.ping.report.PingCheck;
import io.mlconnector.console.ping.report.PingSystem;
import io.mlconnector.snclient.ServiceNowClient;
import io.mlconnector.snclient.ServiceNowClients;
import io.mlconnector.snclient.error.ServiceNowAuthException;
import io.mlconnector.snclient.error.ServiceNowException;
import io.mlconnector.snclient.error.ServiceNowUnavailableException;
import io.mlconnector.snclient.query.TableQuery;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The ServiceNow half of the ping: the client-credentials token, then a read and (where the fleet
 * writes) a write probe per table of {@link ProbedTable#ALL}. The client fetches its token on the
 * first call, so the token check is that first call, judged by how it failed, if it did.
 */
@ApplicationScoped
public class ServiceNowProbe {
  public static final String TOKEN_CHECK = "servicenow.token";
  private static final PingSystem SN = PingSystem.SERVICENOW;

  private final ServiceNowClients clients;
  private final TableWriteProbe writes;

  public ServiceNowProbe(ServiceNowClients clients, TableWriteProbe writes) {
    this.clients = clients;
    this.writes = writes;
  }

  /**
   * @param writeProbe whether an empty staging table may get an insert-and-delete probe row
   */
  public void run(Tenant tenant, CheckSink sink, boolean writeProbe) {
    String tried =
        "POST /oauth_token.do (grant_type=client_credentials, client_id="
            + tenant.servicenow().clientId()
            + ")";
    ServiceNowClient client;
    try {
      client = clients.forTenant(tenant);
    } catch (RuntimeException e) {
      sink.add(
          PingCheck.failed(
              TOKEN_CHECK,
              SN,
              tried,
              "check the instance URL and client settings",
              "client could not be set up: " + e.getClass().getSimpleName()));
      notTried(sink);
      return;
    }
    if (!tokenWorks(client, tried, sink)) {
      notTried(sink);
      return;
    }
    for (ProbedTable t : ProbedTable.ALL) {
      TableReadProbe.Outcome read = TableReadProbe.read(client, t, sink);
      if (t.write() == ProbedTable.WriteProbe.NONE) {
        continue;
      }
      if (read.answered()) {
        writes.write(client, t, read.visibleRow(), writeProbe, sink);
      } else {
        sink.add(notTriedCheck("servicenow.table." + t.table() + ".write", "the read failed"));
      }
    }
  }

  private static boolean tokenWorks(ServiceNowClient client, String tried, CheckSink sink) {
    String first = ProbedTable.ALL.get(0).table();
    try {
      client.query(TableQuery.of(first).pageSize(1));
    } catch (ServiceNowAuthException e) {
      boolean refused = e.getMessage().contains("access_denied");
      sink.add(
          PingCheck.failed(
              TOKEN_CHECK,
              SN,
              tried,
              refused
                  ? ServiceNowFixes.GRANT_FIX
                  : "check the client id and secret, and that the OAuth entity and its"
                      + " Application User are active",
              refused
                  ? "ServiceNow refused the grant:"
                      + " {\"error_description\":\"access_denied\",\"error\":\"server_error\"}"
                  : e.getMessage()));
      return false;
    } catch (ServiceNowUnavailableException e) {
      if (e.getMessage().contains("token")) {
        sink.add(
            PingCheck.failed(
                TOKEN_CHECK,
                SN,
                tried,
                "check the instance URL and that the instance is awake and reachable",
                e.getMessage()));
        return false;
      }
    } catch (ServiceNowException e) {
      // The token was accepted; the table check below reports what went wrong.
    }
    sink.add(
        PingCheck.passed(TOKEN_CHECK, SN, tried, "token issued and accepted by the Table API"));
    return true;
  }

  private static void notTried(CheckSink sink) {
    for (ProbedTable t : ProbedTable.ALL) {
      sink.add(notTriedCheck("servicenow.table." + t.table() + ".read", "no ServiceNow token"));
      if (t.write() != ProbedTable.WriteProbe.NONE) {
        sink.add(notTriedCheck("servicenow.table." + t.table() + ".write", "no ServiceNow token"));
      }
    }
  }

  private static PingCheck notTriedCheck(String name, String because) {
    return PingCheck.failed(
        name, SN, "nothing (not tried)", "fix the check above first", "not tried: " + because);
  }
}
