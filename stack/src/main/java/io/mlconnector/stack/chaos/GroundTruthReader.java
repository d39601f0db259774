package io.mlconnector.stack.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.sandbox.SandboxLandscape;
import io.mlconnector.sandbox.qad.QadEntity;
import io.mlconnector.sandbox.qad.QadRow;
import io.mlconnector.sandbox.qad.QadTenant;
import io.mlconnector.sandbox.servicenow.ServiceNowInstance;
import io.mlconnector.sandbox.servicenow.clerk.AccountsPayableClerk;
import io.mlconnector.stack.chaos.GroundTruth.ExpectedRow;
import io.mlconnector.stack.chaos.GroundTruth.Parked;
import io.mlconnector.stack.chaos.GroundTruth.QadInvoice;
import io.mlconnector.stack.chaos.GroundTruth.SnInvoice;
import io.mlconnector.stack.chaos.GroundTruth.StagingRow;
import io.mlconnector.stack.fleet.DemoScenario;
import io.mlconnector.stack.fleet.OperatorApi;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@link GroundTruth} from the simulators' own tables. What a staging row should hold is
 * rendered from the mapper's mapping file (its templates: {@code {field}}, {@code {field|date}},
 * {@code |not}, {@code |bool}), so a changed mapping changes the expectation with it.
 */
final class GroundTruthReader {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_]+)(?:\\|([a-z]+))?}");
  static final String MAPPING =
      "common/src/main/resources/" + io.mlconnector.common.mapping.StagingTargets.RESOURCE;

  private final SandboxLandscape sandbox;
  private final ChaosInvoices invoices;
  private final PoisonedRecords poisoned;
  private final Map<String, JsonNode> mappingByTable = new LinkedHashMap<>();

  GroundTruthReader(
      Path root, SandboxLandscape sandbox, ChaosInvoices invoices, PoisonedRecords poisoned)
      throws IOException {
    this.sandbox = sandbox;
    this.invoices = invoices;
    this.poisoned = poisoned;
    JSON.readTree(Files.readString(root.resolve(MAPPING)))
        .fields()
        .forEachRemaining(
            e -> {
              if (e.getValue().has("table")) {
                mappingByTable.put(e.getValue().get("table").asText(), e.getValue());
              }
            });
  }

  GroundTruth read(List<String> tenants, OperatorApi api, URI console) {
    List<ExpectedRow> expected = new ArrayList<>();
    List<StagingRow> staging = new ArrayList<>();
    List<QadInvoice> qadInvoices = new ArrayList<>();
    List<SnInvoice> snInvoices = new ArrayList<>();
    List<Parked> parked = new ArrayList<>();
    for (String tenant : tenants) {
      QadTenant qad = sandbox.qad().tenant(tenant);
      ServiceNowInstance sn = sandbox.servicenow().instance(tenant);
      DemoScenario.STAGING.forEach(
          (entity, table) -> {
            JsonNode mapping = mappingByTable.get(table);
            // Only columns the staging table has: ServiceNow drops the others on insert.
            var columns = sn.table(table).columns().keySet();
            for (QadRow row : qad.table(entity).all()) {
              expected.add(expected(tenant, table, entity, row, mapping, columns));
            }
            for (Map<String, String> row : sn.rows().snapshot(table)) {
              staging.add(
                  new StagingRow(tenant, table, row.get("u_external_id"), row.get("sys_id"), row));
            }
          });
      qad.invoices()
          .all()
          .forEach(
              i ->
                  qadInvoices.add(
                      new QadInvoice(
                          tenant, i.supplier(), i.invoiceReference(), i.voucher(), i.status())));
      for (Map<String, String> row : sn.rows().snapshot(AccountsPayableClerk.OUTBOUND_INVOICE)) {
        ChaosInvoices.Approved approved = invoices.approved(row.get("sys_id"));
        if (approved != null) {
          snInvoices.add(
              new SnInvoice(
                  tenant,
                  row.get("sys_id"),
                  row.get("supplier_code"),
                  row.get("invoice_reference"),
                  row.get("integration_status"),
                  row.getOrDefault("erp_number", ""),
                  approved.expectation(),
                  approved.resubmittable()));
        }
      }
      parked.addAll(parked(tenant, api, console));
    }
    long violations =
        sandbox.qad().retryAfterViolations() + sandbox.servicenow().retryAfterViolations();
    List<String> calls = new ArrayList<>();
    sandbox.qad().retryAfterViolationCalls().forEach(c -> calls.add("qad " + c));
    sandbox.servicenow().retryAfterViolationCalls().forEach(c -> calls.add("servicenow " + c));
    return new GroundTruth(
        expected, staging, qadInvoices, snInvoices, violations, calls, parked, poisoned.sent());
  }

  private static ExpectedRow expected(
      String tenant,
      String table,
      QadEntity entity,
      QadRow row,
      JsonNode mapping,
      java.util.Set<String> known) {
    Map<String, String> columns = new LinkedHashMap<>();
    mapping
        .path("columns")
        .fields()
        .forEachRemaining(
            c -> {
              if (known.contains(c.getKey())) {
                columns.put(c.getKey(), render(c.getValue().asText(), entity, row));
              }
            });
    return new ExpectedRow(
        tenant, table, render(mapping.path("externalId").asText(), entity, row), columns);
  }

  static String render(String template, QadEntity entity, QadRow row) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String field = m.group(1);
      String value = "";
      if (entity.hasField(field)) {
        Object json = row.toJson(List.of(field)).get(field);
        value = json == null ? "" : JSON.valueToTree(json).asText();
      }
      m.appendReplacement(out, Matcher.quoteReplacement(filter(value, m.group(2))));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String filter(String value, String filter) {
    if (filter == null || value.isEmpty()) {
      return value;
    }
    boolean truthy = List.of("true", "yes", "y", "1").contains(value.trim().toLowerCase());
    return switch (filter) {
      case "date" -> value.length() >= 10 ? value.substring(0, 10) : value;
      case "bool" -> Boolean.toString(truthy);
      case "not" -> Boolean.toString(!truthy);
      default -> value;
    };
  }

  /** The console's open parkings; an unreadable list counts as a parking without a reason. */
  private static List<Parked> parked(String tenant, OperatorApi api, URI console) {
    List<Parked> out = new ArrayList<>();
    try {
      for (JsonNode p : api.get(console.resolve("/parked/" + tenant))) {
        out.add(
            new Parked(
                tenant,
                p.path("entity").asText(),
                p.path("sourceId").asText(),
                p.path("reason").asText("")));
      }
    } catch (IOException e) {
      out.add(new Parked(tenant, "(parked list unreadable: " + e.getMessage() + ")", "", ""));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return out;
  }
}
