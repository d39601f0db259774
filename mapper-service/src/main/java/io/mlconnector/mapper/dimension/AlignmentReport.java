package io.mlconnector.mapper.dimension;

import io.mlconnector.mapper.dimension.DimensionStore.Side;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * For each dimension both systems hold (cost centers, GL accounts): the ServiceNow codes that do
 * not resolve to an active QAD code (invoices coded with them would be parked), and the QAD codes
 * no ServiceNow code resolves to (clerks cannot code invoices to them).
 */
@ApplicationScoped
public class AlignmentReport {
  /** What is missing on each side. */
  public record Gaps(
      List<String> servicenowMissingInQad,
      List<String> servicenowInactiveInQad,
      List<String> qadMissingInServicenow) {}

  private static final List<Dimension> SHARED =
      List.of(Dimension.COST_CENTER, Dimension.GL_ACCOUNT);

  private final DimensionStore store;

  public AlignmentReport(DimensionStore store) {
    this.store = store;
  }

  public Map<String, Gaps> build(String tenant) {
    Map<String, Gaps> out = new LinkedHashMap<>();
    for (Dimension d : SHARED) {
      Map<String, Boolean> qad = store.codes(Side.QAD, tenant, d);
      Map<String, Boolean> servicenow = store.codes(Side.SERVICENOW, tenant, d);
      Map<String, String> mapping = store.mappings(tenant, d);
      Set<String> missing = new TreeSet<>();
      Set<String> inactive = new TreeSet<>();
      Set<String> reached = new TreeSet<>();
      for (String snCode : servicenow.keySet()) {
        String qadCode = mapping.getOrDefault(snCode, snCode);
        Boolean active = qad.get(qadCode);
        if (active == null) {
          missing.add(snCode);
        } else {
          reached.add(qadCode);
          if (!active) {
            inactive.add(snCode);
          }
        }
      }
      Set<String> unreached = new TreeSet<>(qad.keySet());
      unreached.removeAll(reached);
      out.put(
          d.wireName(),
          new Gaps(List.copyOf(missing), List.copyOf(inactive), List.copyOf(unreached)));
    }
    return out;
  }
}
