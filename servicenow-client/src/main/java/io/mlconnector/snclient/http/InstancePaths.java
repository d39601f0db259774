package io.mlconnector.snclient.http;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Builds API URLs under one tenant's instance URL. Table names and sys_ids are checked against
 * ServiceNow's formats, so no argument can add path segments, and links ServiceNow returns ({@code
 * rel="next"}) are followed only when they stay under the instance.
 */
public final class InstancePaths {
  private static final Pattern TABLE = Pattern.compile("[a-z][a-z0-9_]{0,79}");
  private static final Pattern SYS_ID = Pattern.compile("[0-9a-f]{32}");

  private final URI base;

  /** {@code instanceUrl} as registered for the tenant (validated by the console). */
  public InstancePaths(URI instanceUrl) {
    if (instanceUrl.getRawUserInfo() != null
        || instanceUrl.getRawQuery() != null
        || instanceUrl.getRawFragment() != null) {
      throw new IllegalArgumentException("instance URL must be a plain base URL: " + instanceUrl);
    }
    String text = instanceUrl.toString();
    this.base = URI.create(text.endsWith("/") ? text : text + "/");
  }

  public URI base() {
    return base;
  }

  public URI table(String table, Map<String, String> params) {
    return withQuery(resolve("api/now/table/" + checkTable(table)), params);
  }

  public URI record(String table, String sysId) {
    return resolve("api/now/table/" + checkTable(table) + "/" + checkSysId(sysId));
  }

  /** Path of a record relative to the instance, as the Batch API wants it. */
  public String recordPath(String table, String sysId) {
    String path = "/api/now/table/" + checkTable(table);
    return sysId == null ? path : path + "/" + checkSysId(sysId);
  }

  /** Path and query of a table read relative to the instance, as a Batch API GET wants it. */
  public String tablePath(String table, Map<String, String> params) {
    URI full = table(table, params);
    String relative = full.getRawPath().substring(base.getRawPath().length() - 1);
    return full.getRawQuery() == null ? relative : relative + "?" + full.getRawQuery();
  }

  public URI batch() {
    return resolve("api/now/v1/batch");
  }

  /** A URL ServiceNow handed back (paging link), accepted only under this instance. */
  public URI checkUnder(URI link) {
    URI normalized = link.normalize();
    String path = normalized.getRawPath() == null ? "" : normalized.getRawPath();
    if (!normalized.toString().startsWith(base.toString())
        || normalized.getRawUserInfo() != null
        || path.contains("/../")
        || path.endsWith("/..")) {
      throw new IllegalArgumentException(
          "link " + link + " leaves the tenant's instance " + base + "; refusing to follow it");
    }
    return normalized;
  }

  public static String checkTable(String table) {
    if (table == null || !TABLE.matcher(table).matches()) {
      throw new IllegalArgumentException("not a ServiceNow table name: " + table);
    }
    return table;
  }

  public static String checkSysId(String sysId) {
    if (sysId == null || !SYS_ID.matcher(sysId).matches()) {
      throw new IllegalArgumentException("not a sys_id: " + sysId);
    }
    return sysId;
  }

  private URI resolve(String relative) {
    return checkUnder(base.resolve(relative));
  }

  private static URI withQuery(URI uri, Map<String, String> params) {
    if (params.isEmpty()) {
      return uri;
    }
    String query =
        params.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    return URI.create(uri + "?" + query);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
