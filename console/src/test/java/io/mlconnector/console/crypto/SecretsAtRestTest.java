package io.mlconnector.console.crypto;

import static io.mlconnector.console.ConsoleApi.authorized;
import static io.mlconnector.console.ConsoleApi.section;
import static io.mlconnector.console.ConsoleApi.tenant;
import static io.mlconnector.console.ConsoleApi.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.common.tenant.RegistryTenantDirectory;
import io.mlconnector.console.LogCapture;
import io.mlconnector.stack.SharedStack;
import io.mlconnector.stack.StackEndpoints;
import io.mlconnector.stack.StackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Secrets exist in plaintext nowhere but in memory: not in any column, not in any log line. */
@QuarkusTest
@QuarkusTestResource(StackResource.class)
class SecretsAtRestTest {
  private static final String QAD_PASSWORD = "QadPw-Zx81-unique-4471";
  private static final String SN_SECRET = "SnSecret-Qv27-unique-9902";

  @Inject RegistryTenantDirectory directory;

  @Test
  void noColumnOfTheConsoleSchemaAndNoLogLineHoldsASecretInAnyEncoding() throws Exception {
    String id = uniqueId("atrest");
    String logs;
    try (LogCapture capture = new LogCapture()) {
      authorized()
          .body(tenant(id, QAD_PASSWORD, SN_SECRET))
          .post("/tenants")
          .then()
          .statusCode(201);
      Map<String, Object> update = tenant(id, QAD_PASSWORD, SN_SECRET);
      authorized().body(update).put("/tenants/" + id).then().statusCode(200);
      // Error paths that carry the secrets in the request must not echo or log them either.
      section(update, "qad").put("unexpected", QAD_PASSWORD);
      String unknownField =
          authorized()
              .body(update)
              .put("/tenants/" + id)
              .then()
              .statusCode(400)
              .extract()
              .asString();
      String wrongType =
          authorized()
              .body("{\"id\":\"" + id + "\",\"sandbox\":\"" + SN_SECRET + "\"}")
              .post("/tenants")
              .then()
              .statusCode(400)
              .extract()
              .asString();
      String badUrl =
          authorized()
              .body(
                  Map.of(
                      "id",
                      id + "x",
                      "displayName",
                      "x",
                      "qad",
                      Map.of("baseUrl", "https://u:" + QAD_PASSWORD + "@qad.acme.example"),
                      "servicenow",
                      Map.of()))
              .post("/tenants")
              .then()
              .statusCode(400)
              .extract()
              .asString();
      authorized().post("/admin/crypto/rotate").then().statusCode(200);
      directory.invalidate();
      assertThat(directory.find(id).orElseThrow().qad().password().reveal())
          .isEqualTo(QAD_PASSWORD);
      assertThat(List.of(unknownField, wrongType, badUrl))
          .allSatisfy(body -> assertNoSecret(body, "error response"));
      logs = capture.text();
    }
    assertThat(logs).as("the capture works").contains("tenant " + id + " created");
    assertNoSecret(logs, "captured logs");

    String dump = dumpConsoleSchema();
    assertThat(dump).as("the dump covers the tenant row").contains(id, "qad.acme.example");
    assertNoSecret(dump, "console schema");
  }

  private static void assertNoSecret(String text, String where) {
    for (String secret : List.of(QAD_PASSWORD, SN_SECRET)) {
      for (String form : encodings(secret)) {
        assertThat(text).as(where + " must not contain a form of a secret").doesNotContain(form);
      }
    }
  }

  /** Plain, hex, base64 (each alignment inside a longer value) and URL-safe base64. */
  private static List<String> encodings(String secret) {
    byte[] raw = secret.getBytes(StandardCharsets.UTF_8);
    List<String> forms = new ArrayList<>(List.of(secret, HexFormat.of().formatHex(raw)));
    forms.add(HexFormat.of().withUpperCase().formatHex(raw));
    for (int shift = 0; shift < 3; shift++) {
      byte[] shifted = new byte[raw.length + shift];
      System.arraycopy(raw, 0, shifted, shift, raw.length);
      String b64 = Base64.getEncoder().withoutPadding().encodeToString(shifted);
      // Drop the characters that depend on the unknown neighbours of the secret.
      String core = b64.substring(shift == 0 ? 0 : 4, b64.length() - 4);
      forms.add(core);
      forms.add(core.replace('+', '-').replace('/', '_'));
    }
    return forms;
  }

  /** Every row of every table of the console schema as text; bytea raw and hex. */
  private static String dumpConsoleSchema() throws Exception {
    StackEndpoints db = SharedStack.endpoints();
    StringBuilder out = new StringBuilder();
    try (Connection c =
            DriverManager.getConnection(db.jdbcUrl(), db.jdbcUser(), db.jdbcPassword());
        Statement s = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs =
          s.executeQuery(
              "select table_name from information_schema.tables where table_schema = 'console'")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      assertThat(tables).contains("tenant", "tenant_secret", "flyway_schema_history");
      for (String table : tables) {
        try (ResultSet rs = s.executeQuery("select * from console.\"" + table + "\"")) {
          ResultSetMetaData md = rs.getMetaData();
          while (rs.next()) {
            out.append(table).append(':');
            for (int i = 1; i <= md.getColumnCount(); i++) {
              out.append(' ').append(md.getColumnName(i)).append('=');
              if (md.getColumnType(i) == Types.BINARY) {
                byte[] bytes = rs.getBytes(i);
                out.append(bytes == null ? "null" : new String(bytes, StandardCharsets.ISO_8859_1));
                out.append(" hex=").append(bytes == null ? "" : HexFormat.of().formatHex(bytes));
              } else {
                out.append(rs.getString(i));
              }
            }
            out.append('\n');
          }
        }
      }
    }
    return out.toString();
  }
}
