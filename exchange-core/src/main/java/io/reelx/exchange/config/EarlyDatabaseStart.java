package io.reelx.exchange.config;

import io.reelx.exchange.config.StorageConfiguration.EmbeddedDatabase;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Starts the embedded PostgreSQL (initdb on a first start) on a thread of its own as soon as the
 * configuration is known and checked ({@link StartupChecks}), so that it runs while Spring reads
 * the configuration classes and creates the first beans, instead of after them: the
 * {@code embeddedDatabase} bean then only waits for it. Nothing happens when
 * {@code spring.datasource.url} names an external database.
 *
 * <p>Registered in {@code META-INF/spring.factories}, after {@link StartupChecks}. The database
 * started here is stopped with the context, also when the context fails before any bean used it.
 */
public class EarlyDatabaseStart implements ApplicationListener<ApplicationPreparedEvent>, Ordered {

  static final String BEAN = "reelx.earlyEmbeddedDatabase";

  @Override
  public void onApplicationEvent(ApplicationPreparedEvent event) {
    ConfigurableApplicationContext context = event.getApplicationContext();
    Environment env = context.getEnvironment();
    if (StringUtils.hasText(env.getProperty("spring.datasource.url"))
        || !(context.getBeanFactory() instanceof DefaultListableBeanFactory beans) || beans.containsSingleton(BEAN)) {
      return;
    }
    Path directory = StorageConfiguration.postgresDirectory(env);
    int port = env.getProperty("reelx.embedded-postgres.port", Integer.class, 0);
    boolean fsync = env.getProperty("reelx.embedded-postgres.fsync", Boolean.class, true);
    Starting starting = new Starting(CompletableFuture.supplyAsync(() -> EmbeddedDatabase.start(directory, port, fsync),
        task -> {
          Thread thread = new Thread(task, "embedded-postgres-start");
          thread.setDaemon(true);
          thread.start();
        }));
    beans.registerSingleton(BEAN, starting);
    // registered first, destroyed last: after every bean that uses the database
    beans.registerDisposableBean(BEAN, starting);
  }

  @Override
  public int getOrder() {
    return StartupChecks.ORDER + 1;
  }

  /** The embedded PostgreSQL being started. */
  public static final class Starting implements DisposableBean {
    private final CompletableFuture<EmbeddedDatabase> database;

    Starting(CompletableFuture<EmbeddedDatabase> database) {
      this.database = database;
    }

    /** Waits for the database to be up; rethrows what kept it from starting. */
    EmbeddedDatabase await() {
      try {
        return database.join();
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException cause) {
          throw cause;
        }
        if (e.getCause() instanceof Error error) {
          throw error;
        }
        throw e;
      }
    }

    @Override
    public void destroy() throws Exception {
      EmbeddedDatabase started;
      try {
        started = database.join();
      } catch (CompletionException e) {
        return; // never started: nothing to stop
      }
      started.destroy();
    }
  }
}
