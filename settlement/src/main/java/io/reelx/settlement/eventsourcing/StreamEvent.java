package io.reelx.settlement.eventsourcing;

/**
 * An event of one of settlement's streams beside the agreements': a listing's deposits ({@code
 * deposits-<listing>}), an FX pair ({@code fx-<from>-<to>}), a receipt that quotes no invoice
 * ({@code receipt-<id>}), a period's reconciliation ({@code reconciliation-<period>}), a payout
 * ({@code payout-<id>}). Every event names its stream.
 */
public interface StreamEvent {

  String streamId();
}
