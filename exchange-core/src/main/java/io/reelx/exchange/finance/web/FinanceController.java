package io.reelx.exchange.finance.web;

import static io.reelx.exchange.shared.web.Times.utc;

import io.reelx.api.FinanceApi;
import io.reelx.api.model.FxRate;
import io.reelx.api.model.FxRateRequest;
import io.reelx.api.model.LedgerAccount;
import io.reelx.api.model.LedgerTransfer;
import io.reelx.api.model.Payment;
import io.reelx.api.model.PaymentRequest;
import io.reelx.api.model.Payout;
import io.reelx.api.model.PayoutRequest;
import io.reelx.api.model.Reconciliation;
import io.reelx.api.model.ReconciliationPayablesInner;
import io.reelx.api.model.ReconciliationPaymentsInner;
import io.reelx.api.model.ResolutionRequest;
import io.reelx.api.model.TrialBalance;
import io.reelx.api.model.TrialBalanceCurrenciesInner;
import io.reelx.exchange.identity.domain.Role;
import io.reelx.exchange.identity.security.Access;
import io.reelx.exchange.identity.security.CurrentUser;
import io.reelx.exchange.shared.domain.InvalidValue;
import io.reelx.exchange.shared.domain.NotFound;
import io.reelx.exchange.shared.idempotency.IdempotencyKeys;
import io.reelx.exchange.shared.idempotency.web.IdempotentRequests;
import io.reelx.settlement.application.Records.DiscrepancyRecord;
import io.reelx.settlement.application.Records.FxRateRecord;
import io.reelx.settlement.application.Records.PayoutRecord;
import io.reelx.settlement.application.Records.ReceiptRecord;
import io.reelx.settlement.application.Records.ReconciliationRun;
import io.reelx.settlement.fx.application.FxService;
import io.reelx.settlement.ledger.query.JdbcLedger;
import io.reelx.settlement.payout.application.PayoutService;
import io.reelx.settlement.reconciliation.application.ReconciliationService;
import io.reelx.settlement.ledger.domain.AccountBalance;
import io.reelx.settlement.ledger.domain.AccountId;
import io.reelx.settlement.ledger.domain.Transfer;
import io.reelx.settlement.reconciliation.domain.Resolution;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.RestController;

/**
 * Finance's desk. Reads are open to finance, operators and auditors (ledger accounts also to
 * their own organisation); every change is finance's. Money-moving POSTs are keyed by their
 * {@code Idempotency-Key}, which becomes the receipt's or payout's id (and its ledger transfer's).
 */
@RestController
public class FinanceController implements FinanceApi {

  private static final int RECENT_TRANSFERS = 50;

  private final Access access;
  private final FxService fx;
  private final ReconciliationService reconciliation;
  private final PayoutService payouts;
  private final JdbcLedger ledger;
  private final TransactionTemplate tx;
  private final io.reelx.exchange.identity.query.IdentityRegister identities;
  private final IdempotencyKeys keys;
  private final IdempotentRequests idempotent;

  public FinanceController(Access access, FxService fx, ReconciliationService reconciliation, PayoutService payouts, JdbcLedger ledger,
      PlatformTransactionManager transactions, io.reelx.exchange.identity.query.IdentityRegister identities, IdempotencyKeys keys, IdempotentRequests idempotent) {
    this.identities = identities;
    this.keys = keys;
    this.idempotent = idempotent;
    this.access = access;
    this.fx = fx;
    this.reconciliation = reconciliation;
    this.payouts = payouts;
    this.ledger = ledger;
    this.tx = new TransactionTemplate(transactions);
  }

  private CurrentUser reader() {
    return access.require(Role.FINANCE, Role.OPERATOR, Role.AUDITOR);
  }

  // ------------------------------------------------------------------ FX

  @Override
  public ResponseEntity<List<FxRate>> listFxRates() {
    reader();
    return ResponseEntity.ok(fx.fxRates().stream().map(FinanceController::toApi).toList());
  }

  @Override
  public ResponseEntity<FxRate> setFxRate(FxRateRequest request) {
    CurrentUser user = access.require(Role.FINANCE);
    BigDecimal rate;
    try {
      rate = new BigDecimal(request.getRate());
    } catch (NumberFormatException | NullPointerException e) {
      throw new InvalidValue("rate", "must be an exact decimal such as 0.1385");
    }
    return ResponseEntity.ok(toApi(fx.setFxRate(request.getFrom(), request.getTo(), rate, user.userId().value())));
  }

  private static FxRate toApi(FxRateRecord r) {
    return new FxRate().from(r.from()).to(r.to()).rate(r.rate().toPlainString()).setBy(r.setBy()).setAt(utc(r.setAt()));
  }

  // ------------------------------------------------------------------ payments

  @Override
  public ResponseEntity<List<Payment>> listPayments(String period) {
    reader();
    return ResponseEntity.ok(reconciliation.receipts(period).stream().map(FinanceController::toApi).toList());
  }

  @Override
  public ResponseEntity<Payment> recordPayment(String idempotencyKey, PaymentRequest r) {
    CurrentUser user = access.require(Role.FINANCE);
    requireOrganization("counterpartyId", r.getCounterpartyId());
    return keyed(idempotencyKey, user).respond(Payment.class, keyed -> {
      boolean existed = reconciliation.receipt(idempotencyKey).isPresent();
      ReceiptRecord receipt = tx.execute(s -> {
        keys.claim(keyed.request());
        ReceiptRecord recorded = reconciliation.recordReceipt(idempotencyKey, r.getCounterpartyId(),
            r.getAmount() == null ? 0 : r.getAmount(), r.getCurrency(), r.getBankReference(), r.getInvoiceNumber(),
            r.getPeriod(), r.getReceivedOn(), user.userId().value());
        keys.remember(keyed.request(), recorded.id());
        return recorded;
      });
      return ResponseEntity.status(existed ? HttpStatus.OK : HttpStatus.CREATED).body(toApi(receipt));
    }, id -> ResponseEntity.status(HttpStatus.CREATED).body(toApi(reconciliation.receipt(id).orElseThrow(() -> new NotFound("payment", id)))));
  }

  private IdempotentRequests.Keyed keyed(String idempotencyKey, CurrentUser user) {
    return idempotent.of(idempotencyKey, user.organizationId().value(), user.userId().value());
  }

  private static Payment toApi(ReceiptRecord r) {
    return new Payment().id(r.id()).counterpartyId(r.counterparty()).amount(r.amount()).currency(r.currency())
        .bankReference(r.bankReference()).invoiceNumber(r.invoiceNumber()).period(r.period()).receivedOn(r.receivedOn())
        .recordedBy(r.recordedBy()).recordedAt(utc(r.recordedAt()));
  }

  // ------------------------------------------------------------------ reconciliation

  @Override
  public ResponseEntity<Reconciliation> reconcile(String period) {
    access.require(Role.FINANCE);
    ReconciliationRun run = reconciliation.reconcile(period);
    return ResponseEntity.ok(new Reconciliation().period(run.period())
        .payables(run.payables().stream().map(p -> new ReconciliationPayablesInner()
            .statementId(io.reelx.settlement.statement.domain.StatementId.parse(p.statementId()).inContract())
            .contractId(p.contractId()).computed(p.computed()).declared(p.declared()).currency(p.currency())
            .discrepancyId(p.discrepancyId())).toList())
        .payments(run.payments().stream().map(p -> new ReconciliationPaymentsInner().counterpartyId(p.counterparty())
            .currency(p.currency()).invoiced(p.invoiced()).received(p.received()).discrepancyId(p.discrepancyId())).toList())
        .discrepancies(run.discrepancies().stream().map(FinanceController::toApi).toList()));
  }

  @Override
  public ResponseEntity<List<io.reelx.api.model.Discrepancy>> listDiscrepancies(String period, Boolean open) {
    reader();
    return ResponseEntity.ok(reconciliation.discrepancies(period, open).stream().map(FinanceController::toApi).toList());
  }

  /** The resolution is the period reconciliation's event (who, when, how, why); the row follows it. */
  @Override
  public ResponseEntity<io.reelx.api.model.Discrepancy> resolveDiscrepancy(String discrepancyId, ResolutionRequest request) {
    CurrentUser user = access.require(Role.FINANCE);
    if (request.getOutcome() == null) {
      throw new InvalidValue("outcome", "is required");
    }
    DiscrepancyRecord resolved = reconciliation.resolve(discrepancyId, Resolution.Outcome.valueOf(request.getOutcome().name()),
        request.getReason(), user.userId().value());
    return ResponseEntity.ok(toApi(resolved));
  }

  private static io.reelx.api.model.Discrepancy toApi(DiscrepancyRecord d) {
    io.reelx.api.model.Discrepancy api = new io.reelx.api.model.Discrepancy().id(d.id())
        .kind(io.reelx.api.model.Discrepancy.KindEnum.fromValue(d.kind())).period(d.period()).subject(d.subject())
        .contractId(d.contractId()).counterpartyId(d.counterparty()).expected(d.expected()).actual(d.actual())
        .difference(d.difference()).currency(d.currency()).explanation(d.explanation()).details(d.details())
        .status(d.resolution() == null ? io.reelx.api.model.Discrepancy.StatusEnum.OPEN : io.reelx.api.model.Discrepancy.StatusEnum.RESOLVED)
        .foundAt(utc(d.foundAt()));
    if (d.resolution() != null) {
      api.outcome(io.reelx.api.model.Discrepancy.OutcomeEnum.fromValue(d.resolution().outcome().name()))
          .reason(d.resolution().reason()).resolvedBy(d.resolution().resolvedBy()).resolvedAt(utc(d.resolution().at()));
    }
    return api;
  }

  // ------------------------------------------------------------------ payouts

  @Override
  public ResponseEntity<List<Payout>> listPayouts(String organizationId) {
    CurrentUser user = access.current();
    String org = organizationId;
    if (!SettlementAccess.overseer(user)) {
      if (org != null && !org.equals(user.organizationId().value())) {
        return ResponseEntity.ok(List.of());
      }
      org = user.organizationId().value();
    }
    return ResponseEntity.ok(payouts.payouts(org).stream().map(FinanceController::toApi).toList());
  }

  @Override
  public ResponseEntity<Payout> requestPayout(String idempotencyKey, PayoutRequest r) {
    CurrentUser user = access.require(Role.FINANCE);
    requireOrganization("organizationId", r.getOrganizationId());
    return keyed(idempotencyKey, user).respond(Payout.class, keyed -> {
      boolean existed = payouts.payout(idempotencyKey).isPresent();
      PayoutRecord payout = tx.execute(s -> {
        keys.claim(keyed.request());
        PayoutRecord requested = payouts.requestPayout(idempotencyKey, r.getOrganizationId(),
            r.getAmount() == null ? 0 : r.getAmount(), r.getCurrency(), user.userId().value());
        keys.remember(keyed.request(), requested.id());
        return requested;
      });
      return ResponseEntity.status(existed ? HttpStatus.OK : HttpStatus.CREATED).body(toApi(payout));
    }, id -> ResponseEntity.status(HttpStatus.CREATED).body(toApi(payouts.payout(id).orElseThrow(() -> new NotFound("payout", id)))));
  }

  @Override
  public ResponseEntity<Payout> approvePayout(String payoutId) {
    CurrentUser user = access.require(Role.FINANCE);
    return ResponseEntity.ok(toApi(payouts.approvePayout(payoutId, user.userId().value())));
  }

  private static Payout toApi(PayoutRecord p) {
    return new Payout().id(p.id()).organizationId(p.organizationId()).amount(p.amount()).currency(p.currency())
        .status(Payout.StatusEnum.fromValue(p.status())).requestedBy(p.requestedBy()).requestedAt(utc(p.requestedAt()))
        .approvedBy(p.approvedBy()).approvedAt(utc(p.approvedAt()));
  }

  // ------------------------------------------------------------------ ledger

  @Override
  public ResponseEntity<List<LedgerAccount>> listLedgerAccounts(String organizationId) {
    CurrentUser user = access.current();
    String owner = organizationId == null ? user.organizationId().value() : organizationId;
    if (!SettlementAccess.overseer(user) && !owner.equals(user.organizationId().value())) {
      throw new NotFound("ledger accounts of organisation", owner);
    }
    return ResponseEntity.ok(ledger.balancesOf(owner).stream().map(b -> toApi(b, true)).toList());
  }

  @Override
  public ResponseEntity<TrialBalance> getTrialBalance() {
    reader();
    io.reelx.settlement.ledger.domain.TrialBalance trial = ledger.trialBalance();
    return ResponseEntity.ok(new TrialBalance().balanced(trial.netsToZero())
        .currencies(trial.byCurrency().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
            .map(e -> new TrialBalanceCurrenciesInner().currency(e.getKey()).debitsPosted(e.getValue().debitsPosted())
                .creditsPosted(e.getValue().creditsPosted()).debitsPending(e.getValue().debitsPending())
                .creditsPending(e.getValue().creditsPending())).toList())
        .accounts(trial.accounts().stream().map(b -> toApi(b, false)).toList()));
  }

  private LedgerAccount toApi(AccountBalance b, boolean withTransfers) {
    AccountId a = b.account();
    return new LedgerAccount().id(a.toString()).kind(a.kind().name()).owner(a.owner()).currency(a.currency())
        .debitsPending(b.debitsPending()).debitsPosted(b.debitsPosted()).creditsPending(b.creditsPending())
        .creditsPosted(b.creditsPosted()).balance(b.postedCreditBalance())
        .recentTransfers(withTransfers ? ledger.transfersOf(a, RECENT_TRANSFERS).stream().map(FinanceController::toApi).toList()
            : List.of());
  }

  private static LedgerTransfer toApi(Transfer t) {
    return new LedgerTransfer().id(t.id().value()).debit(t.debit().toString()).credit(t.credit().toString()).amount(t.amount().minor())
        .currency(t.amount().currency()).code(t.code().name()).phase(t.phase().name())
        .pendingId(t.pendingId() == null ? null : t.pendingId().value());
  }

  /** Money is only ever booked to a member organisation: an unknown id is a typo, not an account. */
  private void requireOrganization(String field, String organizationId) {
    if (organizationId == null || organizationId.isBlank()) {
      return; // the settlement service names the missing field
    }
    if (identities.organization(new io.reelx.exchange.identity.domain.OrganizationId(organizationId)).isEmpty()) {
      throw new io.reelx.exchange.shared.domain.InvalidValue(field, "no member organisation with id " + organizationId);
    }
  }
}
