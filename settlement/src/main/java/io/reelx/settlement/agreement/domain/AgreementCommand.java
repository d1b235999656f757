package io.reelx.settlement.agreement.domain;

import io.reelx.settlement.ledger.domain.AccountBalance;
import io.reelx.settlement.money.Money;
import io.reelx.settlement.reconciliation.domain.Discrepancy;
import io.reelx.settlement.reconciliation.domain.Resolution;
import io.reelx.settlement.report.domain.ReportSummary;
import io.reelx.settlement.statement.domain.FxRate;
import io.reelx.settlement.terms.domain.SettlementTerms;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * What may be asked of a settlement agreement. Commands carry everything the decision needs that
 * the agreement does not own: the time, the FX rate finance set, the organisation's ledger balance
 * for a payout. Report lines are read and validated before (streaming), so a report arrives as its
 * totals and the hash of its lines.
 */
public sealed interface AgreementCommand {

  String contractId();

  /** Opens the agreement of a contract that became active; invoice months are counted in {@code zone}. */
  record Open(OpenAgreement agreement, ZoneId zone) implements AgreementCommand {
    @Override
    public String contractId() {
      return agreement.contractId();
    }
  }

  record ReplaceTerms(String contractId, SettlementTerms terms, String replacedBy, Instant at) implements AgreementCommand {}

  record End(String contractId, LocalDate lastDay) implements AgreementCommand {}

  /**
   * A period's report: {@code version} null means "the next one" (or a replay of the latest with the
   * same content); {@code fx} converts the report currency to the contract's (null when they match).
   */
  record ReportRevenue(String contractId, String period, Integer version, ReportSummary totals, String linesSha256,
      long declaredPayable, FxRate fx, String submittedBy, Instant at) implements AgreementCommand {}

  record RecordPayment(String contractId, String receiptId, String counterparty, Money amount, String bankReference,
      String invoiceNumber, LocalDate receivedOn, String recordedBy, Instant at) implements AgreementCommand {}

  record RecordDiscrepancy(String contractId, Discrepancy discrepancy, String period, Instant at) implements AgreementCommand {}

  record ResolveDiscrepancy(String contractId, String discrepancyId, Resolution resolution) implements AgreementCommand {}

  record RequestPayout(String contractId, String payoutId, String organizationId, Money amount, String requestedBy, Instant at)
      implements AgreementCommand {}

  /** {@code balance} is the organisation's account as the ledger holds it now, locked (null: never opened). */
  record ApprovePayout(String contractId, String payoutId, String approvedBy, AccountBalance balance, Instant at)
      implements AgreementCommand {}

  record RefusePayout(String contractId, String payoutId, String refusedBy, String reason, Instant at) implements AgreementCommand {}
}
