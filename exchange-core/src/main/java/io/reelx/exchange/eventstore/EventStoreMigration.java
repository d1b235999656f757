package io.reelx.exchange.eventstore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Copies an event store into another, in global order: every aggregate's events into its stream
 * with the same sequence numbers, and each aggregate's latest snapshot. Resumable: events already
 * in the target (by aggregate and sequence number) are skipped, so a rerun after a failure picks up
 * where it stopped. Payloads are copied in their stored form (same serializer on both sides), not
 * re-serialized. Afterwards {@link #resetProjections} makes the tracking processors rebuild their
 * read models from the new store; the registers written with the events stay as they are.
 *
 * <p>Run it with the exchange stopped (no node may append meanwhile): {@code
 * ops/migrate-to-eventstoredb.sh}.
 */
public final class EventStoreMigration {

  private static final Logger log = LoggerFactory.getLogger(EventStoreMigration.class);

  /** Read models of the tracking processors: cleared so that they rebuild from the new store. */
  static final List<String> PROJECTION_TABLES =
      List.of("listing_view", "registration_view", "contract_offer");

  private static final int BATCH = 500;

  private final EventStorageEngine source;
  private final EventStorageEngine target;

  public EventStoreMigration(EventStorageEngine source, EventStorageEngine target) {
    this.source = source;
    this.target = target;
  }

  /** What was copied. */
  public record Result(long events, long skipped, long aggregates, long snapshots) {}

  public Result migrate() {
    Map<String, Long> lastInTarget = new HashMap<>();
    Set<String> aggregates = new HashSet<>();
    List<DomainEventMessage<?>> batch = new ArrayList<>();
    long copied = 0;
    long skipped = 0;
    try (Stream<? extends TrackedEventMessage<?>> events = source.readEvents(null, false)) {
      java.util.Iterator<? extends TrackedEventMessage<?>> all = events.iterator();
      while (all.hasNext()) {
        TrackedEventMessage<?> tracked = all.next();
        if (!(tracked instanceof DomainEventMessage<?> event)) {
          throw new IllegalStateException("Not an aggregate's event: " + tracked.getIdentifier());
        }
        String aggregate = event.getAggregateIdentifier();
        aggregates.add(aggregate);
        long present = lastInTarget.computeIfAbsent(aggregate, id -> target.lastSequenceNumberFor(id).orElse(-1L));
        if (event.getSequenceNumber() <= present) {
          skipped++;
          continue;
        }
        if (!batch.isEmpty() && !batch.get(0).getAggregateIdentifier().equals(aggregate) || batch.size() == BATCH) {
          target.appendEvents(batch);
          batch.clear();
        }
        batch.add(event);
        lastInTarget.put(aggregate, event.getSequenceNumber());
        if (++copied % 10_000 == 0) {
          log.info("Migrated {} events", copied);
        }
      }
    }
    if (!batch.isEmpty()) {
      target.appendEvents(batch);
    }
    long snapshots = 0;
    for (String aggregate : aggregates) {
      var snapshot = source.readSnapshot(aggregate);
      if (snapshot.isPresent()) {
        target.storeSnapshot(snapshot.get());
        snapshots++;
      }
    }
    Result result = new Result(copied, skipped, aggregates.size(), snapshots);
    log.info("Event store migrated: {}", result);
    return result;
  }

  /**
   * Forgets the tracking processors' positions (they belong to the old store) and clears their
   * read models, so that each processor replays the new store from the start.
   */
  public static void resetProjections(JdbcClient jdbc) {
    for (String table : PROJECTION_TABLES) {
      jdbc.sql("DELETE FROM " + table).update();
    }
    jdbc.sql("DELETE FROM tokenentry").update();
    jdbc.sql("DELETE FROM deadletterentry").update();
  }
}
