/**
 * What settlement's event-sourced streams share, in plain Java: a state that decides and evolves
 * ({@link io.reelx.settlement.eventsourcing.EventSourced}), events that name their stream, and
 * refusals.
 */
package io.reelx.settlement.eventsourcing;
