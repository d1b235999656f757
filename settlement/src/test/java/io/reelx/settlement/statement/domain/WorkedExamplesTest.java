package io.reelx.settlement.statement.domain;

import static io.reelx.settlement.statement.domain.Schemes.STUDIO;
import static io.reelx.settlement.statement.domain.Schemes.STUDIO_ONLY;
import static io.reelx.settlement.statement.domain.Schemes.calculate;
import static io.reelx.settlement.statement.domain.Schemes.gross;
import static io.reelx.settlement.statement.domain.Schemes.id;
import static io.reelx.settlement.statement.domain.Schemes.net;
import static io.reelx.settlement.statement.domain.Schemes.report;
import static io.reelx.settlement.statement.domain.Schemes.share;
import static io.reelx.settlement.statement.domain.Schemes.terms;
import static org.assertj.core.api.Assertions.assertThat;

import io.reelx.settlement.money.Money;
import io.reelx.settlement.report.domain.ReportSummary;
import io.reelx.settlement.terms.domain.Accumulation;
import io.reelx.settlement.terms.domain.Deduction;
import io.reelx.settlement.terms.domain.FlatFee;
import io.reelx.settlement.terms.domain.Metric;
import io.reelx.settlement.terms.domain.MinimumGuarantee;
import io.reelx.settlement.terms.domain.OrganizationId;
import io.reelx.settlement.terms.domain.Payee;
import io.reelx.settlement.terms.domain.Rate;
import io.reelx.settlement.terms.domain.RateSchedule;
import io.reelx.settlement.terms.domain.SettlementTerms;
import io.reelx.settlement.terms.domain.Tier;
import io.reelx.settlement.terms.domain.TierMode;
import io.reelx.settlement.terms.domain.WithholdingTax;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One worked example per published scheme; the expected numbers are worked by hand in the comments. */
class WorkedExamplesTest {

  static Money cny(long minor) {
    return Money.of(minor, "CNY");
  }

  static final RateSchedule THREE_REVENUE_BANDS_MARGINAL = new RateSchedule(Metric.REVENUE, TierMode.MARGINAL, Accumulation.PER_PERIOD,
      List.of(Tier.from("0", Rate.percent(1000)), Tier.from("1000000", Rate.percent(2000)), Tier.from("5000000", Rate.percent(3000))));

  @Test
  void a_flat_licence_fee_is_charged_on_the_first_statement_only() {
    // fee CNY 50,000.00 = 5,000,000 fen, ONCE; no share: payable 5,000,000 then 0
    SettlementTerms terms = terms(new FlatFee(5_000_000, FlatFee.Recurrence.ONCE), null, null, STUDIO_ONLY, 0, null);

    Statement first = calculate(terms, report(1_000_000));
    Statement second = StatementCalculator.calculate(id("2026-11"), terms, report(1_000_000), first.closingPosition(), null);

    assertThat(first.payable()).isEqualTo(cny(5_000_000));
    assertThat(first.payees().get(0).net()).isEqualTo(cny(5_000_000));
    assertThat(second.flatFee()).isEqualTo(cny(0));
    assertThat(second.payable()).isEqualTo(cny(0));
  }

  @Test
  void a_minimum_guarantee_is_recouped_from_the_share_before_anything_is_payable() {
    // MG 1,000,000; 50% of gross.
    // period 1: gross 1,500,000 -> share 750,000 -> recoup 750,000 (250,000 outstanding), payable 0
    // period 2: gross   800,000 -> share 400,000 -> recoup 250,000 (0 outstanding),       payable 150,000
    SettlementTerms terms = terms(null, new MinimumGuarantee(1_000_000), gross(RateSchedule.flat(Metric.REVENUE, Rate.percent(5000))),
        STUDIO_ONLY, 0, null);

    Statement first = calculate(terms, report(1_500_000));
    Statement second = StatementCalculator.calculate(id("2026-11"), terms, report(800_000), first.closingPosition(), null);

    assertThat(first.share()).isEqualTo(cny(750_000));
    assertThat(first.recoupedThisPeriod()).isEqualTo(cny(750_000));
    assertThat(first.minimumGuaranteeOutstanding()).isEqualTo(cny(250_000));
    assertThat(first.payable()).isEqualTo(cny(0));
    assertThat(second.share()).isEqualTo(cny(400_000));
    assertThat(second.recoupedThisPeriod()).isEqualTo(cny(250_000));
    assertThat(second.recoupedToDate()).isEqualTo(cny(1_000_000));
    assertThat(second.minimumGuaranteeOutstanding()).isEqualTo(cny(0));
    assertThat(second.payable()).isEqualTo(cny(150_000));
  }

  @Test
  void a_percentage_of_gross_rounds_once_half_up() {
    // 35% of 1,234,567 = 432,098.45 -> 432,098
    Statement statement = calculate(share(gross(RateSchedule.flat(Metric.REVENUE, Rate.percent(3500)))), report(1_234_567));

    assertThat(statement.basisAmount()).isEqualTo(cny(1_234_567));
    assertThat(statement.tiers()).singleElement().satisfies(t -> assertThat(t.exactAmount()).isEqualByComparingTo("432098.45"));
    assertThat(statement.share()).isEqualTo(cny(432_098));
    assertThat(statement.payable()).isEqualTo(cny(432_098));
  }

  @Test
  void a_percentage_of_net_takes_the_app_store_fee_then_vat_successively() {
    // gross 1,000,001
    // app-store 30%: 300,000.3 -> 300,000; remaining 700,001
    // VAT 6% of 700,001: 42,000.06 -> 42,000; net 658,001
    // 50% of net: 329,000.5 -> 329,001 (half up)
    Statement statement = calculate(share(net(RateSchedule.flat(Metric.REVENUE, Rate.percent(5000)),
        new Deduction("app-store", 3000), new Deduction("vat", 600))), report(1_000_001));

    assertThat(statement.deductions()).containsExactly(
        new DeductionLine("app-store", 3000, cny(300_000), cny(700_001)),
        new DeductionLine("vat", 600, cny(42_000), cny(658_001)));
    assertThat(statement.basisAmount()).isEqualTo(cny(658_001));
    assertThat(statement.share()).isEqualTo(cny(329_001));
  }

  @Test
  void a_unit_price_per_view() {
    // 0.35 fen per view x 2,000,001 views = 700,000.35 -> 700,000
    Statement statement = calculate(share(gross(RateSchedule.flat(Metric.VIEWS, Rate.perUnit("0.35")))), report(9_999_999, 2_000_001, "0"));

    assertThat(statement.tiers()).singleElement().satisfies(t -> {
      assertThat(t.volume()).isEqualByComparingTo("2000001");
      assertThat(t.exactAmount()).isEqualByComparingTo("700000.35");
    });
    assertThat(statement.share()).isEqualTo(cny(700_000));
  }

  @Test
  void a_unit_price_per_watch_hour() {
    // 12.5 fen per hour x 10,000.123 hours = 125,001.5375 -> 125,002
    Statement statement = calculate(share(gross(RateSchedule.flat(Metric.WATCH_HOURS, Rate.perUnit("12.5")))), report(0, 0, "10000.123"));

    assertThat(statement.share()).isEqualTo(cny(125_002));
  }

  @Test
  void marginal_tiers_pay_each_band_at_its_own_rate() {
    // gross 6,000,000: 1,000,000 x 10% = 100,000; 4,000,000 x 20% = 800,000; 1,000,000 x 30% = 300,000; total 1,200,000
    Statement statement = calculate(share(gross(THREE_REVENUE_BANDS_MARGINAL)), report(6_000_000));

    assertThat(statement.tiers()).extracting(TierLine::band, TierLine::volume, TierLine::amount).containsExactly(
        org.assertj.core.groups.Tuple.tuple(0, new BigDecimal("1000000"), cny(100_000)),
        org.assertj.core.groups.Tuple.tuple(1, new BigDecimal("4000000"), cny(800_000)),
        org.assertj.core.groups.Tuple.tuple(2, new BigDecimal("1000000"), cny(300_000)));
    assertThat(statement.tiers().get(2).to()).isNull();
    assertThat(statement.share()).isEqualTo(cny(1_200_000));
  }

  @Test
  void step_tiers_pay_the_whole_volume_at_the_rate_of_the_band_reached() {
    // gross 6,000,000 reaches band 2 (from 5,000,000): 6,000,000 x 30% = 1,800,000
    // gross 1,000,000 reaches band 1 exactly at its start: 1,000,000 x 20% = 200,000
    RateSchedule step = new RateSchedule(Metric.REVENUE, TierMode.STEP, Accumulation.PER_PERIOD, THREE_REVENUE_BANDS_MARGINAL.tiers());

    Statement high = calculate(share(gross(step)), report(6_000_000));
    Statement boundary = calculate(share(gross(step)), report(1_000_000));

    assertThat(high.tiers()).singleElement().satisfies(t -> {
      assertThat(t.band()).isEqualTo(2);
      assertThat(t.amount()).isEqualTo(cny(1_800_000));
    });
    assertThat(boundary.share()).isEqualTo(cny(200_000));
  }

  @Test
  void cumulative_tiers_continue_from_the_contracts_volume_so_far_where_per_period_tiers_restart() {
    // bands by views: 0.2 fen below 1,000,000 views, 0.3 fen from 1,000,000. Two periods of 800,000 views.
    // PER_PERIOD: each period 800,000 x 0.2 = 160,000.
    // CUMULATIVE: period 1 = 160,000 (800,000 to date);
    //             period 2 = 200,000 x 0.2 + 600,000 x 0.3 = 40,000 + 180,000 = 220,000 (1,600,000 to date)
    List<Tier> tiers = List.of(Tier.from("0", Rate.perUnit("0.2")), Tier.from("1000000", Rate.perUnit("0.3")));
    SettlementTerms perPeriod = share(gross(new RateSchedule(Metric.VIEWS, TierMode.MARGINAL, Accumulation.PER_PERIOD, tiers)));
    SettlementTerms cumulative = share(gross(new RateSchedule(Metric.VIEWS, TierMode.MARGINAL, Accumulation.CUMULATIVE, tiers)));
    ReportSummary period = report(0, 800_000, "0");

    Statement p1 = calculate(perPeriod, period);
    Statement p2 = StatementCalculator.calculate(id("2026-11"), perPeriod, period, p1.closingPosition(), null);
    Statement c1 = calculate(cumulative, period);
    Statement c2 = StatementCalculator.calculate(id("2026-11"), cumulative, period, c1.closingPosition(), null);

    assertThat(p1.share()).isEqualTo(cny(160_000));
    assertThat(p2.share()).isEqualTo(cny(160_000));
    assertThat(c1.share()).isEqualTo(cny(160_000));
    assertThat(c2.tiers()).extracting(TierLine::amount).containsExactly(cny(40_000), cny(180_000));
    assertThat(c2.share()).isEqualTo(cny(220_000));
    assertThat(c2.closingPosition().cumulativeVolume()).isEqualByComparingTo("1600000");
  }

  @Test
  void a_bonus_rate_above_one_hundred_percent_applies_once_views_reach_its_band() {
    // STEP by views: 100% of gross below 1,000,000 views, 120% from 1,000,000.
    // 1,500,000 views, gross 2,000,000 -> band 1 -> 2,000,000 x 120% = 2,400,000
    // MARGINAL: gross shared out by views: band 0 gets 1,000,000/1,500,000 of 3,000,000 = 2,000,000 x 100% = 2,000,000
    //           band 1 gets 500,000/1,500,000 of 3,000,000 = 1,000,000 x 120% = 1,200,000; total 3,200,000
    List<Tier> tiers = List.of(Tier.from("0", Rate.percent(10_000)), Tier.from("1000000", Rate.percent(12_000)));

    Statement step = calculate(share(gross(new RateSchedule(Metric.VIEWS, TierMode.STEP, Accumulation.PER_PERIOD, tiers))),
        report(2_000_000, 1_500_000, "0"));
    Statement marginal = calculate(share(gross(new RateSchedule(Metric.VIEWS, TierMode.MARGINAL, Accumulation.PER_PERIOD, tiers))),
        report(3_000_000, 1_500_000, "0"));

    assertThat(step.share()).isEqualTo(cny(2_400_000));
    assertThat(marginal.tiers()).extracting(TierLine::amount).containsExactly(cny(2_000_000), cny(1_200_000));
    assertThat(marginal.share()).isEqualTo(cny(3_200_000));
  }

  @Test
  void three_payees_split_by_largest_remainder_with_ties_to_the_earlier_payee() {
    // 101 fen at 33.34% / 33.33% / 33.33%: exact 33.6734, 33.6633, 33.6633; floors 33+33+33 = 99, 2 left:
    // first to the largest remainder (payee A .6734), then the tie .6633 goes to the earlier payee (B): 34, 34, 33
    OrganizationId a = new OrganizationId("A");
    OrganizationId b = new OrganizationId("B");
    OrganizationId c = new OrganizationId("C");
    SettlementTerms terms = terms(new FlatFee(101, FlatFee.Recurrence.EACH_PERIOD), null, null,
        List.of(new Payee(a, 3334, "CN"), new Payee(b, 3333, "CN"), new Payee(c, 3333, "CN")), 0, null);

    Statement statement = calculate(terms, report(0));

    assertThat(statement.payees()).extracting(PayeeLine::organization, PayeeLine::net).containsExactly(
        org.assertj.core.groups.Tuple.tuple(a, cny(34)),
        org.assertj.core.groups.Tuple.tuple(b, cny(34)),
        org.assertj.core.groups.Tuple.tuple(c, cny(33)));
  }

  @Test
  void the_exchange_fee_is_taken_from_the_payable_before_the_split() {
    // payable 333,333 (flat); fee 1.5% = 4,999.995 -> 5,000 (half up); distributable 328,333
    // split 50/50: 164,166.5 each -> floors 164,166 + 164,166, 1 left, tie -> earlier: 164,167 / 164,166
    OrganizationId a = new OrganizationId("A");
    OrganizationId b = new OrganizationId("B");
    SettlementTerms terms = terms(new FlatFee(333_333, FlatFee.Recurrence.EACH_PERIOD), null, null,
        List.of(new Payee(a, 5000, "CN"), new Payee(b, 5000, "CN")), 150, null);

    Statement statement = calculate(terms, report(0));

    assertThat(statement.exchangeFee()).isEqualTo(cny(5_000));
    assertThat(statement.payees()).extracting(PayeeLine::part).containsExactly(cny(164_167), cny(164_166));
    assertThat(statement.exchangeFee().plus(statement.netPaid())).isEqualTo(statement.payable());
  }

  @Test
  void withholding_tax_applies_only_to_payees_across_the_border_from_the_payer() {
    // payer CN, 10% withholding; studio CN 60%, author US 40%; distributable 123,457
    // exact 74,074.2 and 49,382.8 -> floors 74,074 + 49,382 = 123,456, 1 left to the larger remainder (US): 49,383
    // US withholding 10% of 49,383 = 4,938.3 -> 4,938; US net 44,445; CN net 74,074 untaxed
    OrganizationId author = new OrganizationId("author");
    SettlementTerms terms = terms(new FlatFee(123_457, FlatFee.Recurrence.EACH_PERIOD), null, null,
        List.of(new Payee(STUDIO, 6000, "CN"), new Payee(author, 4000, "US")), 0, new WithholdingTax(1000, "CN"));

    Statement statement = calculate(terms, report(0));

    assertThat(statement.payees()).containsExactly(
        new PayeeLine(STUDIO, 6000, cny(74_074), cny(0), cny(74_074)),
        new PayeeLine(author, 4000, cny(49_383), cny(4_938), cny(44_445)));
    assertThat(statement.withholdingTax()).isEqualTo(cny(4_938));
  }

  @Test
  void a_report_in_another_currency_is_converted_once_at_the_recorded_rate() {
    // USD 1,000.00 = 100,000 cents x 7.1234 = CNY 7,123.40 = 712,340 fen; 10% = 71,234
    // JPY 1,000 (no minor digits) x 0.0481 = CNY 48.10 = 4,810 fen
    SettlementTerms terms = share(gross(RateSchedule.flat(Metric.REVENUE, Rate.percent(1000))));
    FxRate usd = FxRate.of("USD", "CNY", "7.1234");

    Statement statement = StatementCalculator.calculate(id("2026-10"), terms, new ReportSummary("USD", 1, 0, BigDecimal.ZERO, 100_000),
        SettlementPosition.INITIAL, usd);
    Statement yen = StatementCalculator.calculate(id("2026-10"), terms, new ReportSummary("JPY", 1, 0, BigDecimal.ZERO, 1_000),
        SettlementPosition.INITIAL, FxRate.of("JPY", "CNY", "0.0481"));

    assertThat(statement.reportGross()).isEqualTo(Money.of(100_000, "USD"));
    assertThat(statement.fxRate()).isEqualTo(usd);
    assertThat(statement.gross()).isEqualTo(cny(712_340));
    assertThat(statement.share()).isEqualTo(cny(71_234));
    assertThat(yen.gross()).isEqualTo(cny(4_810));
  }

  @Test
  void everything_at_once_keeps_every_identity() {
    // MG 100,000 + flat 50,000 once + 40% of net (30% store, 6% VAT) + 1.5% fee + 10% WHT for the US author
    // gross 1,000,000: store 300,000, VAT 42,000, net 658,000; share 263,200; recoup 100,000; after 163,200
    // payable = 50,000 + 163,200 = 213,200; fee 1.5% = 3,198; distributable 210,002
    // 70% studio = 147,001.4 -> 147,001; 30% author = 63,000.6 -> 63,001 (larger remainder)
    // author WHT 10% of 63,001 = 6,300.1 -> 6,300; author net 56,701
    OrganizationId author = new OrganizationId("author");
    SettlementTerms terms = terms(new FlatFee(50_000, FlatFee.Recurrence.ONCE), new MinimumGuarantee(100_000),
        net(RateSchedule.flat(Metric.REVENUE, Rate.percent(4000)), new Deduction("app-store", 3000), new Deduction("vat", 600)),
        List.of(new Payee(STUDIO, 7000, "CN"), new Payee(author, 3000, "US")), 150, new WithholdingTax(1000, "CN"));

    Statement s = calculate(terms, report(1_000_000));

    assertThat(s.basisAmount()).isEqualTo(cny(658_000));
    assertThat(s.share()).isEqualTo(cny(263_200));
    assertThat(s.shareAfterRecoupment()).isEqualTo(cny(163_200));
    assertThat(s.payable()).isEqualTo(cny(213_200));
    assertThat(s.exchangeFee()).isEqualTo(cny(3_198));
    assertThat(s.payees()).containsExactly(
        new PayeeLine(STUDIO, 7000, cny(147_001), cny(0), cny(147_001)),
        new PayeeLine(author, 3000, cny(63_001), cny(6_300), cny(56_701)));
    assertThat(s.exchangeFee().plus(s.withholdingTax()).plus(s.netPaid())).isEqualTo(s.payable());
    assertThat(s.closingPosition()).isEqualTo(new SettlementPosition(100_000, new BigDecimal("658000"), true));
  }
}
