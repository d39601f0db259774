package io.mlconnector.stack.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What ./mlc up refuses before it starts anything, each problem naming the setting to change. */
class UpSettingsTest {

  @Test
  void aTakenPortIsNamedWithTheSettingThatMovesIt(@TempDir Path root) throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Map<String, String> env =
          Map.of(
              "MLC_STATE_DIR",
              root.toString(),
              "MLC_HTTP_PORT",
              Integer.toString(taken.getLocalPort()),
              "KAFKA_BOOTSTRAP_SERVERS",
              "127.0.0.1:1",
              "QUARKUS_DATASOURCE_JDBC_URL",
              "jdbc:postgresql://127.0.0.1:1/x");

      UpSettings up = UpSettings.resolve(env, root);

      // Only the console's port is known to be taken (the ports after it may be, by chance).
      assertThat(up.problems())
          .anySatisfy(
              p ->
                  assertThat(p)
                      .contains(
                          "port " + taken.getLocalPort() + " for console", "set MLC_HTTP_PORT"))
          .allSatisfy(p -> assertThat(p).contains("MLC_HTTP_PORT"));
      assertThat(up.stack().kafkaBootstrap()).isEqualTo("127.0.0.1:1");
      assertThat(up.stack().externalJdbc().jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:1/x");
    }
  }

  @Test
  void theLaunchersInternalNamesPointToTheDocumentedOnes(@TempDir Path root) throws Exception {
    Map<String, String> env =
        Map.of(
            "MLC_STATE_DIR", root.toString(),
            "MLC_JDBC_URL", "jdbc:postgresql://127.0.0.1:1/x",
            "MLC_HTTP_PORT", "eighty");

    UpSettings up = UpSettings.resolve(env, root);

    assertThat(up.problems())
        .anySatisfy(p -> assertThat(p).startsWith("MLC_HTTP_PORT='eighty' is not a port"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith(
                        "MLC_JDBC_URL is not read by ./mlc up: set QUARKUS_DATASOURCE_JDBC_URL"));
  }
}
