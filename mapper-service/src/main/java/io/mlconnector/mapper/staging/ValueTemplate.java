package io.mlconnector.mapper.staging;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A column template from the mapping configuration: literal text with {@code {field}} or {@code
 * {field|filter}} placeholders. Parsed once, rendered per record; ServiceNow wants every value as a
 * string, so rendering always yields one.
 */
final class ValueTemplate {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_]+)(?:\\|([a-z]+))?}");

  private sealed interface Part permits Literal, Field {}

  private record Literal(String text) implements Part {}

  private record Field(String name, String filter) implements Part {}

  private final String source;
  private final List<Part> parts;

  private ValueTemplate(String source, List<Part> parts) {
    this.source = source;
    this.parts = parts;
  }

  static ValueTemplate parse(String template) {
    List<Part> parts = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(template);
    int last = 0;
    while (m.find()) {
      if (m.start() > last) {
        parts.add(new Literal(template.substring(last, m.start())));
      }
      String filter = m.group(2);
      if (filter != null && !List.of("date", "not", "bool").contains(filter)) {
        throw new IllegalArgumentException(
            "unknown filter '" + filter + "' in template " + template + " (date, not, bool)");
      }
      parts.add(new Field(m.group(1), filter));
      last = m.end();
    }
    if (last < template.length()) {
      parts.add(new Literal(template.substring(last)));
    }
    return new ValueTemplate(template, List.copyOf(parts));
  }

  /** The QAD fields this template reads. */
  List<String> fields() {
    return parts.stream().filter(Field.class::isInstance).map(p -> ((Field) p).name()).toList();
  }

  String render(JsonNode record) {
    StringBuilder out = new StringBuilder();
    for (Part part : parts) {
      if (part instanceof Literal literal) {
        out.append(literal.text());
      } else if (part instanceof Field field) {
        out.append(filter(text(record.get(field.name())), field.filter()));
      }
    }
    return out.toString();
  }

  private static String text(JsonNode value) {
    return value == null || value.isNull() ? "" : value.asText();
  }

  private static String filter(String value, String filter) {
    if (filter == null || value.isEmpty()) {
      return value;
    }
    return switch (filter) {
      case "date" -> value.length() >= 10 ? value.substring(0, 10) : value;
      case "bool" -> Boolean.toString(truthy(value));
      case "not" -> Boolean.toString(!truthy(value));
      default -> throw new IllegalStateException(filter);
    };
  }

  private static boolean truthy(String value) {
    return switch (value.trim().toLowerCase()) {
      case "true", "yes", "y", "1" -> true;
      default -> false;
    };
  }

  @Override
  public String toString() {
    return source;
  }
}
