package io.mlconnector.writer.qad.service;

import io.mlconnector.qadclient.FieldError;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns QAD's field errors into a processing message an AP clerk can act on. */
final class ClerkMessages {
  private static final Pattern LINE = Pattern.compile("lines\\[(\\d+)]\\.?(.*)");

  private ClerkMessages() {}

  static String qadRefused(List<FieldError> errors) {
    if (errors.isEmpty()) {
      return "QAD refused the invoice without giving a reason; ask the QAD administrator.";
    }
    StringBuilder b = new StringBuilder("QAD refused the invoice: ");
    for (int i = 0; i < errors.size(); i++) {
      b.append(i == 0 ? "" : "; ").append(describe(errors.get(i)));
    }
    return b.toString();
  }

  private static String describe(FieldError e) {
    StringBuilder b = new StringBuilder();
    String field = e.fieldName() == null ? "" : e.fieldName();
    Matcher line = LINE.matcher(field);
    if (line.matches()) {
      b.append("line ").append(Integer.parseInt(line.group(1)) + 1).append(": ");
      field = line.group(2);
    }
    b.append(e.message() == null ? e.code() : e.message());
    if (e.fieldValue() != null
        && !e.fieldValue().isBlank()
        && !b.toString().contains(e.fieldValue())) {
      b.append(" (")
          .append(field.isBlank() ? "value" : field)
          .append(" ")
          .append(e.fieldValue())
          .append(")");
    }
    if (e.code() != null) {
      b.append(" [").append(e.code()).append("]");
    }
    return b.toString();
  }
}
