package io.reelx.exchange.web.finance;

import io.reelx.exchange.finance.domain.DiscrepancyResolved;
import io.reelx.settlement.application.Records.DiscrepancyRecord;
import io.reelx.settlement.application.Records.FxRateRecord;
import io.reelx.settlement.application.Records.InvoiceRecord;
import io.reelx.settlement.application.Records.PayoutRecord;
import io.reelx.settlement.application.Records.ReceiptRecord;
import io.reelx.settlement.application.Records.ReconciliationRun;
import io.reelx.settlement.application.Records.StatementRecord;
import io.reelx.settlement.application.SettlementDesk;
import io.reelx.settlement.ledger.domain.AccountBalance;
import io.reelx.settlement.ledger.domain.TrialBalance;
import io.reelx.settlement.reconciliation.domain.Resolution;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The finance pages' one door into settlement: every call the pages make to the settlement
 * services is here, with the same names, so that they follow settlement when its desk is split
 * into per-context services. Nothing here decides: the desk (and its domain policies) does.
 */
@Component
public class FinanceDesk {

  private final SettlementDesk settlement;
  private final EventGateway events;
  private final TransactionTemplate tx;

  public FinanceDesk(SettlementDesk settlement, EventGateway events, PlatformTransactionManager transactions) {
    this.settlement = settlement;
    this.events = events;
    this.tx = new TransactionTemplate(transactions);
  }

  // ------------------------------------------------------------------ invoices, statements

  public List<InvoiceRecord> invoices(String contractId) {
    return settlement.invoices(contractId);
  }

  public List<StatementRecord> statements(String contractId) {
    return settlement.statements(contractId);
  }

  public Optional<StatementRecord> statement(String id) {
    return settlement.statement(id);
  }

  // ------------------------------------------------------------------ receipts and reconciliation

  public ReceiptRecord recordReceipt(String id, String counterparty, long amount, String currency, String bankReference,
      String invoiceNumber, String period, LocalDate receivedOn, String recordedBy) {
    return settlement.recordReceipt(id, counterparty, amount, currency, bankReference, invoiceNumber, period, receivedOn,
        recordedBy);
  }

  public List<ReceiptRecord> receipts(String period) {
    return settlement.receipts(period);
  }

  public ReconciliationRun reconcile(String period) {
    return settlement.reconcile(period);
  }

  public List<DiscrepancyRecord> discrepancies(String period, Boolean open) {
    return settlement.discrepancies(period, open);
  }

  public Optional<DiscrepancyRecord> discrepancy(String id) {
    return settlement.discrepancy(id);
  }

  /** As the API resolves one: the resolution and its {@link DiscrepancyResolved} event commit together. */
  public DiscrepancyRecord resolve(String id, Resolution.Outcome outcome, String reason, String resolvedBy) {
    return tx.execute(s -> {
      DiscrepancyRecord d = settlement.resolve(id, outcome, reason, resolvedBy);
      events.publish(new DiscrepancyResolved(d.id(), d.kind(), d.period(), d.subject(), d.expected(), d.actual(),
          d.currency(), d.resolution().outcome().name(), d.resolution().reason(), d.resolution().resolvedBy(),
          d.resolution().at()));
      return d;
    });
  }

  // ------------------------------------------------------------------ payouts

  public PayoutRecord requestPayout(String id, String organizationId, long amount, String currency, String requestedBy) {
    return settlement.requestPayout(id, organizationId, amount, currency, requestedBy);
  }

  public PayoutRecord approvePayout(String id, String approvedBy) {
    return settlement.approvePayout(id, approvedBy);
  }

  public Optional<PayoutRecord> payout(String id) {
    return settlement.payout(id);
  }

  public List<PayoutRecord> payouts(String organizationId) {
    return settlement.payouts(organizationId);
  }

  // ------------------------------------------------------------------ FX and the ledger

  public FxRateRecord setFxRate(String from, String to, BigDecimal rate, String setBy) {
    return settlement.setFxRate(from, to, rate, setBy);
  }

  public List<FxRateRecord> fxRates() {
    return settlement.fxRates();
  }

  public TrialBalance trialBalance() {
    return settlement.ledger().trialBalance();
  }

  public List<AccountBalance> balancesOf(String owner) {
    return settlement.ledger().balancesOf(owner);
  }
}
