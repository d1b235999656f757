package io.reelx.exchange.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Where the event store, tokens, deadlines and read models live: the PostgreSQL named by
 * {@code spring.datasource.url}, or, when none is configured, an embedded PostgreSQL started from
 * Maven artifacts with its data under {@code reelx.data-dir} (env {@code REELX_DATA_DIR}).
 */
@Configuration(proxyBeanMethods = false)
public class StorageConfiguration {

  private static final Logger log = LoggerFactory.getLogger(StorageConfiguration.class);

  /**
   * The embedded database, started in the background when the application was prepared
   * ({@link EarlyDatabaseStart}), else (a context not started by a SpringApplication) here.
   */
  @Bean
  EmbeddedDatabase embeddedDatabase(Environment env, ObjectProvider<EarlyDatabaseStart.Starting> early) {
    if (StringUtils.hasText(env.getProperty("spring.datasource.url"))) {
      return EmbeddedDatabase.none();
    }
    EarlyDatabaseStart.Starting starting = early.getIfAvailable();
    if (starting != null) {
      return starting.await();
    }
    boolean fsync = env.getProperty("reelx.embedded-postgres.fsync", Boolean.class, true);
    int port = env.getProperty("reelx.embedded-postgres.port", Integer.class, 0);
    return EmbeddedDatabase.start(postgresDirectory(env), port, fsync);
  }

  /** Where the embedded PostgreSQL keeps its data: {@code postgres} under {@code reelx.data-dir}. */
  static Path postgresDirectory(Environment env) {
    return Path.of(env.getProperty("reelx.data-dir", "./data")).toAbsolutePath().normalize().resolve("postgres");
  }

  @Bean
  DataSource dataSource(Environment env, EmbeddedDatabase embedded) {
    HikariConfig config = new HikariConfig();
    if (embedded.running()) {
      config.setJdbcUrl(embedded.jdbcUrl());
      config.setUsername("postgres");
    } else {
      config.setJdbcUrl(env.getProperty("spring.datasource.url"));
      config.setUsername(env.getProperty("spring.datasource.username"));
      config.setPassword(env.getProperty("spring.datasource.password"));
    }
    // batches of inserts (events, bid rows, ledger postings) travel as multi-row statements
    config.addDataSourceProperty("reWriteBatchedInserts", "true");
    config.setMaximumPoolSize(env.getProperty("reelx.datasource.pool-size", Integer.class, 16));
    config.setPoolName("reelx");
    log.info("Storage: {}", config.getJdbcUrl());
    return new HikariDataSource(config);
  }

  /**
   * Axon's units of work run in Spring transactions on the application's PostgreSQL: a command's
   * events, the registers it updates and its idempotency key commit together or not at all.
   * (Declared here because Axon's auto-configuration may run before the JDBC transaction manager
   * exists and would then fall back to no transactions.)
   */
  @Bean
  PlatformTransactionManager transactionManager(DataSource dataSource) {
    return new JdbcTransactionManager(dataSource);
  }

  @Bean
  TransactionManager axonTransactionManager(PlatformTransactionManager transactions) {
    return new SpringTransactionManager(transactions);
  }

  /**
   * An embedded PostgreSQL server kept for the life of the application context. It is the last
   * thing to stop: as a bean that everything using the database depends on, it is destroyed after
   * the web server, the event processors and the scheduler have stopped (zonky's own shutdown hook,
   * which would stop it while the application still runs, is not registered). A postmaster left
   * running by a previous run that was killed is stopped before this one starts.
   */
  public static final class EmbeddedDatabase implements DisposableBean {
    private final EmbeddedPostgres postgres;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
      this.postgres = postgres;
    }

    static EmbeddedDatabase none() {
      return new EmbeddedDatabase(null);
    }

    /** Starts PostgreSQL on {@code directory} ({@code port} 0: any free port). */
    public static EmbeddedDatabase start(Path directory, int port, boolean fsync) {
      try {
        Files.createDirectories(directory);
        LeftoverPostmaster.stopIfRunning(directory);
        EmbeddedPostgres pg =
            EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPort(port)
                .setServerConfig("fsync", fsync ? "on" : "off")
                .setServerConfig("synchronous_commit", fsync ? "on" : "off")
                .setServerConfig("full_page_writes", fsync ? "on" : "off")
                .setServerConfig("max_connections", "200")
                .start();
        log.info("Embedded PostgreSQL on port {} with data in {} (fsync {})", pg.getPort(), directory, fsync);
        return new EmbeddedDatabase(pg);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot start embedded PostgreSQL in " + directory, e);
      }
    }

    boolean running() {
      return postgres != null;
    }

    /** The JDBC URL of the embedded server's {@code postgres} database as user {@code postgres}. */
    public String jdbcUrl() {
      return postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public void destroy() throws IOException {
      // once: both this bean and the early start that made it stop it
      if (postgres != null && stopped.compareAndSet(false, true)) {
        postgres.close();
      }
    }
  }
}
