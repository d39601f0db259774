package io.mlconnector.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * A real PostgreSQL server from the embedded binaries, or an external server given by JDBC URL. The
 * embedded server's data directory lives under the stack's state directory, so a server left behind
 * by a killed launcher can be found (its {@code postmaster.pid}) and stopped on the next start.
 */
final class PostgresServer implements AutoCloseable {
  static final String DATABASE = "mlc";

  private final Path dataDir;
  private final int port;
  private final boolean keepData;
  private EmbeddedPostgres embedded;
  private String jdbcUrl;
  private String user = "postgres";
  private String password = "postgres";

  /**
   * @param port 0 for a free port
   * @param keepData start on the data directory a previous run left (initialised only when empty)
   *     instead of a fresh one
   */
  PostgresServer(Path dataDir, int port, boolean keepData) {
    this.dataDir = dataDir;
    this.port = port == 0 ? Ports.free() : port; // fixed now, so a restart comes back on it
    this.keepData = keepData;
  }

  /** Uses an external server instead of starting one. */
  static PostgresServer external(String jdbcUrl, String user, String password) {
    PostgresServer server = new PostgresServer(null, -1, false);
    server.jdbcUrl = jdbcUrl;
    server.user = user;
    server.password = password;
    return server;
  }

  void start() throws IOException, SQLException {
    if (jdbcUrl != null) {
      return;
    }
    Files.createDirectories(dataDir);
    startEmbedded();
    createDatabase(embedded.getPostgresDatabase(), DATABASE);
    jdbcUrl = embedded.getJdbcUrl(user, DATABASE);
    password = "";
  }

  /**
   * Runs the server on the data directory. The data directory is never cleaned by zonky (it would
   * be on every close, which a restart must survive): a throwaway server's directory is deleted by
   * {@link #close()} and the launcher wipes its state directory on start; kept data stays.
   */
  private void startEmbedded() throws IOException {
    embedded =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDir)
            .setCleanDataDirectory(false)
            .setPort(port)
            .setServerConfig("max_connections", "200")
            .setServerConfig("fsync", keepData ? "on" : "off") // kept data must survive a crash
            .setServerConfig("shared_buffers", "64MB")
            .start();
    stalePids(dataDir).forEach(PostgresServer::followLauncher);
  }

  /** Stops the embedded server keeping its data (a database outage); no-op for an external one. */
  void stop() throws IOException {
    if (embedded != null) {
      embedded.close();
      embedded = null;
    }
  }

  /** Starts a stopped embedded server again on the same port and data. */
  void restart() throws IOException {
    if (dataDir != null && embedded == null) {
      startEmbedded();
    }
  }

  private static void createDatabase(DataSource admin, String name) throws SQLException {
    try (Connection c = admin.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
      if (!rs.next()) {
        s.execute("create database " + name);
      }
    }
  }

  String jdbcUrl() {
    return jdbcUrl;
  }

  String user() {
    return user;
  }

  String password() {
    return password;
  }

  /**
   * PostgreSQL runs as its own daemon and would survive a launcher killed with SIGKILL. A tiny
   * shell watchdog stops it as soon as the launcher's pid is gone.
   */
  private static void followLauncher(long postmasterPid) {
    long launcher = ProcessHandle.current().pid();
    String script =
        "while kill -0 "
            + launcher
            + " 2>/dev/null; do sleep 1; done; kill -TERM "
            + postmasterPid
            + " 2>/dev/null";
    try {
      new ProcessBuilder("sh", "-c", script).redirectErrorStream(true).start();
    } catch (IOException e) {
      // Without a shell the next start's stale-state cleanup still stops it.
    }
  }

  /** Pid of a postmaster left running in {@code dataDir} by a launcher that was killed. */
  static List<Long> stalePids(Path dataDir) {
    Path pidFile = dataDir.resolve("postmaster.pid");
    try {
      List<String> lines = Files.readAllLines(pidFile);
      return lines.isEmpty() ? List.of() : List.of(Long.parseLong(lines.get(0).trim()));
    } catch (IOException | NumberFormatException e) {
      return List.of();
    }
  }

  @Override
  public void close() throws IOException {
    stop();
    if (!keepData && dataDir != null && Files.exists(dataDir)) {
      try (Stream<Path> files = Files.walk(dataDir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
