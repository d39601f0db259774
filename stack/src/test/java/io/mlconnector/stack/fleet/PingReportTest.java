package io.mlconnector.stack.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** ./mlc ping shows the failure that matters and one line for what could not be tried. */
class PingReportTest {
  private static final String REPORT =
      """
      {"tenant":"acme","ready":false,"summary":"0 passed, 0 warning(s), 4 failed","checks":[
       {"name":"qad.token","system":"QAD","status":"FAILED","tried":"POST oauth/token",
        "fix":"check the QAD user and password","detail":"QAD refused the password grant: 401"},
       {"name":"qad.workspace","system":"QAD","status":"FAILED","tried":"nothing (not tried)",
        "fix":"fix the check above first","detail":"not tried: no QAD token"},
       {"name":"qad.browse.suppliers","system":"QAD","status":"FAILED",
        "tried":"nothing (not tried)","fix":"fix the check above first","detail":"not tried"},
       {"name":"qad.browse.purchase-orders","system":"QAD","status":"FAILED",
        "tried":"nothing (not tried)","fix":"fix the check above first","detail":"not tried"}]}
      """;

  @Test
  void showsTheFirstFailuresCauseAndCollapsesWhatWasNotTried() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PingReport.print(
        new ObjectMapper().readTree(REPORT),
        new PrintStream(bytes, true, StandardCharsets.UTF_8),
        false);
    String text = bytes.toString(StandardCharsets.UTF_8);

    assertThat(text).contains("cause: QAD refused the password grant: 401");
    assertThat(text.lines().filter(l -> l.contains("FAILED"))).hasSize(1);
    assertThat(text.lines().filter(l -> l.contains("not tried"))).hasSize(1);
    assertThat(text)
        .contains(
            "3 more QAD check(s) not tried until the failure above is fixed: qad.workspace,"
                + " qad.browse.suppliers, qad.browse.purchase-orders");
  }
}
