package io.mlconnector.mapper.invoice;

import io.mlconnector.mapper.dimension.Dimension;
import io.mlconnector.mapper.dimension.DimensionStore;
import io.mlconnector.mapper.dimension.DimensionStore.Side;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves the dimension codes of one invoice to QAD codes: the tenant's mapping table first, else
 * the same code (1:1), then checks the result exists and is active in QAD. Built per invoice so the
 * catalogs are read once, not once per line.
 */
final class DimensionAligner {
  /** A resolved QAD code, or why the line cannot be posted. */
  sealed interface Alignment {
    record Resolved(String qadCode) implements Alignment {}

    /**
     * @param missing the QAD code the line needs and QAD's catalog lacks (null when the code exists
     *     but is inactive): an invoice held for it is mapped again when QAD reports the code
     */
    record Rejected(String reason, MissingCode missing) implements Alignment {}
  }

  private final DimensionStore store;
  private final String tenant;
  private final Map<Dimension, Map<String, Boolean>> qadCatalog = new EnumMap<>(Dimension.class);

  DimensionAligner(DimensionStore store, String tenant) {
    this.store = store;
    this.tenant = tenant;
  }

  Alignment resolve(int lineNumber, Dimension d, String servicenowCode) {
    String code = servicenowCode == null ? "" : servicenowCode.trim();
    if (code.isEmpty()) {
      return new Alignment.Resolved(""); // QAD takes the PO line's value
    }
    Optional<String> mapped = store.mappedQadCode(tenant, d, code);
    String qadCode = mapped.orElse(code);
    Map<String, Boolean> known =
        qadCatalog.computeIfAbsent(d, x -> store.codes(Side.QAD, tenant, x));
    if (known.isEmpty()) {
      // Not synced from QAD yet: QAD itself validates the code and rejects what it lacks.
      return new Alignment.Resolved(qadCode);
    }
    String via = mapped.isPresent() ? " (mapped from " + code + ")" : "";
    Boolean active = known.get(qadCode);
    if (active == null) {
      return new Alignment.Rejected(
          String.format(
              "line %d: %s %s%s does not exist in QAD; add a dimension mapping for %s or create it"
                  + " in QAD, then replay the invoice",
              lineNumber, d.label(), qadCode, via, code),
          new MissingCode(d, qadCode));
    }
    if (!active) {
      return new Alignment.Rejected(
          String.format(
              "line %d: %s %s%s is inactive in QAD; recode the line in ServiceNow or map %s to an"
                  + " active %s, then replay the invoice",
              lineNumber, d.label(), qadCode, via, code, d.label()),
          null);
    }
    return new Alignment.Resolved(qadCode);
  }
}
