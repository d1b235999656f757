package io.reelx.settlement.agreement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelx.settlement.agreement.domain.AgreementCommand.ApprovePayout;
import io.reelx.settlement.agreement.domain.AgreementCommand.End;
import io.reelx.settlement.agreement.domain.AgreementCommand.Open;
import io.reelx.settlement.agreement.domain.AgreementCommand.RecordDiscrepancy;
import io.reelx.settlement.agreement.domain.AgreementCommand.RecordPayment;
import io.reelx.settlement.agreement.domain.AgreementCommand.RefusePayout;
import io.reelx.settlement.agreement.domain.AgreementCommand.ReplaceTerms;
import io.reelx.settlement.agreement.domain.AgreementCommand.ReportRevenue;
import io.reelx.settlement.agreement.domain.AgreementCommand.RequestPayout;
import io.reelx.settlement.agreement.domain.AgreementCommand.ResolveDiscrepancy;
import io.reelx.settlement.agreement.domain.AgreementEvent.AgreementEnded;
import io.reelx.settlement.agreement.domain.AgreementEvent.AgreementOpened;
import io.reelx.settlement.agreement.domain.AgreementEvent.DiscrepancyFound;
import io.reelx.settlement.agreement.domain.AgreementEvent.DiscrepancyResolved;
import io.reelx.settlement.agreement.domain.AgreementEvent.InvoiceKind;
import io.reelx.settlement.agreement.domain.AgreementEvent.InvoiceRaised;
import io.reelx.settlement.agreement.domain.AgreementEvent.PaymentReceived;
import io.reelx.settlement.agreement.domain.AgreementEvent.PayoutApproved;
import io.reelx.settlement.agreement.domain.AgreementEvent.PayoutRefused;
import io.reelx.settlement.agreement.domain.AgreementEvent.PayoutRequested;
import io.reelx.settlement.agreement.domain.AgreementEvent.RevenueReported;
import io.reelx.settlement.agreement.domain.AgreementEvent.StatementIssued;
import io.reelx.settlement.agreement.domain.AgreementEvent.StatementRestated;
import io.reelx.settlement.agreement.domain.AgreementEvent.TermsReplaced;
import io.reelx.settlement.ledger.domain.AccountBalance;
import io.reelx.settlement.ledger.domain.AccountId;
import io.reelx.settlement.ledger.domain.Ledger;
import io.reelx.settlement.ledger.domain.PostingPlan;
import io.reelx.settlement.ledger.domain.Transfer;
import io.reelx.settlement.money.Money;
import io.reelx.settlement.reconciliation.domain.Discrepancy;
import io.reelx.settlement.reconciliation.domain.Resolution;
import io.reelx.settlement.report.domain.ReportSummary;
import io.reelx.settlement.statement.domain.FxRate;
import io.reelx.settlement.statement.domain.RestatementCascade;
import io.reelx.settlement.statement.domain.SettlementPosition;
import io.reelx.settlement.statement.domain.Statement;
import io.reelx.settlement.statement.domain.StatementCalculator;
import io.reelx.settlement.statement.domain.StatementId;
import io.reelx.settlement.terms.domain.Accumulation;
import io.reelx.settlement.terms.domain.Basis;
import io.reelx.settlement.terms.domain.Metric;
import io.reelx.settlement.terms.domain.MinimumGuarantee;
import io.reelx.settlement.terms.domain.OrganizationId;
import io.reelx.settlement.terms.domain.Payee;
import io.reelx.settlement.terms.domain.Rate;
import io.reelx.settlement.terms.domain.RateSchedule;
import io.reelx.settlement.terms.domain.RevenueShare;
import io.reelx.settlement.terms.domain.SettlementTerms;
import io.reelx.settlement.terms.domain.Tier;
import io.reelx.settlement.terms.domain.TierMode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fixture tests: given the agreement's events, when a command, then these events (or this refusal). */
class SettlementAgreementTest {

  static final String C = "C-1";
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final Instant T0 = Instant.parse("2027-01-05T02:00:00Z");
  static final Instant T1 = Instant.parse("2027-04-02T02:00:00Z");
  static final List<Payee> PAYEES = List.of(new Payee(new OrganizationId("studio"), 7000, "CN"),
      new Payee(new OrganizationId("author"), 3000, "CN"));
  /** MG 1,000; 10% of cumulative gross up to 10,000, 20% above. */
  static final SettlementTerms TERMS = new SettlementTerms("CNY", null, new MinimumGuarantee(1000),
      new RevenueShare(Basis.GROSS, List.of(), new RateSchedule(Metric.REVENUE, TierMode.MARGINAL, Accumulation.CUMULATIVE,
          List.of(Tier.from("0", Rate.percent(1000)), Tier.from("10000", Rate.percent(2000))))), PAYEES, 0, null, 0);
  static final SettlementTerms NO_MG = new SettlementTerms("CNY", null, null, TERMS.revenueShare(), PAYEES, 0, null, 0);

  static Open open(SettlementTerms terms, long priceDue) {
    return new Open(new OpenAgreement(C, "L-1", "CNY", "studio", "platform", terms, priceDue, LocalDate.parse("2027-02-01"), T0), ZONE);
  }

  static ReportRevenue report(String period, Integer version, long gross) {
    return report(period, version, gross, "sha-" + gross);
  }

  static ReportRevenue report(String period, Integer version, long gross, String sha) {
    return new ReportRevenue(C, period, version, new ReportSummary("CNY", 1, 0, BigDecimal.ZERO, gross), sha, 0, null, "platform-user", T1);
  }

  // ---- fixture ---------------------------------------------------------------------------------

  private final List<AgreementEvent> history = new ArrayList<>();

  private SettlementAgreementTest given(List<? extends AgreementEvent> events) {
    history.addAll(events);
    return this;
  }

  /** Given what {@code commands} decided, one after the other. */
  private SettlementAgreementTest givenDecided(AgreementCommand... commands) {
    for (AgreementCommand c : commands) {
      history.addAll(SettlementAgreement.replay(history).decide(c));
    }
    return this;
  }

  private List<AgreementEvent> when(AgreementCommand command) {
    return SettlementAgreement.replay(history).decide(command);
  }

  private AgreementRefused refused(AgreementCommand command) {
    SettlementAgreement state = SettlementAgreement.replay(history);
    try {
      state.decide(command);
    } catch (AgreementRefused e) {
      return e;
    }
    throw new AssertionError("not refused: " + command);
  }

  // ---- opening and terms -----------------------------------------------------------------------

  @Test
  void opening_records_the_terms_as_rule_version_1_and_invoices_the_price_balance_and_the_mg() {
    List<AgreementEvent> events = when(open(TERMS, 5000));

    assertThat(events).hasSize(3);
    assertThat(events.get(0)).isEqualTo(new AgreementOpened(C, "L-1", "CNY", "studio", "platform", TERMS, 1, 5000,
        LocalDate.parse("2027-02-01"), ZONE, T0));
    assertThat(events.get(1)).isEqualTo(new InvoiceRaised(C, "INV-C-1-PRICE", "platform", Money.of(5000, "CNY"),
        InvoiceKind.LICENCE_PRICE, "2027-01", T0));
    assertThat(events.get(2)).isEqualTo(new InvoiceRaised(C, "INV-C-1-MG", "platform", Money.of(1000, "CNY"),
        InvoiceKind.MINIMUM_GUARANTEE, "2027-01", T0));

    SettlementAgreement state = SettlementAgreement.replay(events);
    assertThat(state.postings(events.get(1))).extracting(t -> t.id().value()).containsExactly("agreement:C-1:price");
    assertThat(state.postings(events.get(2))).extracting(t -> t.id().value(), t -> t.amount().minor())
        .containsExactly(org.assertj.core.groups.Tuple.tuple("agreement:C-1:mg:studio", 700L),
            org.assertj.core.groups.Tuple.tuple("agreement:C-1:mg:author", 300L));
  }

  @Test
  void opening_again_changes_nothing_and_invalid_terms_are_refused_with_every_field() {
    assertThat(givenDecided(open(TERMS, 0)).when(open(NO_MG, 0))).isEmpty();

    SettlementTerms bad = new SettlementTerms("CNY", null, null, null, List.of(new Payee(new OrganizationId("studio"), 5000, "CN")),
        0, null, 0);
    history.clear();
    AgreementRefused refusal = refused(open(bad, 0));
    assertThat(refusal.kind()).isEqualTo(AgreementRefused.Kind.INVALID);
    assertThat(refusal.errors()).isNotEmpty();
  }

  @Test
  void a_command_to_an_agreement_never_opened_is_not_found() {
    assertThat(refused(report("2027-01", null, 100)).kind()).isEqualTo(AgreementRefused.Kind.NOT_FOUND);
  }

  @Test
  void terms_replaced_before_the_first_statement_get_the_next_rule_version_and_a_new_mg_is_invoiced() {
    List<AgreementEvent> events = givenDecided(open(NO_MG, 0)).when(new ReplaceTerms(C, TERMS, "finance-1", T1));

    assertThat(events).containsExactly(new TermsReplaced(C, TERMS, 2, "finance-1", T1),
        new InvoiceRaised(C, "INV-C-1-MG", "platform", Money.of(1000, "CNY"), InvoiceKind.MINIMUM_GUARANTEE, "2027-04", T1));
  }

  @Test
  void an_invoiced_mg_cannot_change_and_terms_cannot_change_once_a_statement_exists() {
    givenDecided(open(TERMS, 0));
    assertThat(refused(new ReplaceTerms(C, NO_MG, "finance-1", T1)).kind()).isEqualTo(AgreementRefused.Kind.CONFLICT);

    history.clear();
    givenDecided(open(NO_MG, 0), report("2027-01", null, 100));
    assertThat(refused(new ReplaceTerms(C, NO_MG, "finance-1", T1)).getMessage()).contains("already has statements");
  }

  // ---- reports and statements ------------------------------------------------------------------

  @Test
  void a_first_report_issues_version_1_from_the_running_position_and_invoices_its_payable() {
    givenDecided(open(NO_MG, 0));
    List<AgreementEvent> events = when(report("2027-01", null, 8000));

    Statement expected = StatementCalculator.calculate(new StatementId(C, "2027-01", 1), NO_MG,
        new ReportSummary("CNY", 1, 0, BigDecimal.ZERO, 8000), SettlementPosition.INITIAL, null);
    assertThat(events).containsExactly(
        new RevenueReported(C, "2027-01", 1, new ReportSummary("CNY", 1, 0, BigDecimal.ZERO, 8000), "sha-8000", 0,
            expected.id(), expected.closingPosition(), "platform-user", T1),
        new StatementIssued(C, expected, 0, 1, T1),
        new InvoiceRaised(C, "INV-C-1/2027-01/v1", "platform", Money.of(800, "CNY"), InvoiceKind.STATEMENT, "2027-01", T1));
    SettlementAgreement state = SettlementAgreement.replay(history);
    events.forEach(state::evolve);
    assertThat(state.postings(events.get(1))).isEqualTo(PostingPlan.forStatement(expected, new OrganizationId("platform")));
    assertThat(state.position()).isEqualTo(expected.closingPosition());
  }

  @Test
  void the_same_report_again_is_a_replay_other_content_under_a_taken_version_a_conflict_and_a_gap_refused() {
    givenDecided(open(NO_MG, 0), report("2027-01", null, 8000));

    assertThat(when(report("2027-01", null, 8000))).isEmpty();
    assertThat(when(report("2027-01", 1, 8000))).isEmpty();
    assertThat(refused(report("2027-01", 1, 9000)).kind()).isEqualTo(AgreementRefused.Kind.CONFLICT);
    assertThat(refused(report("2027-01", 3, 9000)).code()).isEqualTo("report-version-gap");
  }

  @Test
  void months_are_reported_in_order_and_not_after_the_licence_ended() {
    givenDecided(open(NO_MG, 0), report("2027-02", null, 100));
    assertThat(refused(report("2027-01", null, 100)).code()).isEqualTo("period-out-of-order");

    givenDecided(new End(C, LocalDate.parse("2027-03-10")));
    assertThat(when(new End(C, LocalDate.parse("2027-05-01")))).as("an earlier end stands").isEmpty();
    assertThat(when(new End(C, LocalDate.parse("2027-03-01")))).containsExactly(new AgreementEnded(C, LocalDate.parse("2027-03-01")));
    assertThat(when(report("2027-03", null, 100))).isNotEmpty();
    assertThat(refused(report("2027-04", null, 100)).code()).isEqualTo("period-after-licence-end");
  }

  @Test
  void a_report_in_another_currency_needs_the_rate_and_records_it_in_the_statement() {
    givenDecided(open(NO_MG, 0));
    ReportSummary usd = new ReportSummary("USD", 1, 0, BigDecimal.ZERO, 1000);
    assertThat(refused(new ReportRevenue(C, "2027-01", null, usd, "x", 0, null, "u", T1)).code()).isEqualTo("fx-rate-missing");

    List<AgreementEvent> events = when(new ReportRevenue(C, "2027-01", null, usd, "x", 0, FxRate.of("USD", "CNY", "7.1"), "u", T1));
    assertThat(((StatementIssued) events.get(1)).statement().gross()).isEqualTo(Money.of(7100, "CNY"));
  }

  @Test
  void a_restatement_re_rates_later_months_with_an_adjustment_each_posting_only_the_differences() {
    // 8,000 / 6,000 / 5,000 paid 0 / 800 / 1,000 (MG 1,000, cumulative tiers); January restated to 4,000
    givenDecided(open(TERMS, 0), report("2027-01", null, 8000), report("2027-02", null, 6000), report("2027-03", null, 5000));
    SettlementAgreement before = SettlementAgreement.replay(history);

    List<AgreementEvent> events = when(report("2027-01", null, 4000));

    RestatementCascade.Result expected = RestatementCascade.restate(TERMS, SettlementPosition.INITIAL,
        List.of(before.latestStatement("2027-01").orElseThrow(), before.latestStatement("2027-02").orElseThrow(),
            before.latestStatement("2027-03").orElseThrow()),
        List.of(figures(4000), figures(6000), figures(5000)), 2);
    assertThat(events.get(0)).isEqualTo(new RevenueReported(C, "2027-01", 2, new ReportSummary("CNY", 1, 0, BigDecimal.ZERO, 4000),
        "sha-4000", 0, new StatementId(C, "2027-01", 2), expected.closing(), "platform-user", T1));
    assertThat(events.subList(1, events.size())).containsExactly(
        new StatementRestated(C, expected.statements().get(0), expected.adjustments().get(0), 0, 1, T1),
        new StatementRestated(C, expected.statements().get(1), expected.adjustments().get(1), 0, 1, T1),
        new InvoiceRaised(C, "INV-C-1/2027-02/v2", "platform", Money.of(-800, "CNY"), InvoiceKind.ADJUSTMENT, "2027-02", T1),
        new StatementRestated(C, expected.statements().get(2), expected.adjustments().get(2), 0, 1, T1));

    // the ledger: everything the events posted nets to what a fresh run over 4,000 / 6,000 / 5,000 pays (1,000)
    SettlementAgreement state = SettlementAgreement.replay(List.of());
    Ledger ledger = new Ledger();
    List<AgreementEvent> all = new ArrayList<>(history);
    all.addAll(events);
    for (AgreementEvent e : all) {
      state.evolve(e);
      List<Transfer> transfers = state.postings(e);
      PostingPlan.accounts(transfers).forEach(ledger::open);
      assertThat(ledger.submitAll(transfers)).allMatch(r -> r instanceof io.reelx.settlement.ledger.domain.TransferResult.Accepted);
    }
    AccountId studio = AccountId.organization(new OrganizationId("studio"), "CNY");
    AccountId author = AccountId.organization(new OrganizationId("author"), "CNY");
    long mg = 1000;
    assertThat(ledger.balance(studio).postedCreditBalance() + ledger.balance(author).postedCreditBalance())
        .isEqualTo(mg + 1000);
    assertThat(ledger.trialBalance().netsToZero()).isTrue();
    assertThat(state.latestStatement("2027-03").orElseThrow().id().version()).isEqualTo(2);
    assertThat(state.statements("2027-01")).hasSize(2);
  }

  private static RestatementCascade.Figures figures(long gross) {
    return new RestatementCascade.Figures(new ReportSummary("CNY", 1, 0, BigDecimal.ZERO, gross), null);
  }

  // ---- payments, discrepancies, payouts --------------------------------------------------------

  @Test
  void a_payment_quotes_an_invoice_of_its_counterparty_and_is_idempotent_by_receipt() {
    givenDecided(open(TERMS, 5000));
    RecordPayment pay = new RecordPayment(C, "R-1", "platform", Money.of(5000, "CNY"), "BANK-9", "INV-C-1-PRICE",
        LocalDate.parse("2027-01-20"), "finance-1", T1);

    List<AgreementEvent> events = when(pay);
    assertThat(events).containsExactly(new PaymentReceived(C, "R-1", "platform", Money.of(5000, "CNY"), "BANK-9", "INV-C-1-PRICE",
        "2027-01", LocalDate.parse("2027-01-20"), "finance-1", T1));
    assertThat(SettlementAgreement.replay(history).postings(events.get(0))).extracting(t -> t.id().value()).containsExactly("receipt:R-1");

    given(events);
    assertThat(when(pay)).isEmpty();
    assertThat(refused(new RecordPayment(C, "R-1", "platform", Money.of(1, "CNY"), "BANK-9", "INV-C-1-PRICE",
        LocalDate.parse("2027-01-20"), "finance-1", T1)).kind()).isEqualTo(AgreementRefused.Kind.CONFLICT);
    assertThat(refused(new RecordPayment(C, "R-2", "studio", Money.of(1, "CNY"), "BANK-9", "INV-C-1-PRICE",
        LocalDate.parse("2027-01-20"), "finance-1", T1)).code()).isEqualTo("receipt-invoice-mismatch");
  }

  @Test
  void a_discrepancy_is_found_refreshed_while_open_and_resolved_once() {
    givenDecided(open(TERMS, 0));
    Discrepancy d = new Discrepancy("payable:C-1:2027-01:v1", Discrepancy.Kind.PAYABLE_MISMATCH, "C-1", Money.of(800, "CNY"),
        Money.of(700, "CNY"), Money.of(-100, "CNY"), "declared less", List.of(), null);

    assertThat(when(new RecordDiscrepancy(C, d, "2027-01", T1))).containsExactly(new DiscrepancyFound(C, d, "2027-01", T1));
    givenDecided(new RecordDiscrepancy(C, d, "2027-01", T1));
    assertThat(when(new RecordDiscrepancy(C, d, "2027-01", T1))).as("found again, unchanged").isEmpty();

    Resolution resolution = new Resolution(Resolution.Outcome.WRITE_OFF, "bank charges", "finance-1", T1);
    assertThat(when(new ResolveDiscrepancy(C, d.id(), resolution))).containsExactly(new DiscrepancyResolved(C, d.id(), resolution));
    givenDecided(new ResolveDiscrepancy(C, d.id(), resolution));
    assertThat(refused(new ResolveDiscrepancy(C, d.id(), resolution)).kind()).isEqualTo(AgreementRefused.Kind.CONFLICT);
    assertThat(when(new RecordDiscrepancy(C, d, "2027-01", T1))).as("a resolved one is left alone").isEmpty();
    assertThat(refused(new ResolveDiscrepancy(C, "nope", resolution)).kind()).isEqualTo(AgreementRefused.Kind.NOT_FOUND);
  }

  @Test
  void a_payout_needs_another_officer_and_a_covering_balance() {
    givenDecided(open(TERMS, 0));
    RequestPayout request = new RequestPayout(C, "P-1", "studio", Money.of(500, "CNY"), "finance-1", T1);
    assertThat(when(request)).containsExactly(new PayoutRequested(C, "P-1", "studio", Money.of(500, "CNY"), "finance-1", T1));
    givenDecided(request);
    assertThat(when(request)).isEmpty();
    assertThat(refused(new RequestPayout(C, "P-2", "stranger", Money.of(5, "CNY"), "finance-1", T1)).code())
        .isEqualTo("payout-not-a-party");

    AccountId studio = AccountId.organization(new OrganizationId("studio"), "CNY");
    AccountBalance covered = new AccountBalance(studio, 0, 0, 0, 700);
    assertThat(refused(new ApprovePayout(C, "P-1", "finance-1", covered, T1)).code()).isEqualTo("four-eyes");
    assertThat(refused(new ApprovePayout(C, "P-1", "finance-2", new AccountBalance(studio, 0, 0, 0, 499), T1)).code())
        .isEqualTo("insufficient-balance");

    List<AgreementEvent> approved = when(new ApprovePayout(C, "P-1", "finance-2", covered, T1));
    assertThat(approved).containsExactly(new PayoutApproved(C, "P-1", "finance-2", T1));
    given(approved);
    assertThat(SettlementAgreement.replay(history).postings(approved.get(0))).extracting(t -> t.id().value()).containsExactly("payout:P-1");
    assertThat(when(new ApprovePayout(C, "P-1", "finance-2", covered, T1))).isEmpty();
    assertThat(refused(new RefusePayout(C, "P-1", "finance-3", "late", T1)).kind()).isEqualTo(AgreementRefused.Kind.CONFLICT);
  }

  @Test
  void a_refused_payout_is_never_approved() {
    givenDecided(open(TERMS, 0), new RequestPayout(C, "P-1", "studio", Money.of(500, "CNY"), "finance-1", T1));

    assertThat(when(new RefusePayout(C, "P-1", "finance-2", "not due", T1)))
        .containsExactly(new PayoutRefused(C, "P-1", "finance-2", "not due", T1));
    givenDecided(new RefusePayout(C, "P-1", "finance-2", "not due", T1));
    AccountBalance covered = new AccountBalance(AccountId.organization(new OrganizationId("studio"), "CNY"), 0, 0, 0, 700);
    assertThat(refused(new ApprovePayout(C, "P-1", "finance-3", covered, T1)).kind()).isEqualTo(AgreementRefused.Kind.CONFLICT);
  }

  @Test
  void deciding_does_not_change_the_state() {
    givenDecided(open(TERMS, 0));
    SettlementAgreement state = SettlementAgreement.replay(history);
    state.decide(report("2027-01", null, 8000));
    assertThat(state.statements("2027-01")).isEmpty();
    assertThat(state.position()).isEqualTo(SettlementPosition.INITIAL);
  }
}
