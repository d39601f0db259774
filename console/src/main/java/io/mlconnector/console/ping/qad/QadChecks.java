package io.mlconnector.console.ping.qad;

import io.mlconnector.common.tenant.Tenant;
import io.mlconnector.console.ping.qad.QadProbe.QadFailure;
import io.mlconnector.console.ping.report.CheckSink;
import io.mlconnector.console.ping.report.PingCheck;
import io.mlconnector.console.ping.report.PingSystem;
import io.mlconnector.qadclient.QadAuthException;
import io.mlconnector.qadclient.QadConfigurationException;
import io.mlconnector.qadclient.QadException;
import io.mlconnector.qadclient.QadUnavailableException;

/**
 * Reads the token and workspace verdicts out of the first browse: QAD checks the bearer token first
 * and the {@code x-qad-workspace-id} header second, and the client turns each refusal into a {@link
 * QadAuthException} with its own hint.
 */
final class QadChecks {
  static final String WORKSPACE_HEADER = "x-qad-workspace-id";
  private static final PingSystem QAD = PingSystem.QAD;

  private QadChecks() {}

  /**
   * Adds the token and workspace checks.
   *
   * @param first the first browse's failure, or null when it answered
   * @return both passed, so the remaining browses are worth trying
   */
  static boolean tokenAndWorkspace(Tenant tenant, QadFailure first, CheckSink sink) {
    String tokenTried = QadProbe.tokenTried(tenant);
    String workspace = tenant.qad().workspace();
    String workspaceTried =
        "GET api/qracore/browses (page size 1) with " + WORKSPACE_HEADER + ": " + workspace;
    QadException e = first == null ? null : first.exception();
    if (e instanceof QadAuthException auth && isWorkspaceRefusal(auth)) {
      sink.add(PingCheck.passed(QadProbe.TOKEN_CHECK, QAD, tokenTried, "token issued"));
      sink.add(
          PingCheck.failed(
              QadProbe.WORKSPACE_CHECK,
              QAD,
              workspaceTried,
              "QAD refused the workspace sent in the "
                  + WORKSPACE_HEADER
                  + " header: set qad.workspace to a workspace the service account may use",
              e.getMessage()));
      return false;
    }
    if (e instanceof QadAuthException || e instanceof QadUnavailableException) {
      sink.add(PingCheck.failed(QadProbe.TOKEN_CHECK, QAD, tokenTried, fixFor(e, "login"), msg(e)));
      sink.add(
          PingCheck.failed(
              QadProbe.WORKSPACE_CHECK,
              QAD,
              "nothing (not tried)",
              "fix the check above first",
              "not tried: no QAD token"));
      return false;
    }
    // Success, or a failure past authentication that the browse check reports.
    sink.add(PingCheck.passed(QadProbe.TOKEN_CHECK, QAD, tokenTried, "token issued"));
    sink.add(PingCheck.passed(QadProbe.WORKSPACE_CHECK, QAD, workspaceTried, "workspace accepted"));
    return true;
  }

  static String fixFor(QadException e, String what) {
    if (e instanceof QadAuthException auth) {
      return auth.hint();
    }
    if (e instanceof QadUnavailableException) {
      return "QAD did not answer "
          + what
          + ": check the QAD base URL and that QAD is up, then ping again";
    }
    if (e instanceof QadConfigurationException) {
      return "check the QAD base URL and the browse mapping (mlc.qad-client.browse-mapping)";
    }
    return "QAD rejected " + what + ": check the browse mapping and the account's permissions";
  }

  private static boolean isWorkspaceRefusal(QadAuthException e) {
    return e.hint() != null && e.hint().contains(WORKSPACE_HEADER);
  }

  private static String msg(QadException e) {
    return e.getMessage();
  }
}
