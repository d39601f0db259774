package io.mlconnector.sandbox.qad;

import io.mlconnector.sandbox.http.SimRequest;
import io.mlconnector.sandbox.http.SimResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@code GET {tenantUrl}/api/qracore/browses}: offset pages over the filtered table in (modified
 * time, key) order, evaluated afresh on every call, so rows modified between calls move, exactly
 * the hazard a connector reading a live system must survive.
 */
final class BrowseEndpoint {
  static final int DEFAULT_PAGE_SIZE = 50;
  static final int MAX_PAGE_SIZE = 1000;

  private final BrowseCatalog catalog;

  BrowseEndpoint(BrowseCatalog catalog) {
    this.catalog = catalog;
  }

  SimResponse browse(QadTenant tenant, SimRequest request) {
    String browseId = request.query("browseId");
    if (browseId == null || browseId.isBlank()) {
      return QadJson.error(400, "MISSING_BROWSE_ID", "browseId is required", "browseId", null);
    }
    Optional<BrowseCatalog.Browse> found = catalog.find(browseId);
    if (found.isEmpty()) {
      return QadJson.error(404, "UNKNOWN_BROWSE", "No such browse", "browseId", browseId);
    }
    tenant.counters().increment("browse " + browseId);
    BrowseCatalog.Browse browse = found.get();
    int pageSize;
    Predicate<QadRow> filter = row -> true;
    ModifiedRange range = new ModifiedRange();
    try {
      pageSize = Math.min(MAX_PAGE_SIZE, intParam(request, "pageSize", DEFAULT_PAGE_SIZE));
    } catch (IllegalArgumentException e) {
      return QadJson.error(400, "INVALID_PAGE", e.getMessage(), "pageSize", null);
    }
    try {
      for (String raw : request.queryValues("filter")) {
        BrowseFilter f = BrowseFilter.parse(raw, browse.entity());
        if (!(tenant.faults().isIgnoreKeyFilters()
            && browse.entity().keyFields().contains(f.field()))) {
          filter = filter.and(f);
          range.narrow(f);
        }
      }
    } catch (IllegalArgumentException e) {
      return QadJson.error(400, "INVALID_FILTER", e.getMessage(), "filter", null);
    }
    String action = request.query("pageAction");
    String pageText = request.query("page");
    // QAD's quirk: a browse not opened with page + pageAction answers 200 with no rows at all.
    if (pageText == null || !("first".equals(action) || "next".equals(action))) {
      return QadJson.ok(page(browse, 0, pageSize, 0, false, List.of()));
    }
    int page;
    try {
      page = Integer.parseInt(pageText);
    } catch (NumberFormatException e) {
      page = 0;
    }
    if (page < 1 || pageSize < 1) {
      return QadJson.error(
          400, "INVALID_PAGE", "page and pageSize must be positive", "page", pageText);
    }
    QadTable table = tenant.table(browse.entity());
    List<QadRow> rows = table.select(filter, range.from, range.to);
    int from = (int) Math.min(rows.size(), (long) (page - 1) * pageSize);
    List<QadRow> slice = rows.subList(from, Math.min(rows.size(), from + pageSize));
    boolean hasMore = from + slice.size() < rows.size();
    List<Map<String, Object>> data = new ArrayList<>(slice.size());
    slice.forEach(row -> data.add(row.toJson(browse.fields())));
    SimResponse response = QadJson.ok(page(browse, page, pageSize, rows.size(), hasMore, data));
    int modify = tenant.faults().getModifyDuringPagedRead();
    if (modify > 0 && hasMore) {
      // Served rows get re-modified: they jump behind the reader and shift every later page.
      rows.stream()
          .limit(Math.min(modify, from + slice.size()))
          .forEach(row -> table.change(row.key(), Map.of(), tenant.database().now()));
    }
    return response;
  }

  /**
   * The modified-time window the filters allow, so a browse scans from its cursor rather than the
   * whole table: a connector's paged read asks for "modified since" on every page. The filters are
   * still applied to every scanned row; the window only skips rows they would all reject.
   */
  private static final class ModifiedRange {
    Instant from;
    Instant to;

    void narrow(BrowseFilter f) {
      if (!QadEntity.MODIFIED_FIELD.equals(f.field()) || !(f.value() instanceof Instant at)) {
        return;
      }
      Instant second = at.truncatedTo(ChronoUnit.SECONDS);
      switch (f.operator()) {
        case EQ, GE, GT -> from = from == null || second.isAfter(from) ? second : from;
        default -> {}
      }
      switch (f.operator()) {
        case EQ, LE, LT -> to = to == null || at.isBefore(to) ? at : to;
        default -> {}
      }
    }
  }

  private static Map<String, Object> page(
      BrowseCatalog.Browse browse,
      int page,
      int pageSize,
      int total,
      boolean hasMore,
      List<Map<String, Object>> data) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("browseId", browse.browseId());
    body.put("table", browse.entity().table());
    body.put("page", page);
    body.put("pageSize", pageSize);
    body.put("totalCount", total);
    body.put("hasMore", hasMore);
    body.put("columns", browse.fields());
    body.put("data", data);
    return body;
  }

  private static int intParam(SimRequest request, String name, int fallback) {
    String value = request.query(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number: " + value);
    }
  }
}
