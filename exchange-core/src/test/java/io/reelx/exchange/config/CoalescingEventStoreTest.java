package io.reelx.exchange.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Commits wake the event producer after the delay, all of them are delivered although the
 * producer's own poll is an hour away, and commits close together share a read of the store.
 */
class CoalescingEventStoreTest {

  /** Counts reads of the store; each read sees what was stored when it began, as a database query does. */
  private final AtomicInteger reads = new AtomicInteger();
  private final InMemoryEventStorageEngine engine = new InMemoryEventStorageEngine() {
    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken token, boolean mayBlock) {
      reads.incrementAndGet();
      return super.readEvents(token, mayBlock).toList().stream();
    }
  };
  private final CoalescingEventStore store = new CoalescingEventStore(
      EmbeddedEventStore.builder().storageEngine(engine).fetchDelay(TimeUnit.HOURS.toMillis(1)), Duration.ofMillis(100));

  @AfterEach
  void shutDown() {
    store.shutDown();
  }

  @Test
  void every_commit_reaches_a_tailing_reader_and_commits_close_together_share_a_read() throws Exception {
    store.publish(new GenericEventMessage<>("first"));
    TrackingEventStream stream = store.openStream(null);
    assertThat(stream.nextAvailable().getPayload()).isEqualTo("first");
    // nothing more stored: the reader now tails the producer, which goes idle
    assertThat(stream.hasNextAvailable(50, TimeUnit.MILLISECONDS)).isFalse();
    int readsBefore = reads.get();

    // commits a little apart, so that the producer goes idle between them and only a wake-up
    // (or its hourly poll) makes it read again
    int commits = 100;
    for (int i = 0; i < commits; i++) {
      store.publish(new GenericEventMessage<>("event-" + i));
      Thread.sleep(2);
    }

    Set<Object> seen = new HashSet<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (seen.size() < commits && System.nanoTime() < deadline) {
      if (stream.hasNextAvailable(100, TimeUnit.MILLISECONDS)) {
        seen.add(stream.nextAvailable().getPayload());
      }
    }
    assertThat(seen).as("every committed event, without waiting for the hourly poll").hasSize(commits);
    assertThat(reads.get() - readsBefore).as("reads of the store for %d commits", commits).isLessThan(commits / 2);
  }
}
