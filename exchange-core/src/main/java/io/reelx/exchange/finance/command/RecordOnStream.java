package io.reelx.exchange.finance.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Has one of settlement's streams beside the agreements' (deposits, FX pairs, receipts,
 * reconciliations, payouts: see {@link io.reelx.settlement.eventsourcing.StreamEvent}) decide
 * {@code command} and record what it decided; answers {@link
 * io.reelx.settlement.application.StreamLog.Recorded}. {@link Open} starts a stream, {@link
 * Existing} goes to one that has events.
 */
public sealed interface RecordOnStream {

  String streamId();

  Object command();

  record Open(String streamId, Object command) implements RecordOnStream {}

  record Existing(@TargetAggregateIdentifier String streamId, Object command) implements RecordOnStream {}
}
