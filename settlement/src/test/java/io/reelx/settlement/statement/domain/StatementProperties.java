package io.reelx.settlement.statement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelx.settlement.money.Money;
import io.reelx.settlement.report.domain.ReportSummary;
import io.reelx.settlement.terms.domain.Accumulation;
import io.reelx.settlement.terms.domain.Metric;
import io.reelx.settlement.terms.domain.Rate;
import io.reelx.settlement.terms.domain.RateSchedule;
import io.reelx.settlement.terms.domain.SettlementTerms;
import io.reelx.settlement.terms.domain.TermsArbitraries;
import io.reelx.settlement.terms.domain.Tier;
import io.reelx.settlement.terms.domain.TierMode;
import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class StatementProperties {

  @Provide
  Arbitrary<SettlementTerms> terms() {
    return TermsArbitraries.validTerms();
  }

  @Provide
  Arbitrary<ReportSummary> reports() {
    return Combinators.combine(Arbitraries.longs().between(0, 10_000_000_000L), Arbitraries.longs().between(0, 1_000_000_000L),
        Arbitraries.longs().between(0, 1_000_000_000_000L))
        .as((gross, views, milliHours) -> new ReportSummary("CNY", 1, views, BigDecimal.valueOf(milliHours, 3), gross));
  }

  @Provide
  Arbitrary<List<Tier>> revenueTiers() {
    return TermsArbitraries.tiers(Metric.REVENUE);
  }

  @Provide
  Arbitrary<Rate> anyRate() {
    return Arbitraries.oneOf(TermsArbitraries.percent(), TermsArbitraries.perUnit());
  }

  // ---- every statement keeps its identities -----------------------------------------------------

  @Property(tries = 500)
  void a_statement_always_adds_up(@ForAll("terms") SettlementTerms terms, @ForAll("reports") ReportSummary report) {
    Statement s = StatementCalculator.calculate(Schemes.id("p"), terms, report, SettlementPosition.INITIAL, null);

    Money tiers = s.tiers().stream().map(TierLine::amount).reduce(Money.zero("CNY"), Money::plus);
    Money parts = s.payees().stream().map(PayeeLine::part).reduce(Money.zero("CNY"), Money::plus);
    assertThat(tiers).isEqualTo(s.share());
    assertThat(s.shareAfterRecoupment()).isEqualTo(s.share().minus(s.recoupedThisPeriod()));
    assertThat(s.payable()).isEqualTo(s.flatFee().plus(s.shareAfterRecoupment()));
    assertThat(s.payable()).isEqualTo(s.exchangeFee().plus(parts));
    for (PayeeLine payee : s.payees()) {
      assertThat(payee.part()).isEqualTo(payee.withholdingTax().plus(payee.net()));
      assertThat(payee.net().isNegative()).isFalse();
    }
    assertThat(s.payable()).isEqualTo(s.exchangeFee().plus(s.withholdingTax()).plus(s.netPaid()));
  }

  @Property(tries = 300)
  void recoupment_never_pays_out_more_than_the_share_nor_recoups_more_than_the_mg(@ForAll("terms") SettlementTerms terms,
      @ForAll @Size(min = 1, max = 6) List<@LongRange(min = 0, max = 5_000_000_000L) Long> grossPerPeriod) {
    SettlementPosition position = SettlementPosition.INITIAL;
    long mg = terms.minimumGuarantee() == null ? 0 : terms.minimumGuarantee().amountMinor();
    long shares = 0;
    long paidFromShares = 0;
    for (int i = 0; i < grossPerPeriod.size(); i++) {
      Statement s = StatementCalculator.calculate(Schemes.id("p" + i), terms,
          new ReportSummary("CNY", 1, grossPerPeriod.get(i), BigDecimal.ONE, grossPerPeriod.get(i)), position, null);
      assertThat(s.shareAfterRecoupment().minor()).isBetween(0L, s.share().minor());
      assertThat(s.recoupedToDate().minor()).isLessThanOrEqualTo(mg);
      shares += s.share().minor();
      paidFromShares += s.shareAfterRecoupment().minor();
      position = s.closingPosition();
    }
    // over the whole run: exactly the MG (or all the shares, if less) was kept back
    assertThat(shares - paidFromShares).isEqualTo(Math.min(mg, shares));
  }

  @Property(tries = 300)
  void restatement_adjustments_net_to_the_difference(@ForAll("terms") SettlementTerms terms,
      @ForAll("reports") ReportSummary first, @ForAll("reports") ReportSummary second) {
    Statement v1 = StatementCalculator.calculate(new StatementId("C", "p", 1), terms, first, SettlementPosition.INITIAL, null);
    Statement v2 = StatementCalculator.calculate(new StatementId("C", "p", 2), terms, second, SettlementPosition.INITIAL, null);

    StatementAdjustment adjustment = StatementAdjustment.between(v1, v2);

    assertThat(adjustment.payable()).isEqualTo(v2.payable().minus(v1.payable()));
    assertThat(adjustment.netted()).isEqualTo(adjustment.payable());
    for (int i = 0; i < v1.payees().size(); i++) {
      assertThat(v1.payees().get(i).net().plus(adjustment.payees().get(i).net())).isEqualTo(v2.payees().get(i).net());
    }
  }

  // ---- tiers -----------------------------------------------------------------------------------

  static BigDecimal exact(RateSchedule schedule, long volume, long before) {
    TierCalculator.Result result = TierCalculator.apply(schedule, BigDecimal.valueOf(volume), BigDecimal.valueOf(before), volume);
    BigDecimal sum = result.bands().stream().map(TierCalculator.Band::numerator).reduce(BigDecimal.ZERO, BigDecimal::add);
    return sum.divide(result.denominator());
  }

  @Property
  void marginal_tiers_are_monotone_and_continuous_in_volume(@ForAll("revenueTiers") List<Tier> tiers,
      @ForAll @LongRange(min = 0, max = 100_000_000L) long volume, @ForAll @LongRange(min = 1, max = 1_000_000L) long more) {
    RateSchedule schedule = new RateSchedule(Metric.REVENUE, TierMode.MARGINAL, Accumulation.PER_PERIOD, tiers);
    BigDecimal maxRate = tiers.stream().map(t -> BigDecimal.valueOf(((Rate.Percent) t.rate()).basisPoints(), 4))
        .reduce(BigDecimal.ZERO, BigDecimal::max);

    BigDecimal increase = exact(schedule, volume + more, 0).subtract(exact(schedule, volume, 0));

    assertThat(increase).isGreaterThanOrEqualTo(BigDecimal.ZERO);
    // no jump: more volume never adds more than the highest rate on it
    assertThat(increase).isLessThanOrEqualTo(maxRate.multiply(BigDecimal.valueOf(more)));
  }

  @Property
  void cumulative_marginal_tiers_pay_the_same_however_the_volume_is_split_into_periods(@ForAll("revenueTiers") List<Tier> tiers,
      @ForAll @LongRange(min = 0, max = 100_000_000L) long first, @ForAll @LongRange(min = 0, max = 100_000_000L) long second) {
    RateSchedule cumulative = new RateSchedule(Metric.REVENUE, TierMode.MARGINAL, Accumulation.CUMULATIVE, tiers);

    assertThat(exact(cumulative, first, 0).add(exact(cumulative, second, first))).isEqualByComparingTo(exact(cumulative, first + second, 0));
  }

  @Property
  void step_and_marginal_agree_on_a_single_band(@ForAll("anyRate") Rate rate, @ForAll("reports") ReportSummary report,
      @ForAll Accumulation accumulation, @ForAll @LongRange(min = 0, max = 1_000_000_000L) long before) {
    Metric metric = rate instanceof Rate.Percent ? Metric.REVENUE : Metric.WATCH_HOURS;
    SettlementTerms marginal = Schemes.share(Schemes.gross(new RateSchedule(metric, TierMode.MARGINAL, accumulation, List.of(new Tier(BigDecimal.ZERO, rate)))));
    SettlementTerms step = Schemes.share(Schemes.gross(new RateSchedule(metric, TierMode.STEP, accumulation, List.of(new Tier(BigDecimal.ZERO, rate)))));
    SettlementPosition position = new SettlementPosition(0, BigDecimal.valueOf(before), false);

    Statement m = StatementCalculator.calculate(Schemes.id("p"), marginal, report, position, null);
    Statement s = StatementCalculator.calculate(Schemes.id("p"), step, report, position, null);

    assertThat(s.share()).isEqualTo(m.share());
  }

  @Property
  void step_tiers_never_pay_less_than_marginal_when_rates_rise(@ForAll("revenueTiers") List<Tier> tiers,
      @ForAll @LongRange(min = 0, max = 100_000_000L) long volume) {
    List<Tier> rising = new java.util.ArrayList<>();
    long bp = 0;
    for (Tier tier : tiers) {
      bp = Math.max(bp, ((Rate.Percent) tier.rate()).basisPoints());
      rising.add(new Tier(tier.from(), new Rate.Percent(bp)));
    }
    RateSchedule marginal = new RateSchedule(Metric.REVENUE, TierMode.MARGINAL, Accumulation.PER_PERIOD, rising);
    RateSchedule step = new RateSchedule(Metric.REVENUE, TierMode.STEP, Accumulation.PER_PERIOD, rising);

    assertThat(exact(step, volume, 0)).isGreaterThanOrEqualTo(exact(marginal, volume, 0));
  }
}
