package io.reelx.settlement.statement.domain;

import static io.reelx.settlement.statement.domain.Schemes.STUDIO_ONLY;
import static io.reelx.settlement.statement.domain.Schemes.gross;
import static io.reelx.settlement.statement.domain.Schemes.report;
import static org.assertj.core.api.Assertions.assertThat;

import io.reelx.settlement.money.Money;
import io.reelx.settlement.terms.domain.Accumulation;
import io.reelx.settlement.terms.domain.Metric;
import io.reelx.settlement.terms.domain.MinimumGuarantee;
import io.reelx.settlement.terms.domain.Rate;
import io.reelx.settlement.terms.domain.RateSchedule;
import io.reelx.settlement.terms.domain.RevenueShare;
import io.reelx.settlement.terms.domain.SettlementTerms;
import io.reelx.settlement.terms.domain.Tier;
import io.reelx.settlement.terms.domain.TierMode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestatementCascadeTest {

  /** MG 1,000; 10% of cumulative revenue up to 10,000, 20% above. */
  static final RevenueShare TIERED = gross(new RateSchedule(Metric.REVENUE, TierMode.MARGINAL, Accumulation.CUMULATIVE,
      List.of(Tier.from("0", Rate.percent(1000)), Tier.from("10000", Rate.percent(2000)))));
  static final SettlementTerms TERMS = Schemes.terms(null, new MinimumGuarantee(1000), TIERED, STUDIO_ONLY, 0, null);

  static List<Statement> chain(long... gross) {
    List<Statement> statements = new ArrayList<>();
    SettlementPosition position = SettlementPosition.INITIAL;
    for (int i = 0; i < gross.length; i++) {
      Statement s = StatementCalculator.calculate(new StatementId("C", "2027-0" + (i + 1), 1), TERMS, report(gross[i]), position, null);
      statements.add(s);
      position = s.closingPosition();
    }
    return statements;
  }

  @Test
  void restating_the_first_month_re_rates_the_later_months_on_the_new_cumulative_volume_and_mg_left() {
    // 8,000 / 6,000 / 5,000: shares 800 / 1,000 (2,000 at 10% + 4,000 at 20%) / 1,000; MG keeps back 800 then 200: paid 0 / 800 / 1,000
    List<Statement> before = chain(8_000, 6_000, 5_000);
    assertThat(before).extracting(s -> s.payable().minor()).containsExactly(0L, 800L, 1000L);

    // January restated to 4,000: shares 400 / 600 (all under 10,000) / 1,000 (10,000 -> 15,000 at 20%); MG keeps back 400 then 600
    RestatementCascade.Result result = RestatementCascade.restate(TERMS, SettlementPosition.INITIAL, before,
        List.of(new RestatementCascade.Figures(report(4_000), null), new RestatementCascade.Figures(report(6_000), null),
            new RestatementCascade.Figures(report(5_000), null)), 2);

    assertThat(result.statements()).extracting(s -> s.id().toString()).containsExactly("C/2027-01/v2", "C/2027-02/v2", "C/2027-03/v2");
    assertThat(result.statements()).extracting(s -> s.payable().minor()).containsExactly(0L, 0L, 1000L);
    assertThat(result.statements().get(1).minimumGuaranteeOutstanding()).isEqualTo(Money.of(0, "CNY"));
    StatementAdjustment february = result.adjustments().get(1);
    assertThat(february.replaced().toString()).isEqualTo("C/2027-02/v1");
    assertThat(february.share()).isEqualTo(Money.of(-400, "CNY"));
    assertThat(february.recouped()).isEqualTo(Money.of(400, "CNY"));
    assertThat(february.payable()).isEqualTo(Money.of(-800, "CNY"));
    assertThat(february.payees()).singleElement().satisfies(p -> assertThat(p.net()).isEqualTo(Money.of(-800, "CNY")));
    // March pays the same but on another cumulative volume: a new version with nothing to post
    assertThat(result.adjustments().get(2).payable()).isEqualTo(Money.of(0, "CNY"));
    assertThat(result.closing().cumulativeVolume()).isEqualByComparingTo("15000");
    assertThat(result.closing().mgRecoupedMinor()).isEqualTo(1000);
    // the single run over 4,000 / 6,000 / 5,000 pays 1,000 in all: so do the first statements plus the adjustments
    long paid = before.stream().mapToLong(s -> s.payable().minor()).sum()
        + result.adjustments().stream().mapToLong(a -> a.payable().minor()).sum();
    assertThat(paid).isEqualTo(1000);
  }

  @Test
  void a_later_month_that_does_not_depend_on_the_restated_one_keeps_its_version() {
    SettlementTerms perPeriod = Schemes.share(gross(RateSchedule.flat(Metric.REVENUE, Rate.percent(1000))));
    Statement jan = StatementCalculator.calculate(new StatementId("C", "2027-01", 1), perPeriod, report(1_000), SettlementPosition.INITIAL, null);
    Statement feb = StatementCalculator.calculate(new StatementId("C", "2027-02", 1), perPeriod, report(2_000), jan.closingPosition(), null);

    RestatementCascade.Result result = RestatementCascade.restate(perPeriod, SettlementPosition.INITIAL, List.of(jan, feb),
        List.of(new RestatementCascade.Figures(report(500), null), new RestatementCascade.Figures(report(2_000), null)), 2);

    assertThat(result.statements()).extracting(s -> s.id().toString()).containsExactly("C/2027-01/v2");
    assertThat(result.adjustments()).singleElement().satisfies(a -> assertThat(a.payable()).isEqualTo(Money.of(-50, "CNY")));
  }
}
