package io.reelx.settlement.eventsourcing;

import java.util.List;

/**
 * A settlement stream's state in plain Java, event-sourced: {@link #decide} answers a command with
 * the events it causes (none: a replay, nothing new) or refuses it ({@link Refused}, or the
 * stream's own refusal) without changing the state; {@link #evolve} folds an event in.
 */
public interface EventSourced<C, E extends StreamEvent> {

  List<E> decide(C command);

  void evolve(E event);
}
