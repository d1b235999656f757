package io.reelx.exchange.config;

import io.reelx.exchange.listing.domain.BidPlaced;
import io.reelx.exchange.listing.domain.ListingAwarded;
import io.reelx.exchange.listing.domain.ListingFailed;
import io.reelx.exchange.listing.query.BidBook;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
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
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rebuilds the read models from the event store: the tracking views ({@code listing-view},
 * {@code auction-view}) are reset (their reset handlers empty them) and replay the log, and the
 * bid book, written with the bids in the command's transaction and so never replayed by a
 * processor, is emptied and filled again from the listing events by its own handlers, a few
 * thousand events per transaction.
 *
 * <p>The registers that hold more than events (users and organisations with their credentials and
 * tokens, written by the identity service beside its events) and the groups that act rather than
 * show (contract drafting, settlement intake) are not rebuilt. Run it while no bids are placed
 * (the bid book is refilled up to the head of the log seen at the start): {@code
 * --reelx.rebuild-read-models=true} rebuilds at start, before the node is used.
 */
public class ReadModelRebuild {

  private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);
  /** Listing events per transaction while the bid book is refilled. */
  static final int BID_BOOK_BATCH = 5_000;
  private static final Set<String> BID_BOOK_TYPES =
      Set.of(BidPlaced.class.getName(), ListingAwarded.class.getName(), ListingFailed.class.getName());

  /** What a rebuild did: events in the log, bid-book events replayed, and how long it took. */
  public record Report(long events, long bidBookEvents, Duration took, Duration bidBookTook, Duration bidBookWriting) {
    public long eventsPerSecond() {
      return events * 1_000_000_000L / Math.max(1, took.toNanos());
    }
  }

  private final EventProcessingConfiguration processing;
  private final EventStore eventStore;
  private final EventStorageEngine storage;
  private final TransactionManager transactions;
  private final BidBook bidBook;
  private final JdbcTemplate jdbc;
  private final List<String> trackingViews;
  /** Nanoseconds spent handling and writing the bid book's batches (the rest of its time is reading). */
  private long writing;

  ReadModelRebuild(EventProcessingConfiguration processing, EventStore eventStore, EventStorageEngine storage,
      TransactionManager transactions, BidBook bidBook, JdbcTemplate jdbc, List<String> trackingViews) {
    this.processing = processing;
    this.eventStore = eventStore;
    this.storage = storage;
    this.transactions = new ProjectionTransactions(transactions, jdbc);
    this.bidBook = bidBook;
    this.jdbc = jdbc;
    this.trackingViews = List.copyOf(trackingViews);
  }

  /** Rebuilds every read model and returns when all of them have caught up with the log's head. */
  public Report rebuild(Duration timeout) throws InterruptedException {
    long started = System.nanoTime();
    TrackingToken head = eventStore.createHeadToken();
    long headPosition = head == null ? -1 : head.position().orElse(-1);
    List<TrackingEventProcessor> views = new ArrayList<>();
    for (String name : trackingViews) {
      processing.eventProcessor(name, TrackingEventProcessor.class).ifPresent(views::add);
    }
    for (TrackingEventProcessor view : views) {
      view.shutDown();
      view.resetTokens();
      view.start();
    }
    long bidBookStarted = System.nanoTime();
    writing = 0;
    long bidBookEvents = rebuildBidBook(head);
    Duration bidBook = Duration.ofNanos(System.nanoTime() - bidBookStarted);
    awaitCaughtUp(views, headPosition, started + timeout.toNanos());
    Report report = new Report(headPosition + 1, bidBookEvents, Duration.ofNanos(System.nanoTime() - started), bidBook,
        Duration.ofNanos(writing));
    log.info("Read models rebuilt: {} events in {} ms ({} events/s), {} of them into the bid book", report.events(),
        report.took().toMillis(), report.eventsPerSecond(), bidBookEvents);
    return report;
  }

  private long rebuildBidBook(TrackingToken head) {
    AnnotationEventHandlerAdapter handler = new AnnotationEventHandlerAdapter(bidBook);
    long headPosition = head == null ? -1 : head.position().orElse(-1);
    jdbc.execute("TRUNCATE bid_view");
    long replayed = 0;
    List<EventMessage<?>> batch = new ArrayList<>(BID_BOOK_BATCH);
    try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents((TrackingToken) null, false)) {
      var it = events.iterator();
      while (it.hasNext()) {
        TrackedEventMessage<?> event = it.next();
        if (event.trackingToken().position().orElse(Long.MAX_VALUE) > headPosition) {
          break;
        }
        if (!BID_BOOK_TYPES.contains(event.getPayloadType().getName())) {
          continue;
        }
        batch.add(event);
        if (batch.size() == BID_BOOK_BATCH) {
          replayed += apply(handler, batch);
        }
      }
    }
    return replayed + apply(handler, batch);
  }

  private int apply(AnnotationEventHandlerAdapter handler, List<EventMessage<?>> batch) {
    int n = batch.size();
    if (n == 0) {
      return 0;
    }
    long began = System.nanoTime();
    BatchingUnitOfWork<EventMessage<?>> unit = new BatchingUnitOfWork<>(List.copyOf(batch));
    unit.attachTransaction(transactions);
    // called once per message, the unit of work's current message being that message
    unit.executeWithResult(() -> handler.handle(unit.getMessage()), RollbackConfigurationType.ANY_THROWABLE);
    if (unit.getExecutionResult() != null && unit.getExecutionResult().isExceptionResult()) {
      throw new IllegalStateException("bid book replay failed", unit.getExecutionResult().getExceptionResult());
    }
    batch.clear();
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
}
