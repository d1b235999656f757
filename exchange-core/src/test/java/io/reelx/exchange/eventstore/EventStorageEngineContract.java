package io.reelx.exchange.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every event storage engine of ReelX must do, as Axon relies on it. A subclass supplies the
 * engine; the store lives for the whole class, so each test uses aggregates of its own and, where
 * it reads the global log, looks only at what it appended (or at what came after a token it took).
 *
 * <p>Event timestamps come from one suite clock that moves a second per event, so time and log
 * order agree, as they do in production.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class EventStorageEngineContract {

  /** The serializer the application configures ({@code axon.serializer.*=jackson3}). */
  protected static final Serializer SERIALIZER = Jackson3Serializer.builder().build();

  private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
  private static final AtomicLong SECONDS = new AtomicLong();

  /** A test event payload. */
  public record ThingHappened(String aggregateId, long sequence, String note) {
  }

  /** A test snapshot payload. */
  public record ThingState(String aggregateId, long version, List<String> notes) {
  }

  /** The engine under test; the same instance for all tests of the class. */
  protected abstract EventStorageEngine engine();

  // ---- one aggregate's stream

  @Test
  void appended_events_are_read_back_in_order_with_their_metadata() {
    String id = newId();
    MetaData metaData = MetaData.from(Map.of("correlationId", "corr-1", "causationId", "cause-1",
        "userId", "user-7", "traceId", "trace-9"));
    List<DomainEventMessage<?>> appended = events(id, 0, 3, metaData);
    engine().appendEvents(appended);

    List<? extends DomainEventMessage<?>> read = engine().readEvents(id).asStream().toList();

    assertThat(read).hasSize(3);
    for (int i = 0; i < 3; i++) {
      DomainEventMessage<?> expected = appended.get(i);
      DomainEventMessage<?> actual = read.get(i);
      assertThat(actual.getIdentifier()).isEqualTo(expected.getIdentifier());
      assertThat(actual.getAggregateIdentifier()).isEqualTo(id);
      assertThat(actual.getSequenceNumber()).isEqualTo(i);
      assertThat(actual.getType()).isEqualTo("Thing");
      assertThat(actual.getTimestamp()).isEqualTo(expected.getTimestamp());
      assertThat(actual.getPayload()).isEqualTo(expected.getPayload());
      assertThat(actual.getMetaData()).isEqualTo(metaData);
    }
    assertThat(engine().lastSequenceNumberFor(id)).contains(2L);
  }

  @Test
  void reading_from_a_sequence_number_skips_the_earlier_events() {
    String id = newId();
    engine().appendEvents(events(id, 0, 3, MetaData.emptyInstance()));
    engine().appendEvents(events(id, 3, 3, MetaData.emptyInstance()));

    assertThat(engine().readEvents(id, 2).asStream().map(DomainEventMessage::getSequenceNumber))
        .containsExactly(2L, 3L, 4L, 5L);
    assertThat(engine().readEvents(id, 6).asStream()).isEmpty();
  }

  @Test
  void an_unknown_aggregate_has_no_events() {
    String id = newId();
    assertThat(engine().readEvents(id).asStream()).isEmpty();
    assertThat(engine().lastSequenceNumberFor(id)).isEmpty();
  }

  @Test
  void a_long_stream_is_read_completely() {
    String id = newId();
    for (int from = 0; from < 60; from += 20) {
      engine().appendEvents(events(id, from, 20, MetaData.emptyInstance()));
    }
    assertThat(engine().readEvents(id).asStream().map(DomainEventMessage::getSequenceNumber))
        .containsExactlyElementsOf(range(0, 60));
  }

  // ---- concurrency

  @Test
  void appending_after_a_stale_revision_is_a_concurrency_conflict_and_stores_nothing() {
    String id = newId();
    List<DomainEventMessage<?>> first = events(id, 0, 2, MetaData.emptyInstance());
    engine().appendEvents(first);

    List<DomainEventMessage<?>> stale = events(id, 1, 3, MetaData.emptyInstance());
    assertThatThrownBy(() -> engine().appendEvents(stale)).isInstanceOf(ConcurrencyException.class);

    assertThat(engine().readEvents(id).asStream().map(EventMessage::getIdentifier))
        .containsExactly(first.get(0).getIdentifier(), first.get(1).getIdentifier());
  }

  @Test
  void creating_an_aggregate_twice_is_refused() {
    String id = newId();
    engine().appendEvents(events(id, 0, 1, MetaData.emptyInstance()));

    List<DomainEventMessage<?>> again = events(id, 0, 2, MetaData.emptyInstance());
    assertThatThrownBy(() -> engine().appendEvents(again))
        .isInstanceOf(AggregateStreamCreationException.class);
    assertThat(engine().readEvents(id).asStream()).hasSize(1);
  }

  @Test
  void of_two_racing_appends_at_the_same_revision_exactly_one_wins() throws Exception {
    String id = newId();
    engine().appendEvents(events(id, 0, 1, MetaData.emptyInstance()));
    List<DomainEventMessage<?>> left = events(id, 1, 2, MetaData.emptyInstance());
    List<DomainEventMessage<?>> right = events(id, 1, 2, MetaData.emptyInstance());
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Boolean>> outcomes = new ArrayList<>();
      outcomes.add(pool.submit(() -> tryAppend(start, left)));
      outcomes.add(pool.submit(() -> tryAppend(start, right)));
      start.countDown();
      long wins = 0;
      for (Future<Boolean> outcome : outcomes) {
        wins += outcome.get() ? 1 : 0;
      }
      assertThat(wins).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    List<String> stored = engine().readEvents(id, 1).asStream().map(EventMessage::getIdentifier).toList();
    List<String> leftIds = left.stream().map(EventMessage::getIdentifier).toList();
    List<String> rightIds = right.stream().map(EventMessage::getIdentifier).toList();
    assertThat(stored).satisfiesAnyOf(s -> assertThat(s).isEqualTo(leftIds),
        s -> assertThat(s).isEqualTo(rightIds));
  }

  private boolean tryAppend(CountDownLatch start, List<DomainEventMessage<?>> events)
      throws InterruptedException {
    start.await();
    try {
      engine().appendEvents(events);
      return true;
    } catch (ConcurrencyException lost) {
      return false;
    }
  }

  // ---- snapshots

  @Test
  void the_latest_snapshot_is_read() {
    String id = newId();
    engine().appendEvents(events(id, 0, 6, MetaData.emptyInstance()));
    engine().storeSnapshot(snapshot(id, 2));
    engine().storeSnapshot(snapshot(id, 5));

    DomainEventMessage<?> latest = engine().readSnapshot(id).orElseThrow();
    assertThat(latest.getSequenceNumber()).isEqualTo(5);
    assertThat(latest.getAggregateIdentifier()).isEqualTo(id);
    assertThat(latest.getPayload()).isEqualTo(new ThingState(id, 5, List.of("a", "b")));
    assertThat(engine().readSnapshot(newId())).isEmpty();
  }

  @Test
  void snapshots_are_not_events() {
    TrackingToken before = engine().createHeadToken();
    String id = newId();
    engine().appendEvents(events(id, 0, 1, MetaData.emptyInstance()));
    engine().storeSnapshot(snapshot(id, 0));

    assertThat(tracked(before)).extracting(this::aggregateOf).containsExactly(id);
  }

  // ---- tracking

  @Test
  void the_tail_token_reads_everything_in_global_order_and_aggregates_stay_apart() {
    String x = newId();
    String y = newId();
    List<String> appendedOrder = new ArrayList<>();
    for (int seq = 0; seq < 3; seq++) {
      for (String id : List.of(x, y)) {
        DomainEventMessage<?> event = event(id, seq, MetaData.emptyInstance());
        engine().appendEvents(List.of(event));
        appendedOrder.add(event.getIdentifier());
      }
    }

    List<TrackedEventMessage<?>> all = tracked(engine().createTailToken());
    List<String> ours = all.stream().map(EventMessage::getIdentifier)
        .filter(appendedOrder::contains).toList();
    assertThat(ours).containsExactlyElementsOf(appendedOrder);
    assertStrictlyIncreasing(all);

    assertThat(engine().readEvents(x).asStream().map(this::aggregateOf)).containsOnly(x).hasSize(3);
    assertThat(engine().readEvents(y).asStream().map(DomainEventMessage::getSequenceNumber))
        .containsExactly(0L, 1L, 2L);
  }

  @Test
  void the_head_token_reads_only_new_events() {
    engine().appendEvents(events(newId(), 0, 2, MetaData.emptyInstance()));
    TrackingToken head = engine().createHeadToken();
    String later = newId();
    engine().appendEvents(events(later, 0, 2, MetaData.emptyInstance()));

    assertThat(tracked(head)).extracting(this::aggregateOf).containsExactly(later, later);
  }

  @Test
  void events_appended_after_a_token_are_seen_from_it() {
    engine().appendEvents(events(newId(), 0, 1, MetaData.emptyInstance()));
    List<TrackedEventMessage<?>> sofar = tracked(engine().createTailToken());
    TrackingToken last = sofar.get(sofar.size() - 1).trackingToken();
    assertThat(tracked(last)).isEmpty();

    String id = newId();
    List<DomainEventMessage<?>> appended = events(id, 0, 4, MetaData.emptyInstance());
    engine().appendEvents(appended);

    List<TrackedEventMessage<?>> next = tracked(last);
    assertThat(next).extracting(EventMessage::getIdentifier)
        .containsExactlyElementsOf(appended.stream().map(EventMessage::getIdentifier).toList());
    assertThat(next).allSatisfy(event -> assertThat(event.trackingToken().covers(last)).isTrue());
    assertThat(next).extracting(EventMessage::getTimestamp)
        .containsExactlyElementsOf(appended.stream().map(EventMessage::getTimestamp).toList());
    assertThat(tracked(next.get(1).trackingToken())).extracting(EventMessage::getIdentifier)
        .containsExactly(appended.get(2).getIdentifier(), appended.get(3).getIdentifier());
  }

  @Test
  void a_token_at_a_time_skips_older_events() {
    String old = newId();
    engine().appendEvents(events(old, 0, 2, MetaData.emptyInstance()));
    Instant cut = tick();
    String recent = newId();
    engine().appendEvents(events(recent, 0, 2, MetaData.emptyInstance()));

    TrackingToken at = engine().createTokenAt(cut);

    assertThat(tracked(at)).extracting(this::aggregateOf).containsExactly(recent, recent);
  }

  @Test
  void tokens_compare_and_cover_in_log_order() {
    String id = newId();
    TrackingToken before = engine().createHeadToken();
    engine().appendEvents(events(id, 0, 2, MetaData.emptyInstance()));
    List<TrackedEventMessage<?>> two = tracked(before);
    TrackingToken first = two.get(0).trackingToken();
    TrackingToken second = two.get(1).trackingToken();

    assertThat(second.covers(first)).isTrue();
    assertThat(first.covers(second)).isFalse();
    assertThat(first.covers(first)).isTrue();
    assertThat(first.lowerBound(second)).isEqualTo(first);
    assertThat(first.upperBound(second)).isEqualTo(second);
    assertThat(second.lowerBound(first)).isEqualTo(first);
    assertThat(engine().createHeadToken().covers(second)).isTrue();
    assertThat(second.position()).isPresent();
    assertThat(second.position().getAsLong()).isGreaterThan(first.position().getAsLong());
  }

  @Test
  void an_event_published_outside_an_aggregate_is_tracked() {
    TrackingToken before = engine().createHeadToken();
    EventMessage<?> published = new GenericEventMessage<>(
        new ThingHappened("none", 0, "broadcast"), MetaData.with("correlationId", "c-2"));
    published = new GenericEventMessage<>(published.getIdentifier(), published.getPayload(),
        published.getMetaData(), tick());
    engine().appendEvents(List.of(published));

    List<TrackedEventMessage<?>> tracked = tracked(before);
    assertThat(tracked).hasSize(1);
    assertThat(tracked.get(0).getIdentifier()).isEqualTo(published.getIdentifier());
    assertThat(tracked.get(0).getPayload()).isEqualTo(published.getPayload());
    assertThat(tracked.get(0).getMetaData()).isEqualTo(published.getMetaData());
  }

  // ---- helpers

  protected static String newId() {
    return UUID.randomUUID().toString();
  }

  /** The next instant of the suite clock. */
  protected static Instant tick() {
    return EPOCH.plusSeconds(SECONDS.incrementAndGet());
  }

  protected static DomainEventMessage<?> event(String id, long seq, MetaData metaData) {
    return new GenericDomainEventMessage<>("Thing", id, seq,
        new ThingHappened(id, seq, "note " + seq), metaData, UUID.randomUUID().toString(), tick());
  }

  protected static List<DomainEventMessage<?>> events(String id, long from, int count,
      MetaData metaData) {
    List<DomainEventMessage<?>> events = new ArrayList<>();
    for (long seq = from; seq < from + count; seq++) {
      events.add(event(id, seq, metaData));
    }
    return events;
  }

  protected static DomainEventMessage<?> snapshot(String id, long seq) {
    return new GenericDomainEventMessage<>("Thing", id, seq,
        new ThingState(id, seq, List.of("a", "b")), MetaData.emptyInstance(),
        UUID.randomUUID().toString(), tick());
  }

  protected List<TrackedEventMessage<?>> tracked(TrackingToken from) {
    try (var stream = engine().readEvents(from, false)) {
      return stream.<TrackedEventMessage<?>>map(e -> e).toList();
    }
  }

  private String aggregateOf(EventMessage<?> event) {
    return ((DomainEventMessage<?>) event).getAggregateIdentifier();
  }

  private static void assertStrictlyIncreasing(List<TrackedEventMessage<?>> events) {
    for (int i = 1; i < events.size(); i++) {
      TrackingToken previous = events.get(i - 1).trackingToken();
      TrackingToken current = events.get(i).trackingToken();
      assertThat(current.covers(previous)).as("token %d covers token %d", i, i - 1).isTrue();
      assertThat(previous.covers(current)).as("token %d does not cover token %d", i - 1, i).isFalse();
    }
  }

  private static List<Long> range(long from, long to) {
    List<Long> values = new ArrayList<>();
    for (long v = from; v < to; v++) {
      values.add(v);
    }
    return values;
  }
}
