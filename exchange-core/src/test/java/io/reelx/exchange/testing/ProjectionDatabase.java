package io.reelx.exchange.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A real (embedded) PostgreSQL with the application's own migrations, for projection tests: a
 * projection is built as a plain object on it, given events, and its rows asserted. One database
 * per test JVM, started on first use and stopped with the JVM; each test empties the tables it
 * uses ({@link #truncate}). Statements sent through {@link #dataSource()} are counted, so a test
 * can say how many queries a read costs.
 */
public final class ProjectionDatabase {

  private static ProjectionDatabase shared;

  private final EmbeddedPostgres postgres;
  private final DataSource dataSource;
  private final AtomicLong statements = new AtomicLong();

  private ProjectionDatabase() throws IOException {
    postgres = EmbeddedPostgres.builder()
        .setServerConfig("fsync", "off")
        .setServerConfig("synchronous_commit", "off")
        .start();
    Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration").load().migrate();
    dataSource = counting(postgres.getPostgresDatabase());
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        postgres.close();
      } catch (IOException ignored) {
        // the JVM is going away
      }
    }));
  }

  /** The database of this test JVM, migrated. */
  public static synchronized ProjectionDatabase get() {
    if (shared == null) {
      try {
        shared = new ProjectionDatabase();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return shared;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public JdbcClient jdbcClient() {
    return JdbcClient.create(dataSource);
  }

  public JdbcTemplate jdbcTemplate() {
    return new JdbcTemplate(dataSource);
  }

  /** Empties the tables (and resets the statement count). */
  public void truncate(String... tables) {
    new JdbcTemplate(postgres.getPostgresDatabase()).execute("TRUNCATE " + String.join(", ", tables) + " CASCADE");
    statements.set(0);
  }

  /** Statements prepared or created through {@link #dataSource()} so far. */
  public long statements() {
    return statements.get();
  }

  private DataSource counting(DataSource target) {
    return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
        (proxy, method, args) -> {
          Object result = invoke(method, target, args);
          return result instanceof Connection connection ? counting(connection) : result;
        });
  }

  private Connection counting(Connection target) {
    return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          if (method.getName().equals("prepareStatement") || method.getName().equals("createStatement")
              || method.getName().equals("prepareCall")) {
            statements.incrementAndGet();
          }
          return invoke(method, target, args);
        });
  }

  private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
