package io.mlconnector.stack.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.mlconnector.common.event.TenantId;
import io.mlconnector.stack.SharedStack;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;

/**
 * The operator commands of {@code ./mlc} against a running fleet: {@code ping <tenant>} asks the
 * console for the tenant's onboarding report; {@code rotate-key} re-encrypts every stored
 * credential under the active key; {@code status} shows each service's URL and readiness. The
 * console URL and API token come from {@code MLC_CONSOLE_URL} / {@code MLC_CONSOLE_API_TOKEN}, else
 * from the {@code fleet.json} a running {@code ./mlc up} or {@code ./mlc demo} wrote into the state
 * directory ({@code MLC_STATE_DIR}, default {@code .mlc}). Exit code 0 when the tenant is ready, 1
 * when a check failed or the fleet cannot be reached, 2 for a user error (one line, no trace).
 */
public final class PingMain {
  private static final String USAGE =
      "usage: ./mlc ping <tenant> | ./mlc rotate-key | ./mlc status [tenant]";

  private PingMain() {}

  public static void main(String[] args) {
    try {
      System.exit(run(args));
    } catch (OperatorApi.Failure e) {
      String hint = e.hint == null || e.hint.isBlank() ? "" : " (" + e.hint + ")";
      Cli.exit(e.status / 100 == 4 ? Cli.USER_ERROR : Cli.FAILED, e.getMessage() + hint);
    } catch (ConnectException | HttpTimeoutException e) {
      Cli.exit(
          Cli.FAILED, "cannot reach the console: is ./mlc up (or demo) still running? (" + e + ")");
    } catch (Exception e) {
      Cli.exit(Cli.FAILED, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  static int run(String[] args) throws Exception {
    boolean status = args.length >= 1 && args[0].equals("--status");
    if (args.length == 0 || args[0].isBlank() || args.length > (status ? 2 : 1)) {
      Cli.fail(USAGE);
    }
    String tenant = status ? (args.length == 2 ? args[1] : null) : args[0];
    boolean rotate = args[0].equals("--rotate-key");
    if (!rotate && tenant != null && !TenantId.isValid(tenant)) {
      Cli.fail(
          "'" + tenant + "' is not a tenant id (1-40 lowercase letters, digits, '-'); " + USAGE);
    }
    Path state = UpSettings.stateDir(System.getenv(), SharedStack.projectRoot());
    JsonNode fleet = FleetFile.read(state);
    boolean ready = status && FleetStatus.print(fleet, FleetFile.path(state), System.out);
    if (status
        && fleet.path("services").path("console").isMissingNode()
        && System.getenv("MLC_CONSOLE_URL") == null) {
      return Cli.FAILED;
    }
    String url = setting("MLC_CONSOLE_URL", fleet.path("services").path("console").asText(null));
    if (url == null) {
      Cli.fail(
          "no running ./mlc up or ./mlc demo found ("
              + FleetFile.path(state)
              + " is missing): start one, or set MLC_CONSOLE_URL and MLC_CONSOLE_API_TOKEN");
    }
    String token = setting("MLC_CONSOLE_API_TOKEN", FleetFile.token(fleet));
    if (token == null) {
      Cli.fail(
          "the console at "
              + url
              + " needs its operator token: set MLC_CONSOLE_API_TOKEN to the value ./mlc up was"
              + " started with");
    }
    OperatorApi api = new OperatorApi(token);
    if (status) {
      JsonNode tenants =
          api.get(URI.create(url).resolve(tenant == null ? "/status" : "/status/" + tenant));
      TenantStatusReport.print(
          tenants.isArray() ? tenants : JsonNodeFactory.instance.arrayNode().add(tenants),
          System.out);
      return ready ? 0 : Cli.FAILED;
    }
    if (rotate) {
      System.out.println(api.post(URI.create(url).resolve("/admin/crypto/rotate"), null));
      return 0;
    }
    JsonNode report = api.post(URI.create(url).resolve("/tenants/" + tenant + "/ping"), null);
    PingReport.print(report, System.out);
    return report.path("ready").asBoolean() ? 0 : Cli.FAILED;
  }

  private static String setting(String env, String fallback) throws IOException {
    String value = System.getenv(env);
    return value == null || value.isBlank() ? fallback : value;
  }
}
