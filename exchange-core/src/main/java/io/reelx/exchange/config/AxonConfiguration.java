package io.reelx.exchange.config;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import io.reelx.exchange.contract.command.ContractGroups;
import io.reelx.exchange.finance.command.FinanceGroups;
import io.reelx.exchange.listing.query.ListingGroups;
import io.reelx.exchange.shared.command.Registers;
import io.reelx.exchange.shared.domain.Refusal;
import javax.sql.DataSource;
import org.apache.shiro.authz.UnauthorizedException;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.eventhandling.DirectEventProcessingStrategy;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventProcessorSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.module.blackbird.BlackbirdModule;
import tools.jackson.databind.SerializationFeature;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import com.github.kagkarlsson.scheduler.SchedulerName;
import org.axonframework.common.caching.NoCache;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * Axon wiring: aggregate cache and snapshots (no command replays a long stream), the processing
 * groups, and a db-scheduler deadline manager on the application's PostgreSQL so deadlines
 * survive a restart.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

  /**
   * The tracking groups. Each parks an event it cannot apply in its dead-letter queue (with the
   * later events of the same aggregate, to keep their order) and goes on with the others; failures
   * that pass by themselves are retried in place ({@link DeadLetterPolicy}).
   */
  public static final List<String> TRACKING_GROUPS = List.of(ListingGroups.LISTING_VIEW, ListingGroups.AUCTION_VIEW,
      ContractGroups.CONTRACT_DRAFTING, FinanceGroups.SETTLEMENT_INTAKE);

  /** The tracking groups of the read models, which a rebuild replays and the cluster shares out. */
  private static final List<String> READ_MODELS = List.of(ListingGroups.LISTING_VIEW, ListingGroups.AUCTION_VIEW);


  /**
   * Stored messages tolerate fields added later (old events simply lack them). Blackbird reads
   * and writes their fields through generated accessors rather than reflection. Aggregates declare
   * their own field visibility (see {@code io.reelx.exchange.shared.command.SnapshotState}) so snapshots hold their private state.
   */
  @Bean
  Jackson3SerializerCustomizer tolerantReader() {
    return builder -> builder
        .addModule(new BlackbirdModule())
        // settlement agreements' events hold terms and statements: Rate by its type, organisations as ids
        .addModule(io.reelx.settlement.application.SettlementJson.module())
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        // Axon's ReplayToken types its context as Object, which Jackson 3 refuses to resolve by
        // default (AxonFramework#4218): a processor that starts while events already exist holds a
        // ReplayToken, and could not claim it again. Class names are resolved only for Axon's and
        // our own types.
        .polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
            .allowIfSubType("org.axonframework.")
            .allowIfSubType("io.reelx.")
            .build());
  }

  /**
   * The command bus, as Axon's auto-configuration builds it, except that a {@link Refusal} does not
   * roll the unit of work back: the refused change was never applied, what the command had
   * established before refusing (a phase ended by the clock) is kept, and the aggregate stays in
   * the cache instead of being reloaded by the next command.
   */
  @Bean
  @Qualifier("localSegment")
  SimpleCommandBus commandBus(TransactionManager transactionManager, Configuration axon,
      DuplicateCommandHandlerResolver duplicates) {
    SimpleCommandBus bus = SimpleCommandBus.builder()
        .transactionManager(transactionManager)
        .duplicateCommandHandlerResolver(duplicates)
        .spanFactory(axon.getComponent(CommandBusSpanFactory.class))
        .messageMonitor(axon.messageMonitor(CommandBus.class, "commandBus"))
        .rollbackConfiguration(e -> !(e instanceof Refusal || e instanceof UnauthorizedException)
            && RollbackConfigurationType.UNCHECKED_EXCEPTIONS.rollBackOn(e))
        .build();
    bus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axon.correlationDataProviders()));
    return bus;
  }

  /** A command that lost an append race to another node is decided again on the current stream. */
  @Bean
  CommandGateway commandGateway(CommandBus commandBus) {
    return DefaultCommandGateway.builder().commandBus(commandBus).retryScheduler(new ConflictRetry(3)).build();
  }

  /** PostgreSQL's unique violations on the event table are lost append races (see {@link PostgresUniqueViolation}). */
  @Bean
  PersistenceExceptionResolver persistenceExceptionResolver() {
    return new PostgresUniqueViolation();
  }

  /**
   * Aggregates cached between commands, so no command replays a stream: the {@code
   * reelx.axon.aggregate-cache-size} most recently used ones (10,000 by default). Several nodes on
   * one database turn it off ({@code reelx.axon.aggregate-cache=false}): a node's cached aggregate
   * does not see what another node appended, and a refusal decided on it would be stale.
   */
  @Bean
  Cache aggregateCache(Environment env) {
    return env.getProperty("reelx.axon.aggregate-cache", Boolean.class, true)
        ? new BoundedAggregateCache(env.getProperty("reelx.axon.aggregate-cache-size", Integer.class, 10_000))
        : NoCache.INSTANCE;
  }

  /**
   * The event store as Axon's auto-configuration builds it, except that commits wake the event
   * producer (and through it the tracking processors) at most once per {@code
   * reelx.axon.producer-wake-up-delay} (5 ms by default; 0 wakes it on every commit), see {@link
   * CoalescingEventStore}.
   */
  @Qualifier("eventStore")
  @Bean(name = "eventBus")
  EmbeddedEventStore eventStore(EventStorageEngine storageEngine, Configuration axon, Environment env) {
    return new CoalescingEventStore(EmbeddedEventStore.builder()
        .storageEngine(storageEngine)
        .messageMonitor(axon.messageMonitor(org.axonframework.eventsourcing.eventstore.EventStore.class, "eventStore"))
        .spanFactory(axon.getComponent(EventBusSpanFactory.class)),
        env.getProperty("reelx.axon.producer-wake-up-delay", Duration.class, Duration.ofMillis(5)));
  }

  /** Command targets found once per command class (see {@link CachedCommandTargetResolver}); every aggregate names it. */
  @Bean
  CachedCommandTargetResolver commandTargetResolver() {
    return new CachedCommandTargetResolver();
  }

  /** This node's name: owner of its tracking-token claims and of its deadline executions. */
  @Bean
  String reelxNodeId(Environment env) {
    String configured = env.getProperty("reelx.node-id");
    if (configured != null && !configured.isBlank()) {
      return configured.strip();
    }
    String host = env.getProperty("HOSTNAME", "node");
    return host + "-" + ProcessHandle.current().pid() + "-"
        + Long.toString(java.util.concurrent.ThreadLocalRandom.current().nextLong(1L << 30, 1L << 35), 36);
  }

  /** Tracking tokens in PostgreSQL, claimed in this node's name. */
  @Bean
  TokenStore tokenStore(ConnectionProvider connections, Serializer serializer, String reelxNodeId) {
    return JdbcTokenStore.builder()
        .connectionProvider(connections)
        .serializer(serializer)
        .nodeId(reelxNodeId)
        .claimTimeout(Duration.ofSeconds(10))
        .build();
  }

  @Bean
  ClusterMembership clusterMembership(String reelxNodeId, JdbcClient jdbc, EventProcessingConfiguration processing,
      Clock clock) {
    return new ClusterMembership(reelxNodeId, jdbc, processing, READ_MODELS, clock);
  }

  /**
   * A snapshot every {@code reelx.axon.snapshot-threshold} events (250), taken from the cached
   * aggregate when the command that crossed the threshold holds it ({@link CachedStateSnapshotter}).
   */
  @Bean
  SnapshotTriggerDefinition snapshotTrigger(Snapshotter snapshotter, Cache aggregateCache,
      org.axonframework.eventsourcing.eventstore.EventStore eventStore, TransactionManager transactions,
      Environment env) {
    return new EventCountSnapshotTriggerDefinition(
        new CachedStateSnapshotter(aggregateCache, eventStore, transactions, snapshotter),
        env.getProperty("reelx.axon.snapshot-threshold", Integer.class, 250));
  }

  @Autowired
  void configureProcessing(EventProcessingConfigurer processing, TransactionManager transactions,
      JdbcTemplate jdbc) {
    TransactionManager projections = new ProjectionTransactions(transactions, jdbc);
    processing
        .registerTransactionManager(ListingGroups.LISTING_VIEW, c -> projections)
        .registerTransactionManager(ListingGroups.AUCTION_VIEW, c -> projections)
        .registerEventProcessor(Registers.GROUP, AxonConfiguration::subscribingByType)
        .registerListenerInvocationErrorHandler(Registers.GROUP, c -> PropagatingErrorHandler.instance())
        .registerEventProcessor(ListingGroups.LIVE, AxonConfiguration::subscribingByType)
        .registerDefaultDeadLetterPolicy(c -> new DeadLetterPolicy());
  }

  /** Rebuilds the read models from the log on request ({@link ReadModelRebuild}). */
  @Bean
  ReadModelRebuild readModelRebuild(EventProcessingConfiguration processing,
      org.axonframework.eventsourcing.eventstore.EventStore eventStore,
      org.axonframework.eventsourcing.eventstore.EventStorageEngine storage, TransactionManager transactions,
      JdbcTemplate jdbc, ApplicationContext context) {
    return new ReadModelRebuild(processing, eventStore, storage, transactions, jdbc, READ_MODELS, context);
  }

  /**
   * {@code --reelx.rebuild-read-models=true}: the read models are rebuilt once the node has
   * started (start it alone, before it takes traffic).
   */
  @Bean
  org.springframework.boot.ApplicationRunner rebuildReadModelsAtStart(Environment env,
      ObjectProvider<ReadModelRebuild> rebuild) {
    return args -> {
      if (env.getProperty("reelx.rebuild-read-models", Boolean.class, false)) {
        rebuild.getObject().rebuild(Duration.ofHours(6));
      }
    };
  }

  /** Handlers of the tracking groups run in savepoints after a failure, so one event can be parked alone. */
  @Bean
  static IsolatedOnFailure isolatedOnFailure(ObjectProvider<PlatformTransactionManager> transactions) {
    return new IsolatedOnFailure(java.util.Set.copyOf(TRACKING_GROUPS), transactions);
  }

  @Bean
  DeadLetters deadLetters(EventProcessingConfiguration processing, MeterRegistry meters) {
    return new DeadLetters(processing, TRACKING_GROUPS, meters);
  }

  /**
   * A subscribing processor on the event bus, built as Axon's {@code registerSubscribingEventProcessor}
   * builds it, except that it finds its handlers by event type ({@link HandlersByType}).
   */
  private static EventProcessor subscribingByType(String name, Configuration axon, EventHandlerInvoker handlers) {
    EventProcessingConfiguration processing = axon.eventProcessingConfiguration();
    return SubscribingEventProcessor.builder()
        .name(name)
        .eventHandlerInvoker(HandlersByType.wrap(handlers))
        .rollbackConfiguration(processing.rollbackConfiguration(name))
        .errorHandler(processing.errorHandler(name))
        .messageMonitor(processing.messageMonitor(SubscribingEventProcessor.class, name))
        .messageSource(axon.eventBus())
        .processingStrategy(DirectEventProcessingStrategy.INSTANCE)
        .transactionManager(processing.transactionManager(name))
        .spanFactory(axon.getComponent(EventProcessorSpanFactory.class))
        .build();
  }

  @Bean
  Task<?> deadlineDetailsTask(ApplicationContext context) {
    return DbSchedulerDeadlineManager.binaryTask(
        () -> context.getBean(DbSchedulerDeadlineManager.class));
  }

  @Bean
  Scheduler deadlineScheduler(DataSource dataSource, List<Task<?>> tasks, Environment env, String reelxNodeId) {
    return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), tasks)
        .schedulerName(new SchedulerName.Fixed(reelxNodeId))
        .threads(env.getProperty("reelx.deadlines.threads", Integer.class, 4))
        .pollingInterval(
            Duration.ofMillis(env.getProperty("reelx.deadlines.polling-ms", Long.class, 500L)))
        .enableImmediateExecution()
        // stopped by deadlineSchedulerLifecycle, in order with the rest of the application (its own
        // shutdown hook would stop it at the same time as everything else); a deadline still
        // running after a few seconds is picked up again after the restart
        .shutdownMaxWait(Duration.ofSeconds(5))
        .build();
  }

  @Bean
  DbSchedulerDeadlineManager deadlineManager(
      Scheduler deadlineScheduler,
      Configuration configuration,
      @Qualifier("eventSerializer") Serializer serializer,
      TransactionManager transactionManager) {
    return DbSchedulerDeadlineManager.builder()
        .scheduler(deadlineScheduler)
        .scopeAwareProvider(new ConfigurationScopeAwareProvider(configuration))
        .serializer(serializer)
        .transactionManager(transactionManager)
        .startScheduler(false)
        .stopScheduler(false)
        .build();
  }

  /** Starts the deadline scheduler once Axon is running, stops it before Axon shuts down. */
  @Bean
  SmartLifecycle deadlineSchedulerLifecycle(Scheduler deadlineScheduler) {
    return new SmartLifecycle() {
      private volatile boolean running;

      @Override
      public void start() {
        deadlineScheduler.start();
        running = true;
      }

      @Override
      public void stop() {
        deadlineScheduler.stop();
        running = false;
      }

      @Override
      public boolean isRunning() {
        return running;
      }

      @Override
      public int getPhase() {
        return Integer.MAX_VALUE - 10;
      }
    };
  }
}
