package io.mlconnector.console.tenant.service;

import io.mlconnector.common.event.TenantId;
import io.mlconnector.common.http.ApiException;
import io.mlconnector.common.tenant.TenantUrlPolicy;
import io.mlconnector.common.tenant.TenantUrlPolicy.RejectedUrlException;
import io.mlconnector.console.config.ConsoleConfig;
import io.mlconnector.console.tenant.rest.TenantRequest;
import io.mlconnector.console.tenant.store.TenantRow;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Checks a request against the registry's rules and turns it into a {@link TenantDraft}. */
@ApplicationScoped
public class TenantValidator {
  private static final int MAX_URL = 2048;
  private static final int MAX_SECRET = 4096;

  private final TenantUrlPolicy urlPolicy;
  private final boolean consoleSandbox;

  public TenantValidator(TenantUrlPolicy urlPolicy, ConsoleConfig config) {
    this.urlPolicy = urlPolicy;
    this.consoleSandbox = config.sandboxMode();
  }

  /**
   * @param id the tenant id (from the body on create, from the path on update)
   * @param enabled the enabled flag to store (settings requests never change it)
   */
  TenantDraft validate(String id, TenantRequest r, boolean enabled) {
    if (r == null) {
      throw ApiException.badRequest("request body required", "send the tenant as JSON");
    }
    try {
      TenantId.requireValid(id);
    } catch (IllegalArgumentException e) {
      throw new ApiException(400, "invalid-tenant-id", e.getMessage(), "e.g. acme or acme-eu");
    }
    TenantRequest.QadSettings qad = required(r.qad(), "qad");
    TenantRequest.ServiceNowSettings sn = required(r.servicenow(), "servicenow");
    boolean sandbox = Boolean.TRUE.equals(r.sandbox());
    boolean allowPrivate = Boolean.TRUE.equals(r.allowPrivateNetwork());
    TenantRow row =
        new TenantRow(
            id,
            text(r.displayName(), "displayName", 200),
            enabled,
            url(qad.baseUrl(), "qad.baseUrl", sandbox, allowPrivate),
            text(qad.workspace(), "qad.workspace", 100),
            text(qad.clientId(), "qad.clientId", 200),
            text(qad.username(), "qad.username", 200),
            instanceUrl(sn.instanceUrl(), sandbox, allowPrivate),
            text(sn.clientId(), "servicenow.clientId", 200),
            Boolean.TRUE.equals(sn.batchApi()),
            sandbox,
            allowPrivate,
            ScheduleDurations.normalise(r.schedules()),
            overrides(r.mappingOverrides()),
            null,
            null);
    return new TenantDraft(
        row,
        secret(qad.password(), "qad.password"),
        secret(sn.clientSecret(), "servicenow.clientSecret"));
  }

  /**
   * A new tenant: everything {@link #validate} checks, and both secrets present (without them the
   * clients cannot even be built, so the first ping would only report a crash).
   */
  TenantDraft validateNew(String id, TenantRequest r) {
    TenantDraft draft = validate(id, r, true);
    requireSecret(draft.qadPassword(), "qad.password");
    requireSecret(draft.snClientSecret(), "servicenow.clientSecret");
    return draft;
  }

  private static void requireSecret(String value, String field) {
    if (value == null) {
      throw ApiException.badRequest(
          field + " is required for a new tenant",
          "send it on create; later updates may omit it to keep the stored value");
    }
  }

  private String instanceUrl(String value, boolean sandbox, boolean allowPrivate) {
    String url = url(value, "servicenow.instanceUrl", sandbox, allowPrivate);
    InstanceRoot.check(URI.create(url), "servicenow.instanceUrl");
    return url;
  }

  private String url(String value, String field, boolean sandbox, boolean allowPrivate) {
    String text = text(value, field, MAX_URL);
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      // The reason only: the input itself may carry user-info with a password.
      throw invalidUrl(field, "valid-url: " + e.getReason() + " at index " + e.getIndex(), null);
    }
    try {
      urlPolicy.validateBaseUrl(uri, sandbox && consoleSandbox, allowPrivate);
    } catch (RejectedUrlException e) {
      throw invalidUrl(field, e.getMessage(), e.rule());
    }
    return uri.toString();
  }

  private static ApiException invalidUrl(String field, String message, TenantUrlPolicy.Rule rule) {
    String hint =
        rule == null
            ? "use an absolute https URL, e.g. https://acme.service-now.com"
            : switch (rule) {
              case NO_PRIVATE_NETWORK ->
                  "if the system is customer-hosted on a private network, set"
                      + " allowPrivateNetwork=true on the tenant";
              case NO_LOOPBACK, HTTPS_REQUIRED ->
                  "use https to a public host; loopback and plain http are only for sandbox"
                      + " tenants (sandbox=true) on a console with mlc.console.sandbox-mode=true";
              case NO_USER_INFO -> "put credentials in the clientId/username/password fields";
              default -> "rule " + rule.code() + ": " + rule.description();
            };
    return new ApiException(400, "invalid-url", field + " rejected by " + message, hint);
  }

  private static <T> T required(T value, String field) {
    if (value == null) {
      throw ApiException.badRequest(field + " is required", "see the TenantRequest schema");
    }
    return value;
  }

  private static String text(String value, String field, int max) {
    if (value == null || value.isBlank()) {
      throw ApiException.badRequest(field + " is required", "see the TenantRequest schema");
    }
    if (value.length() > max) {
      throw ApiException.badRequest(field + " is longer than " + max + " characters", null);
    }
    return value.trim();
  }

  private static String secret(String value, String field) {
    if (value == null) {
      return null;
    }
    if (value.isEmpty() || value.length() > MAX_SECRET) {
      throw ApiException.badRequest(
          field + " must be 1-" + MAX_SECRET + " characters",
          "omit the field to keep the stored value");
    }
    return value;
  }

  private static Map<String, String> overrides(Map<String, String> in) {
    Map<String, String> out = new LinkedHashMap<>();
    if (in != null) {
      in.forEach(
          (k, v) -> {
            if (k.isBlank() || v == null) {
              throw ApiException.badRequest(
                  "mappingOverrides entries need a key and a string value", null);
            }
            out.put(k, v);
          });
    }
    return out;
  }
}
