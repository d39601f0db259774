package io.mlconnector.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.common.event.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outage controls a chaos run uses: the broker and the database stop and come back on the same
 * endpoints with their data.
 */
class StackOutageTest {

  @Test
  void kafkaAndPostgresStopAndStartKeepingTheirData(@TempDir Path dir) throws Exception {
    try (LocalStack stack = new LocalStack(dir, (StackEndpoints) null)) {
      StackEndpoints endpoints = stack.start();
      String topic = Topics.ALL.get(0);
      new TopicProbe(endpoints).send(topic, "k", "before".getBytes(StandardCharsets.UTF_8));
      try (Connection c = connect(endpoints);
          Statement s = c.createStatement()) {
        s.execute("create table outage_probe (v text)");
        s.execute("insert into outage_probe values ('kept')");
      }

      stack.stopPostgres();
      assertThatThrownBy(() -> connect(endpoints).close()).isInstanceOf(SQLException.class);
      stack.startPostgres();
      try (Connection c = connect(endpoints);
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("select v from outage_probe")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("kept");
      }

      stack.stopKafka();
      stack.startKafka();
      var seen =
          new TopicProbe(endpoints)
              .readUntil(topic, records -> !records.isEmpty(), Duration.ofSeconds(60));
      assertThat(seen)
          .extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
          .containsExactly("before");
    }
  }

  private static Connection connect(StackEndpoints endpoints) throws SQLException {
    return DriverManager.getConnection(
        endpoints.jdbcUrl(), endpoints.jdbcUser(), endpoints.jdbcPassword());
  }
}
