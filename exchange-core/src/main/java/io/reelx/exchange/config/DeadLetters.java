package io.reelx.exchange.config;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The events that tracking groups parked because they could not apply them: counted (a gauge per
 * group and a health detail), listed for operators, and retried on request.
 */
public class DeadLetters implements HealthIndicator {

  /** At most this many parked events are listed per group. */
  static final int LISTED = 100;

  private final EventProcessingConfiguration processing;
  private final List<String> groups;

  public DeadLetters(EventProcessingConfiguration processing, List<String> groups, MeterRegistry meters) {
    this.processing = processing;
    this.groups = List.copyOf(groups);
    for (String group : groups) {
      Gauge.builder("reelx.dead.letters", this, d -> d.count(group))
          .tag("group", group)
          .description("Events parked by the group because it could not apply them")
          .register(meters);
    }
  }

  /** One parked event. {@code causeType} is null for an event parked behind an earlier one of its aggregate. */
  public record Letter(String eventId, String eventType, String aggregateId, Long sequenceNumber, String causeType,
      String causeMessage, Instant enqueuedAt, Instant lastTouched) {}

  /** A group's queue: how many aggregates and events are parked, and the first of them. */
  public record Group(String group, long sequences, long letters, List<Letter> items) {}

  public List<String> groups() {
    return groups;
  }

  public boolean has(String group) {
    return groups.contains(group) && queue(group).isPresent();
  }

  public List<Group> report() {
    List<Group> report = new ArrayList<>();
    for (String group : groups) {
      queue(group).ifPresent(queue -> {
        List<Letter> items = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
          for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
            if (items.size() < LISTED) {
              items.add(letter(letter));
            }
          }
          if (items.size() >= LISTED) {
            break;
          }
        }
        report.add(new Group(group, queue.amountOfSequences(), queue.size(), items));
      });
    }
    return report;
  }

  /** Parked events of {@code group}; 0 for a group without a queue. */
  public long count(String group) {
    return queue(group).map(SequencedDeadLetterQueue::size).orElse(0L);
  }

  /**
   * Tries every parked sequence of the group again, each from its first event, with handlers
   * isolated in savepoints; returns how many sequences were applied and left the queue.
   */
  public int retry(String group) {
    SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group).orElseThrow();
    SequencedDeadLetterProcessor<EventMessage<?>> processor =
        processing.sequencedDeadLetterProcessor(group).orElseThrow();
    List<String> firsts = new ArrayList<>();
    for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
      var iterator = sequence.iterator();
      if (iterator.hasNext()) {
        firsts.add(iterator.next().message().getIdentifier());
      }
    }
    int applied = 0;
    for (String first : firsts) {
      if (IsolatedOnFailure.isolating(() -> processor.process(l -> l.message().getIdentifier().equals(first)))) {
        applied++;
      }
    }
    return applied;
  }

  public long sequences(String group) {
    return queue(group).map(SequencedDeadLetterQueue::amountOfSequences).orElse(0L);
  }

  @Override
  public Health health() {
    Map<String, Long> parked = new LinkedHashMap<>();
    for (String group : groups) {
      parked.put(group, count(group));
    }
    // parked events do not stop the exchange: they are reported, not a reason to be taken out of service
    return Health.up().withDetail("parked", parked).build();
  }

  private Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue(String group) {
    return processing.deadLetterQueue(group);
  }

  private static Letter letter(DeadLetter<? extends EventMessage<?>> letter) {
    EventMessage<?> message = letter.message();
    String aggregate = null;
    Long sequence = null;
    if (message instanceof DomainEventMessage<?> domain) {
      aggregate = domain.getAggregateIdentifier();
      sequence = domain.getSequenceNumber();
    }
    return new Letter(message.getIdentifier(), message.getPayloadType().getSimpleName(), aggregate, sequence,
        letter.cause().map(c -> c.type()).orElse(null), letter.cause().map(c -> c.message()).orElse(null),
        letter.enqueuedAt(), letter.lastTouched());
  }
}
