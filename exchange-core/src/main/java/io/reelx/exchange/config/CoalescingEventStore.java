package io.reelx.exchange.config;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

/**
 * Axon's embedded event store, except that a commit does not wake the event producer at once: the
 * first commit after a fetch schedules one wake-up {@code delay} later, and the commits until then
 * ride along. Axon wakes the producer on every commit, and the producer then reads the store twice
 * (the new events, then nothing) and wakes every tracking processor; at hundreds of commits a
 * second the producer and the processors took a quarter of the JVM's CPU, for read models that
 * are eventually consistent anyway. The delay bounds what it adds to their lag. Subscribing processors (the
 * registers, the live feed) are not affected: they handle events in the committing transaction.
 *
 * <p>No commit is missed: the pending flag is cleared before the producer is woken, so a commit
 * that comes after that schedules a wake-up of its own, and one that came before is visible to the
 * fetch. The producer also polls on its own every second, as before.
 */
public class CoalescingEventStore extends EmbeddedEventStore {

  private final long delayNanos;
  private final AtomicBoolean wakeUpPending = new AtomicBoolean();
  private final ScheduledExecutorService wakeUps = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "event-store-wake-up");
    thread.setDaemon(true);
    return thread;
  });

  CoalescingEventStore(Builder builder, Duration delay) {
    super(builder);
    this.delayNanos = delay.toNanos();
  }

  @Override
  protected void afterCommit(List<? extends EventMessage<?>> events) {
    if (delayNanos <= 0) {
      super.afterCommit(events);
    } else if (wakeUpPending.compareAndSet(false, true)) {
      try {
        wakeUps.schedule(() -> {
          wakeUpPending.set(false);
          CoalescingEventStore.super.afterCommit(events);
        }, delayNanos, TimeUnit.NANOSECONDS);
      } catch (RejectedExecutionException shuttingDown) {
        wakeUpPending.set(false);
        super.afterCommit(events);
      }
    }
  }

  @Override
  public void shutDown() {
    wakeUps.shutdownNow();
    super.shutDown();
  }
}
