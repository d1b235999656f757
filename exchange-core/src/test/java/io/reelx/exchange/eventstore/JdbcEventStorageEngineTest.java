package io.reelx.exchange.eventstore;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * The engine contract on the engine ReelX runs by default: Axon's JDBC engine on a real
 * (embedded) PostgreSQL with the application's own migrations, configured as Axon's
 * auto-configuration does, without a Spring context.
 */
class JdbcEventStorageEngineTest extends EventStorageEngineContract {

  private EmbeddedPostgres postgres;
  private JdbcEventStorageEngine engine;

  @BeforeAll
  void startPostgres() throws IOException {
    postgres = EmbeddedPostgres.builder()
        .setServerConfig("fsync", "off")
        .setServerConfig("synchronous_commit", "off")
        .start();
    DataSource dataSource = postgres.getPostgresDatabase();
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    engine = jdbcEngine(dataSource);
  }

  static JdbcEventStorageEngine jdbcEngine(DataSource dataSource) {
    return JdbcEventStorageEngine.builder()
        .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
        .transactionManager(new SpringTransactionManager(new JdbcTransactionManager(dataSource)))
        .persistenceExceptionResolver(JdbcEventStorageEngineTest::isUniqueViolation)
        .eventSerializer(SERIALIZER)
        .snapshotSerializer(SERIALIZER)
        .build();
  }

  /**
   * PostgreSQL's unique violation (SQLState 23505). Axon's default {@code JdbcSQLErrorCodesResolver}
   * looks for {@code SQLIntegrityConstraintViolationException}, which the PostgreSQL driver never
   * throws, so with it a conflicting append surfaces as a plain {@code EventStoreException}.
   */
  static boolean isUniqueViolation(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  @AfterAll
  void stopPostgres() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Override
  protected EventStorageEngine engine() {
    return engine;
  }
}
