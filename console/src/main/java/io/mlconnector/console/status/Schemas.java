package io.mlconnector.console.status;

import java.sql.SQLException;
import java.util.List;

/** Schema names spliced into SQL: only plain identifiers pass. */
final class Schemas {
  private Schemas() {}

  static List<String> safe(List<String> schemas) {
    return schemas.stream().filter(Schemas::isSafe).toList();
  }

  static boolean isSafe(String schema) {
    return schema.matches("[a-z_][a-z0-9_]*");
  }

  /** A service that has not started yet has no table: its state is simply absent. */
  static boolean isMissingTable(SQLException e) {
    return "42P01".equals(e.getSQLState()) || "3F000".equals(e.getSQLState());
  }
}
