package io.mlconnector.sandbox.servicenow.api;

import io.mlconnector.sandbox.http.SimResponse;
import io.mlconnector.sandbox.servicenow.ServiceNowInstance;
import io.mlconnector.sandbox.servicenow.query.EncodedQuery;
import io.mlconnector.sandbox.servicenow.query.EncodedQueryParser;
import io.mlconnector.sandbox.servicenow.table.AclDenial;
import io.mlconnector.sandbox.servicenow.table.TableDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/now/table/<name>}: filter and order by the encoded query, count, cut the page
 * with {@code sysparm_offset}/{@code sysparm_limit} (default 10000), and only then apply read ACLs,
 * the way ServiceNow does: a page can be short or empty while {@code X-Total-Count} and {@code
 * rel="next"} still report more rows.
 */
final class TableListing {
  static final int DEFAULT_LIMIT = 10000;

  private final ServiceNowInstance instance;
  private final RecordRenderer renderer;

  TableListing(ServiceNowInstance instance, RecordRenderer renderer) {
    this.instance = instance;
    this.renderer = renderer;
  }

  SimResponse list(ApiCall call, TableDefinition def) {
    boolean tableAllowed = call.identity().hasAnyRole(def.requiredRoles());
    if (!tableAllowed && def.denial() == AclDenial.FORBIDDEN) {
      return ApiErrors.aclReadDenied(def.name());
    }
    List<Map<String, String>> matches = matching(call, def);
    int total = matches.size();
    int offset = intParam(call, "sysparm_offset", 0);
    int limit = intParam(call, "sysparm_limit", DEFAULT_LIMIT);
    if (limit <= 0) {
      limit = DEFAULT_LIMIT;
    }
    List<Object> page = new ArrayList<>();
    boolean admin = call.identity().roles().contains("admin");
    for (int i = offset; i < Math.min(total, offset + limit); i++) {
      Map<String, String> row = matches.get(i);
      if (tableAllowed && (admin || !instance.isHidden(def.name(), row))) {
        page.add(
            renderer.render(
                def,
                row,
                call.param("sysparm_fields"),
                call.flag("sysparm_exclude_reference_link")));
      }
    }
    boolean more = (long) offset + limit < total;
    boolean noCount = call.flag("sysparm_no_count");
    SimResponse response = Json.response(200, Map.of("result", page));
    if (!noCount) {
      response = response.withHeader("X-Total-Count", String.valueOf(total));
    }
    if (!call.flag("sysparm_suppress_pagination_header")) {
      String listUrl = instance.url() + "/api/now/table/" + def.name();
      response =
          response.withHeader(
              "Link",
              PageLinks.header(
                  listUrl, linkParams(call), offset, limit, noCount ? -1 : total, more));
    }
    if (offset == 0) {
      int touch = instance.faults().drawTouchAfterFirstPage(def.name());
      if (touch > 0) {
        instance.rows().touch(def.name(), touch, "system");
      }
    }
    return response;
  }

  private List<Map<String, String>> matching(ApiCall call, TableDefinition def) {
    EncodedQuery query =
        EncodedQueryParser.parse(call.param("sysparm_query")).restrictTo(def.fieldNames());
    if (query.invalidTerms() > 0
        && instance.propertyIsTrue(ServiceNowInstance.INVALID_QUERY_PROPERTY)) {
      return List.of();
    }
    List<Map<String, String>> matches =
        instance.rows().select(def.name(), query.filter(def.numericFields()));
    if (!query.orderBy().isEmpty()) {
      matches.sort(query.comparator(def.numericFields()));
    }
    return matches;
  }

  /** The caller's parameters minus paging, which each link sets itself. */
  private static Map<String, String> linkParams(ApiCall call) {
    Map<String, String> p = new LinkedHashMap<>(call.params());
    p.remove("sysparm_offset");
    p.remove("sysparm_limit");
    return p;
  }

  private static int intParam(ApiCall call, String name, int fallback) {
    try {
      String v = call.param(name);
      return v == null ? fallback : Math.max(0, Integer.parseInt(v.trim()));
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
