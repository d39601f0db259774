package io.mlconnector.sandbox.servicenow.api;

import io.mlconnector.sandbox.servicenow.auth.Identity;
import java.util.Map;

/**
 * One authenticated REST call, whether it came over HTTP or inside a batch. {@code resource} is the
 * path after {@code /api/now/} without the version, e.g. {@code table/incident/<sys_id>}.
 */
public record ApiCall(
    String method, String resource, Map<String, String> params, byte[] body, Identity identity) {

  public String param(String name) {
    return params.get(name);
  }

  public boolean flag(String name) {
    return "true".equalsIgnoreCase(params.get(name));
  }

  /** Strips an optional {@code v1/} or {@code v2/} so versioned and plain paths route the same. */
  public static String unversioned(String resource) {
    return resource.matches("v\\d+/.*") ? resource.substring(resource.indexOf('/') + 1) : resource;
  }
}
