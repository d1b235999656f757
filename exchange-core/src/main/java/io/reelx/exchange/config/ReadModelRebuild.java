package io.reelx.exchange.config;

import io.reelx.exchange.contract.query.ContractRegister;
import io.reelx.exchange.identity.query.IdentityRegister;
import io.reelx.exchange.listing.query.BidBook;
import io.reelx.exchange.rights.query.JdbcRightsRegister;
import io.reelx.exchange.shared.command.Registers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.ClassUtils;

/**
 * Rebuilds every read model from the event store in one pass over the log: the tracking views
 * ({@code listing-view}, {@code auction-view}) and the registers written with the events (the bid
 * book, the rights register, the contract register and the identity register's organisations and
 * users). Their tables are emptied, then the log, read once up to the head seen at the start, is
 * handed to every projection's own handlers, {@value #BATCH} events per transaction (each
 * projection writes as it does live: the bid book stores a batch's bids with one batched insert),
 * committed without waiting for the WAL flush; the tracking views then go on from that head.
 *
 * <p>The identity register's tables are also what credentials, API tokens and sessions refer to,
 * so they are not emptied: its handlers write into copies in a scratch schema (found first on the
 * rebuild's search path), and the rebuilt rows then replace the live ones in one transaction.
 *
 * <p>Groups that act rather than show (contract drafting, settlement intake) are not replayed. Run
 * it while no commands are handled: {@code --reelx.rebuild-read-models=true} rebuilds at start,
 * before the node is used.
 */
public class ReadModelRebuild {

  private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);
  /** Events per transaction. */
  static final int BATCH = 1_000;
  /** Threads deserializing the batches' payloads (the reader's bulk of work) ahead of the writer. */
  static final int DESERIALIZERS = 2;
  /** Where the identity register's rows are rebuilt before they replace the live ones. */
  static final String SCRATCH = "reelx_rebuild";
  /** The identity register's tables, parents first. */
  private static final List<String> SHADOWED = List.of("organization", "app_user");

  /** What a rebuild did: events in the log, events handed to a projection, how long it took, and the time spent writing. */
  public record Report(long events, long handled, Duration took, Duration writing) {
    public long eventsPerSecond() {
      return events * 1_000_000_000L / Math.max(1, took.toNanos());
    }
  }

  private final EventProcessingConfiguration processing;
  private final EventStore eventStore;
  private final EventStorageEngine storage;
  private final TransactionManager transactions;
  private final JdbcTemplate jdbc;
  private final List<String> trackingViews;
  private final ListableBeanFactory beans;
  /** Each projection and the tables it owns (emptied before the replay), found at the first rebuild. */
  private Map<Object, List<String>> projections;
  private long writing;

  ReadModelRebuild(EventProcessingConfiguration processing, EventStore eventStore, EventStorageEngine storage,
      TransactionManager transactions, JdbcTemplate jdbc, List<String> trackingViews, ListableBeanFactory beans) {
    this.processing = processing;
    this.eventStore = eventStore;
    this.storage = storage;
    this.transactions = new RebuildTransactions(transactions, jdbc);
    this.jdbc = jdbc;
    this.trackingViews = List.copyOf(trackingViews);
    this.beans = beans;
  }

  /**
   * Every member of the tracking views' groups (their reset handlers empty their tables) and of
   * the registers group, with the tables each register owns. A register not known here stops the
   * rebuild: no read model is left out of it unnoticed.
   */
  static Map<Object, List<String>> projections(ListableBeanFactory beans, List<String> trackingViews) {
    Map<Class<?>, List<String>> registers = Map.of(
        BidBook.class, List.of("bid_view"),
        JdbcRightsRegister.class, List.of("title", "holding", "rights_grant"),
        ContractRegister.class, List.of("contract_view"),
        IdentityRegister.class, SHADOWED);
    Map<Object, List<String>> projections = new LinkedHashMap<>();
    for (Object bean : beans.getBeansWithAnnotation(ProcessingGroup.class).values()) {
      Class<?> type = ClassUtils.getUserClass(bean);
      ProcessingGroup group = AnnotationUtils.findAnnotation(type, ProcessingGroup.class);
      if (group == null) {
        continue;
      }
      if (trackingViews.contains(group.value())) {
        projections.put(bean, List.of());
      } else if (Registers.GROUP.equals(group.value())) {
        List<String> tables = registers.get(type);
        if (tables == null) {
          throw new IllegalStateException("The register " + type.getName() + " has no tables known to the rebuild");
        }
        projections.put(bean, tables);
      }
    }
    return projections;
  }

  /** Rebuilds every read model and returns when all of them have caught up with the log's head. */
  public Report rebuild(Duration timeout) throws InterruptedException {
    long started = System.nanoTime();
    if (projections == null) {
      projections = projections(beans, trackingViews);
    }
    TrackingToken head = eventStore.createHeadToken();
    long headPosition = head == null ? -1 : head.position().orElse(-1);
    List<TrackingEventProcessor> views = new ArrayList<>();
    for (String name : trackingViews) {
      processing.eventProcessor(name, TrackingEventProcessor.class).ifPresent(views::add);
    }
    // the views' reset handlers empty them; they resume after the head once the replay has filled them
    for (TrackingEventProcessor view : views) {
      view.shutDown();
      if (head == null) {
        view.resetTokens();
      } else {
        view.resetTokens(head);
      }
    }
    boolean shadowing = projections.containsValue(SHADOWED);
    prepareTables(shadowing);
    writing = 0;
    long handled = replay(headPosition);
    if (shadowing) {
      replaceShadowed();
    }
    for (TrackingEventProcessor view : views) {
      view.start();
    }
    awaitCaughtUp(views, headPosition, started + timeout.toNanos());
    Report report = new Report(headPosition + 1, handled, Duration.ofNanos(System.nanoTime() - started),
        Duration.ofNanos(writing));
    log.info("Read models rebuilt: {} events in {} ms ({} events/s), {} of them handled by a projection",
        report.events(), report.took().toMillis(), report.eventsPerSecond(), handled);
    return report;
  }

  private void prepareTables(boolean shadowing) {
    List<String> emptied = new ArrayList<>();
    projections.values().forEach(tables -> tables.stream().filter(t -> !SHADOWED.contains(t)).forEach(emptied::add));
    if (!emptied.isEmpty()) {
      jdbc.execute("TRUNCATE " + String.join(", ", emptied));
    }
    jdbc.execute("DROP SCHEMA IF EXISTS " + SCRATCH + " CASCADE");
    if (!shadowing) {
      return;
    }
    jdbc.execute("CREATE SCHEMA " + SCRATCH);
    for (String table : SHADOWED) {
      jdbc.execute("CREATE UNLOGGED TABLE " + SCRATCH + "." + table + " (LIKE public." + table + " INCLUDING ALL)");
    }
  }

  /** The rebuilt organisations and users replace the live ones, in one transaction. */
  private void replaceShadowed() {
    Transaction tx = transactions.startTransaction();
    try {
      for (String table : SHADOWED) {
        List<String> columns = jdbc.queryForList("SELECT column_name FROM information_schema.columns"
            + " WHERE table_schema = 'public' AND table_name = ? ORDER BY ordinal_position", String.class, table);
        String list = String.join(", ", columns);
        String set = String.join(", ", columns.stream().filter(c -> !c.equals("id"))
            .map(c -> c + " = EXCLUDED." + c).toList());
        jdbc.execute("INSERT INTO public." + table + " (" + list + ") SELECT " + list + " FROM " + SCRATCH + "."
            + table + " ON CONFLICT (id) DO UPDATE SET " + set);
      }
      for (int i = SHADOWED.size() - 1; i >= 0; i--) {
        String table = SHADOWED.get(i);
        jdbc.execute("DELETE FROM public." + table + " t WHERE NOT EXISTS (SELECT 1 FROM " + SCRATCH + "." + table
            + " r WHERE r.id = t.id)");
      }
      jdbc.execute("DROP SCHEMA " + SCRATCH + " CASCADE");
      tx.commit();
    } catch (RuntimeException | Error failed) {
      tx.rollback();
      throw failed;
    }
  }

  /**
   * Hands every event up to the head to the projections that handle it; returns how many were
   * handled. One thread reads the log, in batches of the events the projections handle, {@value
   * #DESERIALIZERS} more deserialize the batches' payloads, and this one applies them in log order:
   * reading, deserializing and writing overlap.
   */
  private long replay(long headPosition) throws InterruptedException {
    List<AnnotationEventHandlerAdapter> adapters = projections.keySet().stream()
        .map(AnnotationEventHandlerAdapter::new).toList();
    Map<Class<?>, List<AnnotationEventHandlerAdapter>> byType = new ConcurrentHashMap<>();
    // batches in log order, each deserialized by one of the workers
    BlockingQueue<CompletableFuture<List<EventMessage<?>>>> batches = new ArrayBlockingQueue<>(DESERIALIZERS * 2);
    CompletableFuture<List<EventMessage<?>>> end = CompletableFuture.completedFuture(List.of());
    ExecutorService deserializers = Executors.newFixedThreadPool(DESERIALIZERS, r -> {
      Thread t = new Thread(r, "read-model-rebuild-deserializer");
      t.setDaemon(true);
      return t;
    });
    AtomicReference<Throwable> readFailure = new AtomicReference<>();
    AtomicBoolean stopped = new AtomicBoolean();
    Thread reader = new Thread(() -> {
      try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents((TrackingToken) null, false)) {
        List<EventMessage<?>> batch = new ArrayList<>(BATCH);
        var it = events.iterator();
        while (it.hasNext() && !stopped.get()) {
          TrackedEventMessage<?> event = it.next();
          if (event.trackingToken().position().orElse(Long.MAX_VALUE) > headPosition) {
            break;
          }
          List<AnnotationEventHandlerAdapter> handlers = byType.computeIfAbsent(event.getPayloadType(),
              type -> adapters.stream().filter(a -> a.canHandle(event)).toList());
          if (handlers.isEmpty()) {
            continue;
          }
          batch.add(event);
          if (batch.size() == BATCH) {
            batches.put(deserialized(batch, deserializers));
            batch = new ArrayList<>(BATCH);
          }
        }
        if (!batch.isEmpty()) {
          batches.put(deserialized(batch, deserializers));
        }
      } catch (Throwable failed) {
        readFailure.set(failed);
      } finally {
        try {
          if (!stopped.get()) {
            batches.put(end);
          }
        } catch (InterruptedException ignored) {
          Thread.currentThread().interrupt();
        }
      }
    }, "read-model-rebuild-reader");
    reader.setDaemon(true);
    reader.start();
    long handled = 0;
    try {
      for (var batch = batches.take(); batch != end; batch = batches.take()) {
        handled += apply(byType, batch.join());
      }
    } finally {
      stopped.set(true);
      batches.clear();
      reader.join(TimeUnit.SECONDS.toMillis(30));
      deserializers.shutdownNow();
    }
    if (readFailure.get() != null) {
      throw new IllegalStateException("reading the log failed", readFailure.get());
    }
    return handled;
  }

  /** The batch, once a worker has deserialized its payloads. */
  private static CompletableFuture<List<EventMessage<?>>> deserialized(List<EventMessage<?>> batch,
      ExecutorService workers) {
    return CompletableFuture.supplyAsync(() -> {
      batch.forEach(EventMessage::getPayload);
      return batch;
    }, workers);
  }

  private int apply(Map<Class<?>, List<AnnotationEventHandlerAdapter>> byType, List<EventMessage<?>> batch) {
    int n = batch.size();
    if (n == 0) {
      return 0;
    }
    long began = System.nanoTime();
    BatchingUnitOfWork<EventMessage<?>> unit = new BatchingUnitOfWork<>(List.copyOf(batch));
    unit.attachTransaction(transactions);
    // called once per message, the unit of work's current message being that message
    unit.executeWithResult(() -> {
      EventMessage<?> message = unit.getMessage();
      for (AnnotationEventHandlerAdapter handler : byType.get(message.getPayloadType())) {
        handler.handle(message);
      }
      return null;
    }, RollbackConfigurationType.ANY_THROWABLE);
    if (unit.getExecutionResult() != null && unit.getExecutionResult().isExceptionResult()) {
      throw new IllegalStateException("read-model replay failed", unit.getExecutionResult().getExceptionResult());
    }
    writing += System.nanoTime() - began;
    return n;
  }

  private static void awaitCaughtUp(List<TrackingEventProcessor> views, long head, long deadline)
      throws InterruptedException {
    for (TrackingEventProcessor view : views) {
      while (view.isReplaying() || view.processingStatus().isEmpty() || view.processingStatus().values().stream()
          .anyMatch(s -> s.getCurrentPosition().orElse(-1) < head)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(view.getName() + " did not catch up with the log in time");
        }
        Thread.sleep(10);
      }
    }
  }

  /**
   * The rebuild's transactions: committed without waiting for the WAL flush (a crash in the middle
   * means rebuilding again), with the scratch schema first on the search path, so the identity
   * register writes its copies.
   */
  private static final class RebuildTransactions implements TransactionManager {

    private final TransactionManager delegate;
    private final JdbcTemplate jdbc;

    RebuildTransactions(TransactionManager delegate, JdbcTemplate jdbc) {
      this.delegate = delegate;
      this.jdbc = jdbc;
    }

    @Override
    public Transaction startTransaction() {
      Transaction transaction = delegate.startTransaction();
      jdbc.queryForList("SELECT set_config('synchronous_commit', 'off', true), set_config('search_path', '" + SCRATCH
          + ", ' || current_setting('search_path'), true)");
      return transaction;
    }
  }
}
