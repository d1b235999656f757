package io.reelx.exchange.config;

import io.reelx.exchange.eventstore.PostgresEventStorageEngine;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The event store on PostgreSQL (the default, {@code reelx.event-store=postgres} or unset): Axon's
 * JDBC engine as its auto-configuration builds it, with fast timestamps ({@link
 * PostgresEventStorageEngine}). With {@code eventstoredb}, {@link EventStoreDbConfiguration} applies instead.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "reelx.event-store", havingValue = "postgres", matchIfMissing = true)
public class PostgresEventStoreConfiguration {

  @Bean
  EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
      PersistenceExceptionResolver persistenceExceptionResolver,
      @Qualifier("eventSerializer") Serializer eventSerializer, org.axonframework.config.Configuration configuration,
      ConnectionProvider connectionProvider, TransactionManager transactionManager) {
    return PostgresEventStorageEngine.build(builder -> builder
        .snapshotSerializer(defaultSerializer)
        .upcasterChain(configuration.upcasterChain())
        .persistenceExceptionResolver(persistenceExceptionResolver)
        .eventSerializer(eventSerializer)
        .snapshotFilter(configuration.snapshotFilter())
        .connectionProvider(connectionProvider)
        .transactionManager(transactionManager)
        .schema(new EventSchema()));
  }
}
