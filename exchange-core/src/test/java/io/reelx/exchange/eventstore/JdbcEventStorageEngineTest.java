package io.reelx.exchange.eventstore;

import io.reelx.exchange.config.PostgresUniqueViolation;

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
 * The engine contract on the engine ReelX runs by default: Axon's JDBC engine with ReelX's
 * timestamps ({@link PostgresEventStorageEngine}) on a real (embedded) PostgreSQL with the
 * application's own migrations, configured as the application does, without a Spring context.
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
    return PostgresEventStorageEngine.build(builder -> builder
        .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
        .transactionManager(new SpringTransactionManager(new JdbcTransactionManager(dataSource)))
        .persistenceExceptionResolver(new PostgresUniqueViolation())
        .eventSerializer(SERIALIZER)
        .snapshotSerializer(SERIALIZER));
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
