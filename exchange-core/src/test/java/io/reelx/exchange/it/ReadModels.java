package io.reelx.exchange.it;

import java.time.Duration;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.ApplicationContext;

/** Waits for the read models of a running exchange instead of sleeping and hoping. */
final class ReadModels {

  private ReadModels() {}

  /**
   * Returns once every streaming processor has handled every event stored so far (each of its
   * segments is at the event store's head); fails after {@code atMost}.
   */
  static void awaitCaughtUp(ApplicationContext context, Duration atMost) throws InterruptedException {
    long head = context.getBean(EventStore.class).createHeadToken().position().orElse(-1);
    Map<String, org.axonframework.eventhandling.EventProcessor> processors =
        context.getBean(EventProcessingConfiguration.class).eventProcessors();
    long deadline = System.nanoTime() + atMost.toNanos();
    for (var processor : processors.values()) {
      if (!(processor instanceof StreamingEventProcessor streaming)) {
        continue;
      }
      while (!caughtUp(streaming, head)) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError(streaming.getName() + " did not reach event " + head + " within " + atMost
              + ": " + streaming.processingStatus());
        }
        Thread.sleep(50);
      }
    }
  }

  private static boolean caughtUp(StreamingEventProcessor processor, long head) {
    Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
    return !segments.isEmpty() && segments.values().stream()
        .allMatch(s -> !s.isErrorState() && s.getCurrentPosition().orElse(-1) >= head);
  }
}
