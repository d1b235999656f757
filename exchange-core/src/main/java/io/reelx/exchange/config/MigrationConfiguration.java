package io.reelx.exchange.config;

import com.github.kagkarlsson.scheduler.Scheduler;
import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.KurrentDBConnectionString;
import io.reelx.exchange.eventstore.EventStoreMigration;
import io.reelx.exchange.eventstore.KurrentEventStorageEngine;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one-off command that moves an exchange's events from PostgreSQL into EventStoreDB /
 * KurrentDB ({@code ops/migrate-to-eventstoredb.sh}): started with
 * {@code --reelx.migrate-to-eventstoredb=true} on the PostgreSQL engine, it stops this process's
 * processors and deadlines, copies the events and snapshots ({@link EventStoreMigration}), resets
 * the tracking processors so they rebuild from the new store, and exits. Then start the exchange
 * with {@code reelx.event-store=eventstoredb}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "reelx.migrate-to-eventstoredb", havingValue = "true")
public class MigrationConfiguration {

  private static final Logger log = LoggerFactory.getLogger(MigrationConfiguration.class);

  @Bean
  ApplicationRunner migrateToEventStoreDb(EventStorageEngine source, EventProcessingConfiguration processing,
      Scheduler deadlineScheduler, Serializer defaultSerializer, @Qualifier("eventSerializer") Serializer eventSerializer,
      org.axonframework.config.Configuration axon, JdbcClient jdbc, Environment env,
      ConfigurableApplicationContext context) {
    return args -> {
      if (source instanceof KurrentEventStorageEngine) {
        throw new IllegalStateException("The migration reads from PostgreSQL: run it with reelx.event-store=postgres");
      }
      String connectionString = env.getRequiredProperty("reelx.eventstoredb.connection-string");
      processing.eventProcessors().values().forEach(EventProcessor::shutDown);
      deadlineScheduler.stop();
      KurrentDBClient client = KurrentDBClient.create(KurrentDBConnectionString.parseOrThrow(connectionString));
      try {
        EventStorageEngine target = KurrentEventStorageEngine.builder()
            .client(client)
            .snapshotSerializer(defaultSerializer)
            .eventSerializer(eventSerializer)
            .upcasterChain(axon.upcasterChain())
            .snapshotFilter(axon.snapshotFilter())
            .build();
        EventStoreMigration.Result result = new EventStoreMigration(source, target).migrate();
        EventStoreMigration.resetProjections(jdbc);
        log.info("Copied {} events of {} aggregates and {} snapshots ({} already there). Tracking processors will"
                + " rebuild their read models when the exchange starts with reelx.event-store=eventstoredb.",
            result.events(), result.aggregates(), result.snapshots(), result.skipped());
      } finally {
        client.shutdown();
      }
      if (env.getProperty("reelx.migration.exit", Boolean.class, true)) {
        System.exit(SpringApplication.exit(context, () -> 0));
      }
    };
  }
}
