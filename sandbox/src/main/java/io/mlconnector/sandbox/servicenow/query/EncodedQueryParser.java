package io.mlconnector.sandbox.servicenow.query;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses ServiceNow encoded queries ({@code sysparm_query}). Grammar as documented: terms joined by
 * {@code ^} (AND) or {@code ^OR} (OR with the previous term), blocks joined by {@code ^NQ} (OR of
 * blocks), {@code ORDERBYf} / {@code ORDERBYDESCf} anywhere. Operators are case-sensitive.
 */
public final class EncodedQueryParser {
  private static final Pattern DATE_GENERATE =
      Pattern.compile("javascript:gs\\.dateGenerate\\('([^']*)','([^']*)'\\)");

  private EncodedQueryParser() {}

  public static EncodedQuery parse(String query) {
    if (query == null || query.isBlank()) {
      return EncodedQuery.EMPTY;
    }
    List<List<List<Condition>>> blocks = new ArrayList<>();
    List<OrderBy> orderBy = new ArrayList<>();
    int invalid = 0;
    for (String blockText : query.split("\\^NQ", -1)) {
      List<List<Condition>> groups = new ArrayList<>();
      for (String rawTerm : blockText.split("\\^", -1)) {
        String term = rawTerm;
        if (term.isEmpty() || term.equals("EQ")) {
          continue;
        }
        if (term.startsWith("ORDERBYDESC")) {
          orderBy.add(new OrderBy(term.substring("ORDERBYDESC".length()), true));
          continue;
        }
        if (term.startsWith("ORDERBY")) {
          orderBy.add(new OrderBy(term.substring("ORDERBY".length()), false));
          continue;
        }
        boolean orWithPrevious = term.startsWith("OR") && !groups.isEmpty();
        if (orWithPrevious) {
          term = term.substring(2);
        }
        Condition condition = parseCondition(term);
        if (condition == null) {
          invalid++;
        } else if (orWithPrevious) {
          groups.get(groups.size() - 1).add(condition);
        } else {
          groups.add(new ArrayList<>(List.of(condition)));
        }
      }
      if (!groups.isEmpty()) {
        blocks.add(groups);
      }
    }
    return new EncodedQuery(blocks, orderBy, invalid);
  }

  /** The first operator found scanning left to right splits field from value; null if none. */
  static Condition parseCondition(String term) {
    for (int i = 1; i < term.length(); i++) {
      for (Operator op : Operator.byPrecedence()) {
        if (term.startsWith(op.token(), i)) {
          String field = term.substring(0, i);
          String value = term.substring(i + op.token().length());
          if (!op.takesValue() && !value.isEmpty()) {
            return null;
          }
          return field.matches("[A-Za-z0-9_.]+")
              ? new Condition(field, op, normalizeValue(value))
              : null;
        }
      }
    }
    return null;
  }

  /** Integrators often send {@code javascript:gs.dateGenerate('d','t')}; it means "d t". */
  private static String normalizeValue(String value) {
    Matcher m = DATE_GENERATE.matcher(value);
    return m.matches() ? m.group(1) + " " + m.group(2) : value;
  }
}
