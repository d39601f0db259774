package io.mlconnector.sandbox.servicenow.query;

import java.util.List;

/**
 * Encoded-query operators, in the order the parser tries them at one position: a longer token must
 * win over its prefix ({@code ISNOTEMPTY} before {@code IN}, {@code >=} before {@code >}).
 */
public enum Operator {
  IS_NOT_EMPTY("ISNOTEMPTY", false),
  IS_EMPTY("ISEMPTY", false),
  STARTS_WITH("STARTSWITH", true),
  ENDS_WITH("ENDSWITH", true),
  NOT_LIKE("NOT LIKE", true),
  LIKE("LIKE", true),
  NOT_IN("NOT IN", true),
  IN("IN", true),
  NOT_EQUALS("!=", true),
  GREATER_OR_EQUAL(">=", true),
  LESS_OR_EQUAL("<=", true),
  EQUALS("=", true),
  GREATER(">", true),
  LESS("<", true);

  private final String token;
  private final boolean takesValue;

  Operator(String token, boolean takesValue) {
    this.token = token;
    this.takesValue = takesValue;
  }

  public String token() {
    return token;
  }

  public boolean takesValue() {
    return takesValue;
  }

  /** Parser order: as declared. */
  static List<Operator> byPrecedence() {
    return List.of(values());
  }
}
