package io.reelx.settlement.statement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelx.settlement.ledger.domain.AccountBalance;
import io.reelx.settlement.ledger.domain.AccountId;
import io.reelx.settlement.ledger.domain.AccountKind;
import io.reelx.settlement.ledger.domain.Ledger;
import io.reelx.settlement.ledger.domain.PostingPlan;
import io.reelx.settlement.ledger.domain.Transfer;
import io.reelx.settlement.ledger.domain.TransferResult;
import io.reelx.settlement.report.domain.ReportSummary;
import io.reelx.settlement.terms.domain.Accumulation;
import io.reelx.settlement.terms.domain.Basis;
import io.reelx.settlement.terms.domain.FlatFee;
import io.reelx.settlement.terms.domain.Metric;
import io.reelx.settlement.terms.domain.MinimumGuarantee;
import io.reelx.settlement.terms.domain.OrganizationId;
import io.reelx.settlement.terms.domain.Payee;
import io.reelx.settlement.terms.domain.RateSchedule;
import io.reelx.settlement.terms.domain.RevenueShare;
import io.reelx.settlement.terms.domain.SettlementTerms;
import io.reelx.settlement.terms.domain.TermsArbitraries;
import io.reelx.settlement.terms.domain.TermsValidator;
import io.reelx.settlement.terms.domain.TierMode;
import io.reelx.settlement.terms.domain.WithholdingTax;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Restatements that cascade: for any terms, any first reports and any sequence of restatements,
 * (a) the latest statement versions are exactly a fresh run over the final figures, (b) the
 * ledger, fed the first statements and then only the adjustments, pays exactly that run, and its
 * trial balance is zero, and (c) where a single statement over the summed figures means the same
 * thing (a REVENUE schedule, MARGINAL, CUMULATIVE), the total paid is that single statement's
 * within the documented rounding: at most one minor unit per period per rounded step.
 */
class RestatementProperties {

  static final OrganizationId PLATFORM = new OrganizationId("platform");

  /** A restatement: period {@code period} (modulo the periods reported) gets a new report. */
  record Restate(int period, ReportSummary report) {}

  record History(SettlementTerms terms, List<ReportSummary> first, List<Restate> restatements) {}

  @Provide
  Arbitrary<History> histories() {
    return history(TermsArbitraries.validTerms());
  }

  /** Terms for which one statement over the summed figures is the same calculation as the chain. */
  @Provide
  Arbitrary<History> summable() {
    Arbitrary<SettlementTerms> terms = Combinators.combine(TermsArbitraries.tiers(Metric.REVENUE),
        Arbitraries.longs().between(1, 2_000_000_000L).injectNull(0.3), Arbitraries.longs().between(1, 1_000_000L).injectNull(0.6),
        TermsArbitraries.payees(), Arbitraries.longs().between(0, 2000), Arbitraries.longs().between(0, 3000).injectNull(0.5))
        .as((tiers, mg, onceFee, payees, feeBp, tax) -> new SettlementTerms("CNY",
            onceFee == null ? null : new FlatFee(onceFee, FlatFee.Recurrence.ONCE), mg == null ? null : new MinimumGuarantee(mg),
            new RevenueShare(Basis.GROSS, List.of(), new RateSchedule(Metric.REVENUE, TierMode.MARGINAL, Accumulation.CUMULATIVE, tiers)),
            payees, feeBp, tax == null ? null : new WithholdingTax(tax, "CN"), 0))
        .filter(t -> TermsValidator.validate(t).isEmpty());
    return history(terms);
  }

  private static Arbitrary<History> history(Arbitrary<SettlementTerms> terms) {
    Arbitrary<ReportSummary> report = Combinators.combine(Arbitraries.longs().between(0, 3_000_000_000L),
        Arbitraries.longs().between(0, 500_000_000L), Arbitraries.longs().between(0, 100_000_000_000L))
        .as((gross, views, milliHours) -> new ReportSummary("CNY", 1, views, BigDecimal.valueOf(milliHours, 3), gross));
    Arbitrary<Restate> restate = Combinators.combine(Arbitraries.integers().between(0, 5), report).as(Restate::new);
    return Combinators.combine(terms, report.list().ofMinSize(1).ofMaxSize(6), restate.list().ofMaxSize(6)).as(History::new);
  }

  /** Settles a history as the desk does: each first report posts its statement, each restatement only its adjustments. */
  static final class Books {
    final SettlementTerms terms;
    final List<Statement> latest = new ArrayList<>();
    final List<RestatementCascade.Figures> figures = new ArrayList<>();
    final Ledger ledger = new Ledger();
    int newVersions;

    Books(SettlementTerms terms, List<ReportSummary> first) {
      this.terms = terms;
      SettlementPosition position = SettlementPosition.INITIAL;
      for (int i = 0; i < first.size(); i++) {
        Statement statement = StatementCalculator.calculate(new StatementId("C", period(i), 1), terms, first.get(i), position, null);
        post(PostingPlan.forStatement(statement, PLATFORM));
        latest.add(statement);
        figures.add(new RestatementCascade.Figures(first.get(i), null));
        position = statement.closingPosition();
      }
    }

    void restate(int period, ReportSummary report) {
      figures.set(period, new RestatementCascade.Figures(report, null));
      SettlementPosition opening = period == 0 ? SettlementPosition.INITIAL : latest.get(period - 1).closingPosition();
      RestatementCascade.Result result = RestatementCascade.restate(terms, opening, latest.subList(period, latest.size()),
          figures.subList(period, figures.size()), latest.get(period).id().version() + 1);
      for (int i = 0; i < result.statements().size(); i++) {
        Statement next = result.statements().get(i);
        StatementAdjustment adjustment = result.adjustments().get(i);
        int at = periodIndex(next.id().period());
        assertThat(adjustment.replaced()).isEqualTo(latest.get(at).id());
        assertThat(adjustment.netted()).isEqualTo(adjustment.payable());
        post(PostingPlan.forAdjustment(adjustment, PLATFORM));
        latest.set(at, next);
        newVersions++;
      }
      // a period kept at its version may carry a position the terms do not use (a volume on PER_PERIOD tiers)
      assertThat(RestatementCascade.used(terms, result.closing()))
          .isEqualTo(RestatementCascade.used(terms, latest.get(latest.size() - 1).closingPosition()));
    }

    private void post(List<Transfer> plan) {
      PostingPlan.accounts(plan).forEach(ledger::open);
      for (TransferResult result : ledger.submitAll(plan)) {
        assertThat(result).isInstanceOf(TransferResult.Accepted.class);
      }
    }

    long credited(AccountId account) {
      if (!ledger.isOpen(account)) {
        return 0;
      }
      AccountBalance balance = ledger.balance(account);
      return balance.creditsPosted() - balance.debitsPosted();
    }
  }

  static String period(int i) {
    return "2027-" + String.format("%02d", i + 1);
  }

  static int periodIndex(String period) {
    return Integer.parseInt(period.substring(5)) - 1;
  }

  static Books settle(History history) {
    Books books = new Books(history.terms(), history.first());
    for (Restate restate : history.restatements()) {
      books.restate(restate.period() % history.first().size(), restate.report());
    }
    return books;
  }

  /** A fresh run over the final figures: each period once, in order. */
  static List<Statement> fresh(SettlementTerms terms, List<RestatementCascade.Figures> figures) {
    List<Statement> run = new ArrayList<>();
    SettlementPosition position = SettlementPosition.INITIAL;
    for (int i = 0; i < figures.size(); i++) {
      Statement statement = StatementCalculator.calculate(new StatementId("C", period(i), 1), terms, figures.get(i).report(), position, null);
      run.add(statement);
      position = statement.closingPosition();
    }
    return run;
  }

  @Property(tries = 300)
  void after_any_restatements_the_latest_versions_are_a_fresh_run_over_the_final_figures(@ForAll("histories") History history) {
    Books books = settle(history);
    List<Statement> run = fresh(history.terms(), books.figures);

    for (int i = 0; i < run.size(); i++) {
      assertThat(RestatementCascade.differs(history.terms(), books.latest.get(i), run.get(i)))
          .as("period %s: %s vs a fresh run", i, books.latest.get(i).id()).isFalse();
    }
  }

  @Property(tries = 300)
  void the_ledger_pays_exactly_a_fresh_run_over_the_final_figures_and_balances(@ForAll("histories") History history) {
    Books books = settle(history);
    List<Statement> run = fresh(history.terms(), books.figures);

    long fees = 0;
    long tax = 0;
    long payable = 0;
    for (Statement statement : run) {
      fees += statement.exchangeFee().minor();
      tax += statement.withholdingTax().minor();
      payable += statement.payable().minor();
    }
    for (Payee payee : history.terms().payees()) {
      long net = run.stream().flatMap(s -> s.payees().stream()).filter(p -> p.organization().equals(payee.organization()))
          .mapToLong(p -> p.net().minor()).sum();
      assertThat(books.credited(AccountId.organization(payee.organization(), "CNY"))).as("paid to %s", payee.organization()).isEqualTo(net);
    }
    assertThat(books.credited(AccountId.system(AccountKind.EXCHANGE_FEES, "CNY"))).isEqualTo(fees);
    assertThat(books.credited(AccountId.system(AccountKind.WITHHOLDING_TAX, "CNY"))).isEqualTo(tax);
    assertThat(-books.credited(AccountId.organization(PLATFORM, "CNY"))).isEqualTo(payable);
    assertThat(books.ledger.trialBalance().netsToZero()).isTrue();
  }

  @Property(tries = 300)
  void the_total_paid_is_a_single_statement_over_the_final_figures_within_rounding(@ForAll("summable") History history) {
    Books books = settle(history);
    long gross = 0;
    for (RestatementCascade.Figures figures : books.figures) {
      gross += figures.report().grossMinor();
    }
    Statement single = StatementCalculator.calculate(new StatementId("C", "all", 1), history.terms(),
        new ReportSummary("CNY", 1, 0, BigDecimal.ZERO, gross), SettlementPosition.INITIAL, null);

    long periods = books.latest.size();
    long share = books.latest.stream().mapToLong(s -> s.share().minor()).sum();
    long payable = books.latest.stream().mapToLong(s -> s.payable().minor()).sum();
    long net = books.latest.stream().mapToLong(s -> s.netPaid().minor()).sum();
    long recouped = books.latest.stream().mapToLong(s -> s.recoupedThisPeriod().minor()).sum();
    // the share is rounded once per period; the MG then keeps back min(MG, shares) either way
    assertThat(Math.abs(share - single.share().minor())).isLessThanOrEqualTo(periods);
    assertThat(Math.abs(recouped - single.recoupedThisPeriod().minor())).isLessThanOrEqualTo(periods);
    assertThat(Math.abs(payable - single.payable().minor())).isLessThanOrEqualTo(periods);
    // then the exchange fee and each payee's withholding are rounded once per period
    long steps = periods * (2 + history.terms().payees().size());
    assertThat(Math.abs(net - single.netPaid().minor())).isLessThanOrEqualTo(steps);
    // and the ledger posted exactly the latest versions
    long credited = history.terms().payees().stream()
        .mapToLong(p -> books.credited(AccountId.organization(p.organization(), "CNY"))).sum();
    assertThat(credited).isEqualTo(net);
  }
}
