package io.mlconnector.stack.fleet;

import io.mlconnector.sandbox.SandboxLandscape;
import io.mlconnector.sandbox.SandboxTenant;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/** What an operator needs to take over from {@code ./mlc up} or {@code ./mlc demo}. */
final class OperatorBlock {
  private static final String AUTH = "-H \"Authorization: Bearer $MLC_CONSOLE_API_TOKEN\"";

  private OperatorBlock() {}

  static void printGenerated(OperatorSecrets.Resolved secrets, PrintStream out) {
    for (String what : secrets.generated()) {
      out.printf("generated %s into %s (owner-only, 0600)%n", what, secrets.file());
    }
    if (!secrets.generated().isEmpty()) {
      out.println(
          "  keep that file: credentials stored in PostgreSQL cannot be decrypted without its key");
    }
  }

  /**
   * @param secretsFile where the token is, or null when it came from the environment
   */
  static void printUp(Fleet fleet, Path secretsFile, PrintStream out) {
    String console = fleet.service("console").baseUri().toString();
    out.println();
    out.println("operator");
    out.printf(
        "  console  %s  (the page: open it, paste the token; API docs %s/q/openapi)%n",
        console, console);
    out.printf(
        "  token    %s%n",
        secretsFile != null
            ? "MLC_CONSOLE_API_TOKEN in "
                + secretsFile
                + "; load it with: set -a; . "
                + secretsFile
                + "; set +a"
            : "the MLC_CONSOLE_API_TOKEN this was started with");
    out.println("  register a tenant (body: see the README's walkthrough):");
    out.printf(
        "    curl -s %s -H 'Content-Type: application/json' -d @tenant.json %s/tenants%n",
        AUTH, console);
    out.println("    ./mlc ping <tenant>     ./mlc status");
  }

  /**
   * @param auditSamples per tenant, the external id of one posted invoice
   */
  static void printDemo(
      Fleet fleet,
      SandboxLandscape sandbox,
      String token,
      Path fleetFile,
      Map<String, String> auditSamples,
      PrintStream out) {
    String console = fleet.service("console").baseUri().toString();
    String writer = fleet.service("writer-service").baseUri().toString();
    out.println();
    out.println("operator (demo only: throwaway token and data, gone when the demo stops)");
    out.printf("  console  %s  (open it in a browser, paste the token below, sign in)%n", console);
    out.printf("  writer   %s%n", writer);
    out.printf("  mapper   %s%n", fleet.service("mapper-service").baseUri());
    out.printf("  token    %s  (paste into the console page; also in %s)%n", token, fleetFile);
    for (SandboxTenant t : sandbox.tenants()) {
      out.printf("  tenant %s%n", t.id());
      out.printf(
          "    QAD         %s  workspace %s  client %s  user %s / %s%n",
          t.qad().tenantUrl(),
          t.qad().workspace(),
          t.qad().clientId(),
          t.qad().username(),
          t.qad().password());
      out.printf(
          "    ServiceNow  %s  client %s / %s%n",
          t.servicenow().instanceUrl(), t.servicenow().clientId(), t.servicenow().clientSecret());
    }
    String tenant = sandbox.tenants().get(0).id();
    out.println("  try (another shell, while the demo runs):");
    out.printf("    export MLC_CONSOLE_API_TOKEN=%s%n", token);
    out.printf("    curl -s %s %s/parked/%s%n", AUTH, console, tenant);
    out.printf(
        "    curl -s %s %s/audit/%s/%s%n",
        AUTH, console, tenant, auditSamples.getOrDefault(tenant, "<external-id>"));
    out.printf("    curl -s %s '%s/invoices/%s?status=POSTED'%n", AUTH, writer, tenant);
  }
}
