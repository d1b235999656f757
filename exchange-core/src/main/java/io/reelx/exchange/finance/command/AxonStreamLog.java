package io.reelx.exchange.finance.command;

import io.reelx.settlement.application.StreamLog;
import io.reelx.settlement.eventsourcing.EventSourced;
import io.reelx.settlement.eventsourcing.StreamEvent;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Settlement's streams beside the agreements' in the exchange's event store: each command goes to
 * the stream's aggregate ({@link SettlementStreamAggregate}) through the command bus, in the
 * caller's transaction, and answers what it recorded. As with {@link AxonAgreementLog}, whether a
 * stream exists is read from the event store, and a stream started earlier in the same unit of
 * work (appended when that unit commits) counts as existing.
 */
@Component
public class AxonStreamLog implements StreamLog {

  private static final String STARTED = AxonStreamLog.class.getName() + ".started";

  private final CommandGateway commands;
  private final EventStore events;

  public AxonStreamLog(CommandGateway commands, EventStore events) {
    this.commands = commands;
    this.events = events;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <C, E extends StreamEvent, S extends EventSourced<C, E>> Recorded<S, E> record(String streamId, C command) {
    if (exists(streamId)) {
      return (Recorded<S, E>) commands.sendAndWait(new RecordOnStream.Existing(streamId, command));
    }
    // the stream's first events: decided here on an empty state as the aggregate's constructor decides them
    EventSourced<C, E> state = StreamLog.emptyState(streamId);
    List<E> decided = state.decide(command);
    if (decided.isEmpty()) {
      return new Recorded<>(decided, (S) state);
    }
    commands.sendAndWait(new RecordOnStream.Open(streamId, command));
    startedInThisUnit().add(streamId);
    decided.forEach(state::evolve);
    return new Recorded<>(decided, (S) state);
  }

  @Override
  public boolean exists(String streamId) {
    return startedInThisUnit().contains(streamId) || events.readEvents(streamId).hasNext();
  }

  private static Set<String> startedInThisUnit() {
    return CurrentUnitOfWork.isStarted()
        ? CurrentUnitOfWork.get().root().getOrComputeResource(STARTED, k -> new HashSet<>())
        : new HashSet<>();
  }
}
