package io.reelx.exchange.finance.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.reelx.settlement.application.StreamLog;
import io.reelx.settlement.eventsourcing.EventSourced;
import io.reelx.settlement.eventsourcing.StreamEvent;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One of settlement's streams beside the agreements' (a listing's deposits, an FX pair, a receipt
 * that quotes no invoice, a period's reconciliation, a payout), event-sourced in the exchange's
 * event store under its stream id. The decisions are the pure stream's ({@link EventSourced},
 * chosen by the stream id: {@link StreamLog#emptyState}); this class only loads the history, hands
 * it each command and applies the events it decided, stored as they are. Not cached: a command
 * replays the stream (each one's events are few).
 */
@Aggregate
public class SettlementStreamAggregate {

  @AggregateIdentifier private String streamId;
  private EventSourced<Object, StreamEvent> state;

  protected SettlementStreamAggregate() {}

  @CommandHandler
  public SettlementStreamAggregate(RecordOnStream.Open c) {
    decide(c);
  }

  @CommandHandler
  public StreamLog.Recorded<Object, StreamEvent> handle(RecordOnStream.Existing c) {
    return decide(c);
  }

  private StreamLog.Recorded<Object, StreamEvent> decide(RecordOnStream c) {
    if (state == null) {
      state = StreamLog.emptyState(c.streamId());
    }
    List<StreamEvent> events = state.decide(c.command());
    events.forEach(e -> apply(e));
    return new StreamLog.Recorded<>(events, state);
  }

  @EventSourcingHandler
  void on(StreamEvent e) {
    if (streamId == null) {
      streamId = e.streamId();
    }
    if (state == null) {
      state = StreamLog.emptyState(e.streamId());
    }
    state.evolve(e);
  }
}
