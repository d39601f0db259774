package io.mlconnector.sandbox.servicenow.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A parsed {@code sysparm_query}: OR'd blocks (split by {@code ^NQ}); each block ANDs groups; each
 * group ORs adjacent conditions joined by {@code ^OR}. {@code invalidTerms} counts parts that could
 * not be parsed or name unknown fields: ServiceNow drops them silently unless the instance sets
 * {@code glide.invalid_query.returns_no_rows}.
 */
public record EncodedQuery(
    List<List<List<Condition>>> blocks, List<OrderBy> orderBy, int invalidTerms) {

  public static final EncodedQuery EMPTY = new EncodedQuery(List.of(), List.of(), 0);

  /** A copy without conditions and orderings on fields outside {@code knownFields}. */
  public EncodedQuery restrictTo(Set<String> knownFields) {
    int dropped = invalidTerms;
    List<List<List<Condition>>> keptBlocks = new ArrayList<>();
    for (List<List<Condition>> block : blocks) {
      List<List<Condition>> keptGroups = new ArrayList<>();
      for (List<Condition> group : block) {
        List<Condition> kept = new ArrayList<>();
        for (Condition c : group) {
          if (knownFields.contains(c.field())) {
            kept.add(c);
          } else {
            dropped++;
          }
        }
        if (!kept.isEmpty()) {
          keptGroups.add(kept);
        }
      }
      keptBlocks.add(keptGroups);
    }
    List<OrderBy> keptOrder = new ArrayList<>();
    for (OrderBy o : orderBy) {
      if (knownFields.contains(o.field())) {
        keptOrder.add(o);
      } else {
        dropped++;
      }
    }
    return new EncodedQuery(keptBlocks, keptOrder, dropped);
  }

  /** Row filter; {@code numericFields} compare as numbers. An empty block matches every row. */
  public Predicate<Map<String, String>> filter(Set<String> numericFields) {
    if (blocks.isEmpty()) {
      return row -> true;
    }
    return row -> blocks.stream().anyMatch(block -> blockMatches(block, row, numericFields));
  }

  private static boolean blockMatches(
      List<List<Condition>> block, Map<String, String> row, Set<String> numericFields) {
    return block.stream()
        .allMatch(
            group ->
                group.stream().anyMatch(c -> c.matches(row, numericFields.contains(c.field()))));
  }

  /** Row order from the ORDERBY terms; rows equal on all of them keep their stored order. */
  public Comparator<Map<String, String>> comparator(Set<String> numericFields) {
    Comparator<Map<String, String>> result = (a, b) -> 0;
    for (OrderBy o : orderBy) {
      boolean numeric = numericFields.contains(o.field());
      Comparator<Map<String, String>> one =
          (a, b) ->
              Condition.compare(
                  a.getOrDefault(o.field(), ""), b.getOrDefault(o.field(), ""), numeric);
      result = result.thenComparing(o.descending() ? one.reversed() : one);
    }
    return result;
  }
}
