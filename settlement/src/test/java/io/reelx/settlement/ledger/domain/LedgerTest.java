package io.reelx.settlement.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelx.settlement.ledger.domain.TransferResult.Accepted;
import io.reelx.settlement.ledger.domain.TransferResult.Reason;
import io.reelx.settlement.ledger.domain.TransferResult.Refused;
import io.reelx.settlement.ledger.domain.TransferResult.Replayed;
import io.reelx.settlement.money.Money;
import io.reelx.settlement.statement.domain.Statement;
import io.reelx.settlement.statement.domain.StatementAdjustment;
import io.reelx.settlement.statement.domain.StatementCalculator;
import io.reelx.settlement.statement.domain.StatementId;
import io.reelx.settlement.statement.domain.SettlementPosition;
import io.reelx.settlement.report.domain.ReportSummary;
import io.reelx.settlement.terms.domain.Basis;
import io.reelx.settlement.terms.domain.Metric;
import io.reelx.settlement.terms.domain.OrganizationId;
import io.reelx.settlement.terms.domain.Payee;
import io.reelx.settlement.terms.domain.Rate;
import io.reelx.settlement.terms.domain.RateSchedule;
import io.reelx.settlement.terms.domain.RevenueShare;
import io.reelx.settlement.terms.domain.SettlementTerms;
import io.reelx.settlement.terms.domain.WithholdingTax;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LedgerTest {

  static final OrganizationId PLATFORM = new OrganizationId("platform");
  static final OrganizationId STUDIO = new OrganizationId("studio");
  static final OrganizationId AUTHOR = new OrganizationId("author");
  static final AccountId PLATFORM_CNY = AccountId.organization(PLATFORM, "CNY");
  static final AccountId STUDIO_CNY = AccountId.organization(STUDIO, "CNY");
  static final AccountId AUTHOR_CNY = AccountId.organization(AUTHOR, "CNY");
  static final AccountId FEES = AccountId.system(AccountKind.EXCHANGE_FEES, "CNY");
  static final AccountId TAX = AccountId.system(AccountKind.WITHHOLDING_TAX, "CNY");
  static final AccountId ESCROW = AccountId.system(AccountKind.DEPOSIT_ESCROW, "CNY");
  static final AccountId BANK = AccountId.system(AccountKind.BANK, "CNY");

  private final Ledger ledger = new Ledger();

  @BeforeEach
  void open() {
    List.of(PLATFORM_CNY, STUDIO_CNY, AUTHOR_CNY, FEES, TAX, ESCROW, BANK).forEach(ledger::open);
  }

  static Money cny(long minor) {
    return Money.of(minor, "CNY");
  }

  @Test
  void an_identical_replay_returns_the_original_and_changes_nothing() {
    Transfer receipt = Transfer.posted("r1", BANK, PLATFORM_CNY, cny(500), TransferCode.BANK_RECEIPT);

    assertThat(ledger.submit(receipt)).isEqualTo(new Accepted(receipt));
    assertThat(ledger.submit(Transfer.posted("r1", BANK, PLATFORM_CNY, cny(500), TransferCode.BANK_RECEIPT))).isEqualTo(new Replayed(receipt));
    assertThat(ledger.balance(PLATFORM_CNY).creditsPosted()).isEqualTo(500);
    assertThat(ledger.transferCount()).isEqualTo(1);
  }

  @Test
  void the_same_id_with_different_content_is_refused() {
    ledger.submit(Transfer.posted("r1", BANK, PLATFORM_CNY, cny(500), TransferCode.BANK_RECEIPT));

    TransferResult result = ledger.submit(Transfer.posted("r1", BANK, PLATFORM_CNY, cny(501), TransferCode.BANK_RECEIPT));

    assertThat(result).isInstanceOfSatisfying(Refused.class, r -> assertThat(r.reason()).isEqualTo(Reason.ID_REUSED_WITH_DIFFERENT_CONTENT));
    assertThat(ledger.balance(PLATFORM_CNY).creditsPosted()).isEqualTo(500);
  }

  @Test
  void malformed_transfers_are_refused_with_a_reason() {
    AccountId unopened = AccountId.organization(new OrganizationId("nobody"), "CNY");
    AccountId usd = AccountId.system(AccountKind.BANK, "USD");
    ledger.open(usd);

    assertThat(reason(Transfer.posted("a", BANK, unopened, cny(1), TransferCode.BANK_RECEIPT))).isEqualTo(Reason.ACCOUNT_NOT_FOUND);
    assertThat(reason(Transfer.posted("b", BANK, BANK, cny(1), TransferCode.BANK_RECEIPT))).isEqualTo(Reason.SAME_ACCOUNT);
    assertThat(reason(Transfer.posted("c", usd, PLATFORM_CNY, cny(1), TransferCode.BANK_RECEIPT))).isEqualTo(Reason.CURRENCY_MISMATCH);
    assertThat(reason(Transfer.posted("d", BANK, PLATFORM_CNY, cny(0), TransferCode.BANK_RECEIPT))).isEqualTo(Reason.AMOUNT_NOT_POSITIVE);
    assertThat(ledger.transferCount()).isZero();
  }

  @Test
  void a_released_deposit_returns_to_the_platform() {
    Transfer hold = DepositPlan.hold("D1", PLATFORM, cny(10_000));
    ledger.submit(DepositPlan.received("D1", PLATFORM, cny(10_000)));
    ledger.submit(hold);

    assertThat(ledger.balance(PLATFORM_CNY).debitsPending()).isEqualTo(10_000);
    assertThat(ledger.holdStatus(hold.id())).isEqualTo(Ledger.HoldStatus.PENDING);

    assertThat(ledger.submit(DepositPlan.release("D1", hold)).isRecorded()).isTrue();

    assertThat(ledger.holdStatus(hold.id())).isEqualTo(Ledger.HoldStatus.VOIDED);
    assertThat(ledger.balance(PLATFORM_CNY)).isEqualTo(new AccountBalance(PLATFORM_CNY, 0, 0, 0, 10_000));
    assertThat(ledger.balance(ESCROW)).isEqualTo(new AccountBalance(ESCROW, 0, 0, 0, 0));
  }

  @Test
  void an_applied_deposit_passes_through_escrow_to_the_licensor_and_cannot_then_be_released() {
    Transfer hold = DepositPlan.hold("D1", PLATFORM, cny(10_000));
    ledger.submit(DepositPlan.received("D1", PLATFORM, cny(10_000)));
    ledger.submit(hold);

    assertThat(ledger.submitAll(DepositPlan.apply("D1", hold, STUDIO))).allMatch(TransferResult::isRecorded);

    assertThat(ledger.holdStatus(hold.id())).isEqualTo(Ledger.HoldStatus.POSTED);
    assertThat(ledger.balance(STUDIO_CNY).postedCreditBalance()).isEqualTo(10_000);
    assertThat(ledger.balance(ESCROW).postedCreditBalance()).isZero();
    assertThat(ledger.balance(PLATFORM_CNY).postedCreditBalance()).isZero();
    assertThat(reason(DepositPlan.release("D1", hold))).isEqualTo(Reason.HOLD_ALREADY_POSTED);
  }

  @Test
  void a_forfeited_deposit_goes_to_the_beneficiary() {
    Transfer hold = DepositPlan.hold("D1", PLATFORM, cny(10_000));
    ledger.submit(hold);

    ledger.submitAll(DepositPlan.forfeit("D1", hold, FEES));

    assertThat(ledger.balance(FEES).postedCreditBalance()).isEqualTo(10_000);
    assertThat(ledger.balance(PLATFORM_CNY).postedCreditBalance()).isEqualTo(-10_000);
  }

  @Test
  void a_hold_is_posted_at_most_for_its_amount_and_only_once() {
    Transfer hold = Transfer.pending("h", PLATFORM_CNY, ESCROW, cny(100), TransferCode.DEPOSIT_HOLD);
    ledger.submit(hold);

    assertThat(reason(Transfer.post("p0", hold, cny(101), TransferCode.DEPOSIT_CAPTURE))).isEqualTo(Reason.EXCEEDS_HOLD);
    assertThat(reason(Transfer.post("p1", Transfer.pending("nope", PLATFORM_CNY, ESCROW, cny(1), TransferCode.DEPOSIT_HOLD), cny(1),
        TransferCode.DEPOSIT_CAPTURE))).isEqualTo(Reason.PENDING_NOT_FOUND);
    assertThat(ledger.submit(Transfer.post("p2", hold, cny(60), TransferCode.DEPOSIT_CAPTURE)).isRecorded()).isTrue();
    assertThat(reason(Transfer.voidHold("v", hold, TransferCode.DEPOSIT_RELEASE))).isEqualTo(Reason.HOLD_ALREADY_POSTED);
    // the 40 not posted are released
    assertThat(ledger.balance(ESCROW)).isEqualTo(new AccountBalance(ESCROW, 0, 0, 0, 60));
  }

  @Test
  void a_batch_is_recorded_whole_or_not_at_all() {
    Transfer good = Transfer.posted("g", BANK, PLATFORM_CNY, cny(5), TransferCode.BANK_RECEIPT);
    Transfer bad = Transfer.posted("b", BANK, BANK, cny(5), TransferCode.BANK_RECEIPT);

    List<TransferResult> results = ledger.submitAll(List.of(good, bad));

    assertThat(results).extracting(r -> ((Refused) r).reason()).containsExactly(Reason.BATCH_ABORTED, Reason.SAME_ACCOUNT);
    assertThat(ledger.transferCount()).isZero();
    assertThat(ledger.balance(PLATFORM_CNY).creditsPosted()).isZero();
  }

  @Test
  void a_statement_posts_net_fee_and_tax_from_the_platform_and_a_restatement_posts_only_the_change() {
    SettlementTerms terms = new SettlementTerms("CNY", null, null,
        new RevenueShare(Basis.GROSS, List.of(), RateSchedule.flat(Metric.REVENUE, Rate.percent(5000))),
        List.of(new Payee(STUDIO, 7000, "CN"), new Payee(AUTHOR, 3000, "US")), 100, new WithholdingTax(1000, "CN"), 0);
    Statement v1 = StatementCalculator.calculate(new StatementId("C-1", "2026-10", 1), terms,
        new ReportSummary("CNY", 1, 0, BigDecimal.ZERO, 2_000_000), SettlementPosition.INITIAL, null);
    Statement v2 = StatementCalculator.calculate(new StatementId("C-1", "2026-10", 2), terms,
        new ReportSummary("CNY", 1, 0, BigDecimal.ZERO, 1_000_000), SettlementPosition.INITIAL, null);

    // v1: payable 1,000,000; fee 10,000; 990,000 -> studio 693,000, author 297,000 (tax 29,700, net 267,300)
    List<Transfer> plan = PostingPlan.forStatement(v1, PLATFORM);
    assertThat(plan).extracting(t -> t.id().value(), t -> t.credit(), t -> t.amount().minor(), Transfer::code).containsExactly(
        org.assertj.core.groups.Tuple.tuple("statement:C-1/2026-10/v1:fee", FEES, 10_000L, TransferCode.STATEMENT_EXCHANGE_FEE),
        org.assertj.core.groups.Tuple.tuple("statement:C-1/2026-10/v1:net:studio", STUDIO_CNY, 693_000L, TransferCode.STATEMENT_PAYEE_NET),
        org.assertj.core.groups.Tuple.tuple("statement:C-1/2026-10/v1:tax:author", TAX, 29_700L, TransferCode.STATEMENT_WITHHOLDING_TAX),
        org.assertj.core.groups.Tuple.tuple("statement:C-1/2026-10/v1:net:author", AUTHOR_CNY, 267_300L, TransferCode.STATEMENT_PAYEE_NET));
    assertThat(ledger.submitAll(plan)).allMatch(r -> r instanceof Accepted);
    assertThat(ledger.submitAll(plan)).allMatch(r -> r instanceof Replayed);
    assertThat(ledger.balance(PLATFORM_CNY).postedCreditBalance()).isEqualTo(-1_000_000);

    // v2 halves everything: every adjustment runs back from the payees to the platform
    List<Transfer> adjustment = PostingPlan.forAdjustment(StatementAdjustment.between(v1, v2), PLATFORM);
    assertThat(adjustment).allMatch(t -> t.credit().equals(PLATFORM_CNY));
    assertThat(ledger.submitAll(adjustment)).allMatch(r -> r instanceof Accepted);

    assertThat(ledger.balance(PLATFORM_CNY).postedCreditBalance()).isEqualTo(-v2.payable().minor());
    assertThat(ledger.balance(AUTHOR_CNY).postedCreditBalance()).isEqualTo(v2.payees().get(1).net().minor());
    assertThat(ledger.trialBalance().netsToZero()).isTrue();
  }

  private Reason reason(Transfer transfer) {
    return ((Refused) ledger.submit(transfer)).reason();
  }
}
