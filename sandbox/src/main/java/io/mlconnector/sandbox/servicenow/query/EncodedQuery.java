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
    // Compiled once per query, then tested against every row of the table.
    List<List<List<Predicate<Map<String, String>>>>> compiled = new ArrayList<>();
    for (List<List<Condition>> block : blocks) {
      List<List<Predicate<Map<String, String>>>> groups = new ArrayList<>();
      for (List<Condition> group : block) {
        List<Predicate<Map<String, String>>> terms = new ArrayList<>();
        group.forEach(c -> terms.add(c.matcher(numericFields.contains(c.field()))));
        groups.add(terms);
      }
      compiled.add(groups);
    }
    return row -> anyBlockMatches(compiled, row);
  }

  private static boolean anyBlockMatches(
      List<List<List<Predicate<Map<String, String>>>>> blocks, Map<String, String> row) {
    for (List<List<Predicate<Map<String, String>>>> block : blocks) {
      if (allGroupsMatch(block, row)) {
        return true;
      }
    }
    return false;
  }

  private static boolean allGroupsMatch(
      List<List<Predicate<Map<String, String>>>> groups, Map<String, String> row) {
    for (List<Predicate<Map<String, String>>> group : groups) {
      if (!anyTermMatches(group, row)) {
        return false;
      }
    }
    return true;
  }

  private static boolean anyTermMatches(
      List<Predicate<Map<String, String>>> terms, Map<String, String> row) {
    for (Predicate<Map<String, String>> term : terms) {
      if (term.test(row)) {
        return true;
      }
    }
    return false;
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
