package io.reelx.settlement.statement.domain;

import static io.reelx.settlement.statement.domain.Schemes.calculate;
import static io.reelx.settlement.statement.domain.Schemes.gross;
import static io.reelx.settlement.statement.domain.Schemes.id;
import static io.reelx.settlement.statement.domain.Schemes.report;
import static io.reelx.settlement.statement.domain.Schemes.share;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelx.settlement.money.Money;
import io.reelx.settlement.report.domain.ReportSummary;
import io.reelx.settlement.terms.domain.Accumulation;
import io.reelx.settlement.terms.domain.InvalidTermsException;
import io.reelx.settlement.terms.domain.Metric;
import io.reelx.settlement.terms.domain.Rate;
import io.reelx.settlement.terms.domain.RateSchedule;
import io.reelx.settlement.terms.domain.SettlementTerms;
import io.reelx.settlement.terms.domain.Tier;
import io.reelx.settlement.terms.domain.TierMode;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementCalculatorTest {

  static final SettlementTerms TEN_PERCENT = share(gross(RateSchedule.flat(Metric.REVENUE, Rate.percent(1000))));

  @Test
  void a_report_in_another_currency_without_a_matching_fx_rate_is_refused() {
    ReportSummary usd = new ReportSummary("USD", 1, 0, BigDecimal.ZERO, 100);

    assertThatThrownBy(() -> StatementCalculator.calculate(id("p"), TEN_PERCENT, usd, SettlementPosition.INITIAL, null))
        .hasMessageContaining("needs an FX rate USD -> CNY");
    assertThatThrownBy(() -> StatementCalculator.calculate(id("p"), TEN_PERCENT, usd, SettlementPosition.INITIAL, FxRate.of("EUR", "CNY", "7.8")))
        .hasMessageContaining("needs an FX rate USD -> CNY");
    assertThatThrownBy(() -> StatementCalculator.calculate(id("p"), TEN_PERCENT, report(100), SettlementPosition.INITIAL, FxRate.of("USD", "CNY", "7")))
        .hasMessageContaining("no FX rate applies");
    assertThatThrownBy(() -> FxRate.of("USD", "CNY", "0")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void invalid_terms_are_refused_with_all_their_errors() {
    SettlementTerms broken = new SettlementTerms("CNY", null, null, null, List.of(), -1, null, 0);

    assertThatThrownBy(() -> calculate(broken, report(1)))
        .isInstanceOfSatisfying(InvalidTermsException.class, e -> assertThat(e.errors()).hasSize(3));
  }

  @Test
  void step_cumulative_rates_the_period_at_the_band_the_contract_has_reached() {
    // bands by views: 0.1 fen, then 0.5 fen from 1,000,000; 900,000 views to date + 200,000 now = 1,100,000 -> band 1
    // the whole 200,000 at 0.5 = 100,000 (the 900,000 of earlier periods are not re-rated)
    SettlementTerms terms = share(gross(new RateSchedule(Metric.VIEWS, TierMode.STEP, Accumulation.CUMULATIVE,
        List.of(Tier.from("0", Rate.perUnit("0.1")), Tier.from("1000000", Rate.perUnit("0.5"))))));

    Statement statement = StatementCalculator.calculate(id("p"), terms, report(0, 200_000, "0"),
        new SettlementPosition(0, new BigDecimal("900000"), false), null);

    assertThat(statement.tiers()).singleElement().satisfies(t -> {
      assertThat(t.band()).isEqualTo(1);
      assertThat(t.volume()).isEqualByComparingTo("200000");
    });
    assertThat(statement.share()).isEqualTo(Money.of(100_000, "CNY"));
  }

  @Test
  void an_empty_period_pays_nothing_and_divides_by_nothing() {
    SettlementTerms percentOfViews = share(gross(new RateSchedule(Metric.VIEWS, TierMode.MARGINAL, Accumulation.PER_PERIOD,
        List.of(Tier.from("0", Rate.percent(5000)), Tier.from("10", Rate.percent(6000))))));

    Statement statement = calculate(percentOfViews, report(0, 0, "0"));

    assertThat(statement.tiers()).isEmpty();
    assertThat(statement.payable()).isEqualTo(Money.zero("CNY"));
    assertThat(statement.payees()).singleElement().satisfies(p -> assertThat(p.net()).isEqualTo(Money.zero("CNY")));
  }

  @Test
  void band_amounts_are_allocated_from_the_rounded_share_so_they_sum_exactly() {
    // 3 bands of 1 fen each at 50%: exact 0.5 + 0.5 + 0.5 = 1.5 -> share 2 (half up);
    // floors 0+0+0, 2 units left to the largest remainders, ties to the earlier band: 1, 1, 0
    SettlementTerms terms = share(gross(new RateSchedule(Metric.REVENUE, TierMode.MARGINAL, Accumulation.PER_PERIOD,
        List.of(Tier.from("0", Rate.percent(5000)), Tier.from("1", Rate.percent(5000)), Tier.from("2", Rate.percent(5000))))));

    Statement statement = calculate(terms, report(3));

    assertThat(statement.share()).isEqualTo(Money.of(2, "CNY"));
    assertThat(statement.tiers()).extracting(t -> t.amount().minor()).containsExactly(1L, 1L, 0L);
    assertThat(statement.tiers()).extracting(TierLine::exactAmount).allSatisfy(a -> assertThat(a).isEqualByComparingTo("0.5"));
  }

  @Test
  void a_percentage_of_views_shares_money_out_with_one_rounding_of_the_exact_fraction() {
    // 3 views, gross 100: band 0 (1 view) gets 100/3 at 100% = 33.333..., band 1 (2 views) gets 200/3 at 100% = 66.666...
    // exact total 100 -> 100; bands 33 and 67 (largest remainder)
    SettlementTerms terms = share(gross(new RateSchedule(Metric.VIEWS, TierMode.MARGINAL, Accumulation.PER_PERIOD,
        List.of(Tier.from("0", Rate.percent(10_000)), Tier.from("1", Rate.percent(10_000))))));

    Statement statement = calculate(terms, report(100, 3, "0"));

    assertThat(statement.share()).isEqualTo(Money.of(100, "CNY"));
    assertThat(statement.tiers()).extracting(t -> t.amount().minor()).containsExactly(33L, 67L);
  }

  @Test
  void a_restatement_must_be_a_later_version_of_the_same_period_from_the_same_opening_position() {
    Statement v1 = StatementCalculator.calculate(new StatementId("C", "p", 1), TEN_PERCENT, report(100), SettlementPosition.INITIAL, null);
    Statement otherPeriod = StatementCalculator.calculate(new StatementId("C", "q", 2), TEN_PERCENT, report(100), SettlementPosition.INITIAL, null);
    Statement sameVersion = StatementCalculator.calculate(new StatementId("C", "p", 1), TEN_PERCENT, report(90), SettlementPosition.INITIAL, null);
    Statement movedStart = StatementCalculator.calculate(new StatementId("C", "p", 2), TEN_PERCENT, report(90),
        new SettlementPosition(0, BigDecimal.TEN, false), null);

    assertThatThrownBy(() -> StatementAdjustment.between(v1, otherPeriod)).hasMessageContaining("does not restate");
    assertThatThrownBy(() -> StatementAdjustment.between(v1, sameVersion)).hasMessageContaining("later version");
    assertThatThrownBy(() -> StatementAdjustment.between(v1, movedStart)).hasMessageContaining("same opening position");
  }

  @Test
  void a_restatement_reports_each_delta_and_the_restated_closing_position() {
    // v1 gross 1,000 -> payable 100; v2 gross 700 -> payable 70: every delta -30
    Statement v1 = StatementCalculator.calculate(new StatementId("C", "p", 1), TEN_PERCENT, report(1_000), SettlementPosition.INITIAL, null);
    Statement v2 = StatementCalculator.calculate(new StatementId("C", "p", 2), TEN_PERCENT, report(700), SettlementPosition.INITIAL, null);

    StatementAdjustment adjustment = StatementAdjustment.between(v1, v2);

    assertThat(adjustment.gross()).isEqualTo(Money.of(-300, "CNY"));
    assertThat(adjustment.payable()).isEqualTo(Money.of(-30, "CNY"));
    assertThat(adjustment.payees()).singleElement().satisfies(p -> assertThat(p.net()).isEqualTo(Money.of(-30, "CNY")));
    assertThat(adjustment.position()).isEqualTo(v2.closingPosition());
  }
}
