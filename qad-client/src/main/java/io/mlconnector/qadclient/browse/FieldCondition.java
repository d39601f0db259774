package io.mlconnector.qadclient.browse;

/**
 * One more browse filter ({@code <field>,<operator>,<value>,literal}) ANDed to a query's modified
 * time filter, e.g. {@code pod_line gt 2} to read a tied second on from a known key.
 *
 * @param operator a QAD filter operator ({@code eq}, {@code gt}, ...)
 * @param value the value as QAD wrote it in a row (QAD compares it in the field's type)
 */
public record FieldCondition(String field, String operator, String value) {

  public FieldCondition {
    if (field == null || field.isBlank() || operator == null || value == null) {
      throw new IllegalArgumentException(
          "a field condition needs a field, an operator and a value");
    }
  }
}
