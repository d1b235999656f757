package io.reelx.settlement.application;

import io.reelx.settlement.eventsourcing.EventSourced;
import io.reelx.settlement.eventsourcing.StreamEvent;
import io.reelx.settlement.fx.domain.FxPair;
import io.reelx.settlement.ledger.domain.ListingDeposits;
import io.reelx.settlement.payout.domain.Payout;
import io.reelx.settlement.reconciliation.domain.BankReceipt;
import io.reelx.settlement.reconciliation.domain.PeriodReconciliation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where settlement's streams beside the agreements' live as events (see {@link StreamEvent} for
 * the streams): a command is decided on the stream's history and what it decided is appended, in
 * the caller's transaction; the services project the recorded events into their tables and the
 * ledger. exchange-core keeps them in its Axon event store; {@link #inMemory()} is for runs
 * without one (benchmarks).
 */
public interface StreamLog {

  /** What a command recorded (empty: a replay, nothing new) and the stream's state after it. */
  record Recorded<S, E>(List<E> events, S state) {
    public Recorded {
      events = List.copyOf(events);
    }
  }

  /** Decides {@code command} on stream {@code streamId} and appends its events; a refusal appends nothing. */
  <C, E extends StreamEvent, S extends EventSourced<C, E>> Recorded<S, E> record(String streamId, C command);

  /** Whether {@code streamId} has events (or got its first ones in this transaction). */
  boolean exists(String streamId);

  /** A stream's empty state, by the stream's id. */
  @SuppressWarnings("unchecked")
  static <C, E extends StreamEvent> EventSourced<C, E> emptyState(String streamId) {
    String kind = streamId.substring(0, streamId.indexOf('-') + 1);
    return (EventSourced<C, E>) switch (kind) {
      case "deposits-" -> new ListingDeposits();
      case "fx-" -> new FxPair();
      case "receipt-" -> new BankReceipt();
      case "reconciliation-" -> new PeriodReconciliation();
      case "payout-" -> new Payout();
      default -> throw new IllegalArgumentException("not a settlement stream: " + streamId);
    };
  }

  /** Streams in this process's memory only. */
  static StreamLog inMemory() {
    Map<String, List<StreamEvent>> streams = new ConcurrentHashMap<>();
    return new StreamLog() {
      @Override
      @SuppressWarnings("unchecked")
      public <C, E extends StreamEvent, S extends EventSourced<C, E>> Recorded<S, E> record(String streamId, C command) {
        List<StreamEvent> stream = streams.computeIfAbsent(streamId, id -> new ArrayList<>());
        synchronized (stream) {
          EventSourced<C, E> state = emptyState(streamId);
          stream.forEach(e -> state.evolve((E) e));
          List<E> events = state.decide(command);
          events.forEach(state::evolve);
          stream.addAll(events);
          return new Recorded<>(events, (S) state);
        }
      }

      @Override
      public boolean exists(String streamId) {
        List<StreamEvent> stream = streams.get(streamId);
        return stream != null && !stream.isEmpty();
      }
    };
  }
}
