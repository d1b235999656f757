package io.reelx.exchange.web.finance;

import io.reelx.settlement.application.Records.DiscrepancyRecord;
import io.reelx.settlement.application.Records.FxRateRecord;
import io.reelx.settlement.application.Records.InvoiceRecord;
import io.reelx.settlement.application.Records.PayoutRecord;
import io.reelx.settlement.application.Records.ReceiptRecord;
import io.reelx.settlement.application.Records.ReconciliationRun;
import io.reelx.settlement.application.Records.StatementRecord;
import io.reelx.settlement.fx.application.FxService;
import io.reelx.settlement.ledger.domain.AccountBalance;
import io.reelx.settlement.ledger.query.JdbcLedger;
import io.reelx.settlement.payout.application.PayoutService;
import io.reelx.settlement.reconciliation.application.ReconciliationService;
import io.reelx.settlement.statement.application.StatementService;
import io.reelx.settlement.ledger.domain.TrialBalance;
import io.reelx.settlement.reconciliation.domain.Resolution;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The finance pages' one door into settlement: every call the pages make to settlement's
 * per-context application services is here, with the services' names. Nothing here decides: the
 * services (and their domain policies) do, as they do for the API.
 */
@Component
public class FinanceDesk {

  private final StatementService statements;
  private final ReconciliationService reconciliation;
  private final PayoutService payouts;
  private final FxService fx;
  private final JdbcLedger ledger;

  public FinanceDesk(StatementService statements, ReconciliationService reconciliation, PayoutService payouts, FxService fx,
      JdbcLedger ledger) {
    this.statements = statements;
    this.reconciliation = reconciliation;
    this.payouts = payouts;
    this.fx = fx;
    this.ledger = ledger;
  }

  // ------------------------------------------------------------------ invoices, statements

  public List<InvoiceRecord> invoices(String contractId) {
    return statements.invoices(contractId);
  }

  public List<StatementRecord> statements(String contractId) {
    return statements.statements(contractId);
  }

  public Optional<StatementRecord> statement(String id) {
    return statements.statement(id);
  }

  // ------------------------------------------------------------------ receipts and reconciliation

  public ReceiptRecord recordReceipt(String id, String counterparty, long amount, String currency, String bankReference,
      String invoiceNumber, String period, LocalDate receivedOn, String recordedBy) {
    return reconciliation.recordReceipt(id, counterparty, amount, currency, bankReference, invoiceNumber, period, receivedOn,
        recordedBy);
  }

  public List<ReceiptRecord> receipts(String period) {
    return reconciliation.receipts(period);
  }

  public ReconciliationRun reconcile(String period) {
    return reconciliation.reconcile(period);
  }

  public List<DiscrepancyRecord> discrepancies(String period, Boolean open) {
    return reconciliation.discrepancies(period, open);
  }

  public Optional<DiscrepancyRecord> discrepancy(String id) {
    return reconciliation.discrepancy(id);
  }

  /** The resolution is the period reconciliation's own event, as when the API resolves one. */
  public DiscrepancyRecord resolve(String id, Resolution.Outcome outcome, String reason, String resolvedBy) {
    return reconciliation.resolve(id, outcome, reason, resolvedBy);
  }

  // ------------------------------------------------------------------ payouts

  public PayoutRecord requestPayout(String id, String organizationId, long amount, String currency, String requestedBy) {
    return payouts.requestPayout(id, organizationId, amount, currency, requestedBy);
  }

  public PayoutRecord approvePayout(String id, String approvedBy) {
    return payouts.approvePayout(id, approvedBy);
  }

  public Optional<PayoutRecord> payout(String id) {
    return payouts.payout(id);
  }

  public List<PayoutRecord> payouts(String organizationId) {
    return payouts.payouts(organizationId);
  }

  // ------------------------------------------------------------------ FX and the ledger

  public FxRateRecord setFxRate(String from, String to, BigDecimal rate, String setBy) {
    return fx.setFxRate(from, to, rate, setBy);
  }

  public List<FxRateRecord> fxRates() {
    return fx.fxRates();
  }

  public TrialBalance trialBalance() {
    return ledger.trialBalance();
  }

  public List<AccountBalance> balancesOf(String owner) {
    return ledger.balancesOf(owner);
  }
}
