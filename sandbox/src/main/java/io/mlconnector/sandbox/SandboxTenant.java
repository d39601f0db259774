package io.mlconnector.sandbox;

/**
 * Where one sandbox tenant's systems are and how to log in: what {@code .mlc/sandbox.json} holds
 * for each tenant, and what the console needs to onboard it. Sandbox credentials only.
 */
public record SandboxTenant(String id, Qad qad, ServiceNow servicenow) {

  /** The QAD tenant: base URL, workspace and password-grant credentials. */
  public record Qad(
      String tenantUrl, String workspace, String clientId, String username, String password) {}

  /** The ServiceNow instance: OAuth client credentials, plus the user for basic auth. */
  public record ServiceNow(
      String instanceUrl, String clientId, String clientSecret, String user, String password) {}
}
