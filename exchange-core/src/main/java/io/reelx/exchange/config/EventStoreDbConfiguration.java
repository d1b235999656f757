package io.reelx.exchange.config;

import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.KurrentDBConnectionString;
import io.reelx.exchange.eventstore.KurrentEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Selects the event storage engine: with {@code reelx.event-store=eventstoredb} Axon's events and
 * snapshots live in KurrentDB/EventStoreDB at {@code reelx.eventstoredb.connection-string}; with
 * {@code postgres} (the default, also when unset) nothing here applies and Axon's JDBC engine on
 * PostgreSQL stays. Tokens, deadlines, sagas, registers and read models stay in PostgreSQL either
 * way. See {@code ops/eventstoredb.md}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "reelx.event-store", havingValue = "eventstoredb")
public class EventStoreDbConfiguration {

  @Bean(destroyMethod = "shutdown")
  KurrentDBClient kurrentClient(Environment env) {
    String connectionString = env.getProperty("reelx.eventstoredb.connection-string");
    if (connectionString == null || connectionString.isBlank()) {
      throw new IllegalStateException(
          "reelx.event-store=eventstoredb needs reelx.eventstoredb.connection-string");
    }
    return KurrentDBClient.create(KurrentDBConnectionString.parseOrThrow(connectionString));
  }

  /** Replaces Axon's JDBC engine (its auto-configuration backs off when this bean exists). */
  @Bean
  EventStorageEngine eventStorageEngine(KurrentDBClient client, Serializer defaultSerializer,
      @Qualifier("eventSerializer") Serializer eventSerializer,
      org.axonframework.config.Configuration configuration, Environment env) {
    return KurrentEventStorageEngine.builder()
        .client(client)
        .batchSize(env.getProperty("reelx.eventstoredb.batch-size", Integer.class, 500))
        .snapshotSerializer(defaultSerializer)
        .eventSerializer(eventSerializer)
        .upcasterChain(configuration.upcasterChain())
        .snapshotFilter(configuration.snapshotFilter())
        .build();
  }
}
