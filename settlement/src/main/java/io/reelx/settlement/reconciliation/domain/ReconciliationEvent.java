package io.reelx.settlement.reconciliation.domain;

import io.reelx.settlement.eventsourcing.StreamEvent;
import io.reelx.settlement.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What reconciliation recorded: money received that quotes no invoice (stream {@code
 * receipt-<id>}), and a period's runs and the discrepancies they found, cleared or finance
 * resolved (stream {@code reconciliation-<period>}). A receipt that quotes an agreement's invoice
 * is the agreement's event instead.
 */
public sealed interface ReconciliationEvent extends StreamEvent {

  /** Money received from a counterparty, against no invoice; {@code period} is the one given, else the month received. */
  record ReceiptRecorded(String receiptId, String counterparty, Money amount, String bankReference, String invoiceNumber,
      String period, LocalDate receivedOn, String recordedBy, Instant at) implements ReconciliationEvent {
    @Override
    public String streamId() {
      return BankReceipt.streamIdOf(receiptId);
    }
  }

  /** A period was reconciled: how many statements and counterparties were checked, which discrepancies stand. */
  record PeriodReconciled(String period, int payablesChecked, int paymentsChecked, List<String> found, Instant at)
      implements ReconciliationEvent {
    public PeriodReconciled {
      found = List.copyOf(found);
    }

    @Override
    public String streamId() {
      return PeriodReconciliation.streamIdOf(period);
    }
  }

  /** A mismatch found, or found again with other figures (while open). */
  record DiscrepancyFound(String period, Discrepancy discrepancy, String contractId, String counterparty, Instant at)
      implements ReconciliationEvent {
    @Override
    public String streamId() {
      return PeriodReconciliation.streamIdOf(period);
    }
  }

  /** Finance resolved a discrepancy, or a later run no longer found it ({@link Resolution.Outcome#CLEARED}). */
  record DiscrepancyResolved(String period, String discrepancyId, Resolution resolution) implements ReconciliationEvent {
    @Override
    public String streamId() {
      return PeriodReconciliation.streamIdOf(period);
    }
  }
}
