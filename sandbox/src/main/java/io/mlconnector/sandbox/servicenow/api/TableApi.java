package io.mlconnector.sandbox.servicenow.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.sandbox.http.SimResponse;
import io.mlconnector.sandbox.servicenow.ServiceNowInstance;
import io.mlconnector.sandbox.servicenow.table.AclDenial;
import io.mlconnector.sandbox.servicenow.table.TableDefinition;
import java.io.IOException;
import java.util.Map;

/** The Table API of one instance: single-record reads and writes; list reads go to TableListing. */
public final class TableApi {
  private final ServiceNowInstance instance;
  private final RecordRenderer renderer;
  private final TableListing listing;

  public TableApi(ServiceNowInstance instance) {
    this.instance = instance;
    this.renderer = new RecordRenderer(instance.url());
    this.listing = new TableListing(instance, renderer);
  }

  /** {@code resource} is {@code table/<name>[/<sys_id>]}. */
  public SimResponse handle(ApiCall call) {
    String[] parts = call.resource().split("/");
    if (parts.length < 2 || parts.length > 3) {
      return ApiErrors.error(400, "Requested URI does not represent any resource", null);
    }
    TableDefinition def = instance.catalog().table(parts[1]);
    if (def == null) {
      return ApiErrors.invalidTable(parts[1]);
    }
    String sysId = parts.length == 3 ? parts[2] : null;
    return switch (call.method()) {
      case "GET" -> sysId == null ? listing.list(call, def) : read(call, def, sysId);
      case "POST" -> sysId == null ? create(call, def) : notSupported();
      case "PUT", "PATCH" -> sysId == null ? notSupported() : update(call, def, sysId);
      case "DELETE" -> sysId == null ? notSupported() : delete(call, def, sysId);
      default -> notSupported();
    };
  }

  private SimResponse read(ApiCall call, TableDefinition def, String sysId) {
    boolean allowed = call.identity().hasAnyRole(def.requiredRoles());
    if (!allowed && def.denial() == AclDenial.FORBIDDEN) {
      return ApiErrors.aclReadDenied(def.name());
    }
    Map<String, String> row = instance.rows().get(def.name(), sysId);
    if (!allowed || row == null || isHiddenFrom(call, def, row)) {
      return ApiErrors.noRecord();
    }
    return result(200, call, def, row);
  }

  private SimResponse create(ApiCall call, TableDefinition def) {
    if (!call.identity().hasAnyRole(def.requiredRoles())) {
      return ApiErrors.aclWriteDenied("Insert");
    }
    Map<String, String> values;
    try {
      values = objectBody(call);
    } catch (IOException e) {
      return ApiErrors.invalidJson();
    }
    Map<String, String> row =
        instance.rows().insert(def.name(), values, call.identity().userName());
    return result(201, call, def, row)
        .withHeader("Location", renderer.recordUrl(def.name(), row.get("sys_id")));
  }

  private SimResponse update(ApiCall call, TableDefinition def, String sysId) {
    if (!call.identity().hasAnyRole(def.requiredRoles())) {
      return ApiErrors.aclWriteDenied("Update");
    }
    Map<String, String> existing = instance.rows().get(def.name(), sysId);
    if (existing == null || isHiddenFrom(call, def, existing)) {
      return ApiErrors.noRecord();
    }
    Map<String, String> values;
    try {
      values = objectBody(call);
    } catch (IOException e) {
      return ApiErrors.invalidJson();
    }
    Map<String, String> row =
        instance.rows().update(def.name(), sysId, values, call.identity().userName());
    return row == null ? ApiErrors.noRecord() : result(200, call, def, row);
  }

  private SimResponse delete(ApiCall call, TableDefinition def, String sysId) {
    if (!call.identity().hasAnyRole(def.requiredRoles())) {
      return ApiErrors.aclWriteDenied("Delete");
    }
    Map<String, String> existing = instance.rows().get(def.name(), sysId);
    if (existing == null || isHiddenFrom(call, def, existing)) {
      return ApiErrors.noRecord();
    }
    instance.rows().delete(def.name(), sysId);
    return SimResponse.empty(204);
  }

  private boolean isHiddenFrom(ApiCall call, TableDefinition def, Map<String, String> row) {
    return !call.identity().roles().contains("admin") && instance.isHidden(def.name(), row);
  }

  private SimResponse result(
      int status, ApiCall call, TableDefinition def, Map<String, String> row) {
    Map<String, Object> rendered =
        renderer.render(
            def, row, call.param("sysparm_fields"), call.flag("sysparm_exclude_reference_link"));
    return Json.response(status, Map.of("result", rendered));
  }

  private static Map<String, String> objectBody(ApiCall call) throws IOException {
    JsonNode node = Json.read(call.body());
    if (!node.isObject()) {
      throw new IOException("not an object");
    }
    return Json.recordValues(node);
  }

  private static SimResponse notSupported() {
    return ApiErrors.error(405, "Method not Supported", "Requested method is not supported");
  }
}
