package io.reelx.settlement.agreement.domain;

import io.reelx.settlement.money.Money;
import io.reelx.settlement.reconciliation.domain.Discrepancy;
import io.reelx.settlement.reconciliation.domain.Resolution;
import io.reelx.settlement.report.domain.ReportSummary;
import io.reelx.settlement.statement.domain.SettlementPosition;
import io.reelx.settlement.statement.domain.Statement;
import io.reelx.settlement.statement.domain.StatementAdjustment;
import io.reelx.settlement.statement.domain.StatementId;
import io.reelx.settlement.terms.domain.SettlementTerms;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * What happened to a settlement agreement, in the order it happened: the event log answers "why
 * is this figure what it is". Every event names its contract (the agreement's identity). Money is
 * integer minor units; statements and adjustments are recorded whole, with the rule version (the
 * terms' version) they were computed under. {@link SettlementAgreement#evolve} folds them into
 * state; {@link SettlementAgreement#postings} lists the ledger transfers each one causes, with ids
 * derived from that cause.
 */
public sealed interface AgreementEvent {

  String contractId();

  /**
   * A contract became active: its parties, currency and terms (rule version 1), the price balance
   * still due after the deposit, and the zone whose calendar months invoices are counted in.
   */
  record AgreementOpened(String contractId, String listingId, String currency, String licensorOrganizationId,
      String licenseeOrganizationId, SettlementTerms terms, int ruleVersion, long priceDue, LocalDate priceDueOn, ZoneId zone,
      Instant openedAt) implements AgreementEvent {}

  /** Finance recorded other terms (before the first statement); {@code ruleVersion} is the new version. */
  record TermsReplaced(String contractId, SettlementTerms terms, int ruleVersion, String replacedBy, Instant at)
      implements AgreementEvent {}

  /** The licence ended: {@code lastDay} is the last day it covered; later months cannot be reported. */
  record AgreementEnded(String contractId, LocalDate lastDay) implements AgreementEvent {}

  /**
   * A platform reported a period's revenue: the totals and the SHA-256 of the canonical lines (the
   * lines themselves are not kept), the payable it declared, the statement this version produced
   * and the agreement's running position afterwards.
   */
  record RevenueReported(String contractId, String period, int version, ReportSummary totals, String linesSha256,
      long declaredPayable, StatementId statementId, SettlementPosition positionAfter, String submittedBy, Instant at)
      implements AgreementEvent {}

  /** A period's first statement, computed under {@code ruleVersion} from the period's opening position. */
  record StatementIssued(String contractId, Statement statement, long declaredPayable, int ruleVersion, Instant at)
      implements AgreementEvent {}

  /**
   * A period's new statement version: the period restated, or a later one re-rated by the cascade;
   * {@code adjustment} is every per-field and per-payee difference from the version it replaces.
   */
  record StatementRestated(String contractId, Statement statement, StatementAdjustment adjustment, long declaredPayable,
      int ruleVersion, Instant at) implements AgreementEvent {}

  /** What a counterparty is asked to pay, under an invoice number derived from its cause. */
  record InvoiceRaised(String contractId, String number, String counterparty, Money amount, InvoiceKind kind, String period,
      Instant at) implements AgreementEvent {}

  /** Money received from a counterparty against one of the agreement's invoices. */
  record PaymentReceived(String contractId, String receiptId, String counterparty, Money amount, String bankReference,
      String invoiceNumber, String period, LocalDate receivedOn, String recordedBy, Instant at) implements AgreementEvent {}

  /** Reconciliation found (or found again, with other figures) a mismatch; {@code period} is the month reconciled. */
  record DiscrepancyFound(String contractId, Discrepancy discrepancy, String period, Instant at) implements AgreementEvent {}

  /** A discrepancy resolved, once. */
  record DiscrepancyResolved(String contractId, String discrepancyId, Resolution resolution) implements AgreementEvent {}

  /** A finance officer asked to pay an organisation out; nothing moves yet. */
  record PayoutRequested(String contractId, String payoutId, String organizationId, Money amount, String requestedBy, Instant at)
      implements AgreementEvent {}

  /** Another finance officer approved the payout; the organisation's account pays the bank. */
  record PayoutApproved(String contractId, String payoutId, String approvedBy, Instant at) implements AgreementEvent {}

  /** A finance officer refused the payout; it will never be paid. */
  record PayoutRefused(String contractId, String payoutId, String refusedBy, String reason, Instant at) implements AgreementEvent {}

  /** Why an invoice was raised. */
  enum InvoiceKind {
    LICENCE_PRICE, MINIMUM_GUARANTEE, STATEMENT, ADJUSTMENT
  }
}
