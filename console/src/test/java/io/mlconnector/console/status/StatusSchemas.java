package io.mlconnector.console.status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Creates the test schemas the status is read from, with the services' own migrations (read from
 * their modules, not copied), so the console reads the tables exactly as the services write them.
 */
final class StatusSchemas {
  static final String POLLER = "status_test_qad_poller";
  static final String WRITER = "status_test_writer";

  private StatusSchemas() {}

  static synchronized void create(DataSource dataSource) throws SQLException, IOException {
    Path root = Path.of("..").toAbsolutePath().normalize();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute("drop schema if exists " + POLLER + " cascade");
      s.execute("drop schema if exists " + WRITER + " cascade");
      s.execute("create schema " + POLLER);
      s.execute("create schema " + WRITER);
      s.execute("set search_path to " + POLLER);
      run(s, root.resolve("qad-poller/src/main/resources/db/qad-poller/V1__poll_cursor.sql"));
      run(s, root.resolve("common/src/main/resources/db/common/V0_1__audit_trail.sql"));
      run(s, root.resolve("common/src/main/resources/db/common/V0_4__audit_actor.sql"));
      s.execute("set search_path to " + WRITER);
      try (var files =
          Files.list(root.resolve("writer-service/src/main/resources/db/writer-service"))) {
        for (Path f : files.sorted().toList()) {
          run(s, f);
        }
      }
      s.execute("set search_path to console");
    }
  }

  private static void run(Statement s, Path sql) throws SQLException, IOException {
    s.execute(Files.readString(sql));
  }
}
