package io.reelx.settlement.terms.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class TermsValidatorTest {

  static final List<Payee> ONE_PAYEE = List.of(new Payee(new OrganizationId("studio"), 10_000, "CN"));

  @Test
  void well_formed_terms_have_no_errors() {
    SettlementTerms terms = new SettlementTerms("CNY", new FlatFee(100_000, FlatFee.Recurrence.ONCE),
        new MinimumGuarantee(5_000_000),
        new RevenueShare(Basis.NET, List.of(new Deduction("app-store", 3000), new Deduction("vat", 600)),
            new RateSchedule(Metric.VIEWS, TierMode.MARGINAL, Accumulation.CUMULATIVE, List.of(
                Tier.from("0", Rate.perUnit("0.5")), Tier.from("1000000", Rate.perUnit("0.75"))))),
        ONE_PAYEE, 150, new WithholdingTax(1000, "CN"), 0);

    assertThat(TermsValidator.validate(terms)).isEmpty();
    assertThat(TermsValidator.requireValid(terms)).isSameAs(terms);
  }

  @Test
  void every_problem_is_reported_at_once_with_its_field_path() {
    SettlementTerms terms = new SettlementTerms("XXY", new FlatFee(0, null), null,
        new RevenueShare(Basis.GROSS, List.of(new Deduction("", 20_000)),
            new RateSchedule(Metric.REVENUE, TierMode.STEP, null, List.of(
                Tier.from("10", Rate.percent(5000)),
                Tier.from("5", Rate.perUnit("0.1")),
                Tier.from("7.5", Rate.percent(2_000_000))))),
        List.of(new Payee(new OrganizationId("a"), 6000, "CN"), new Payee(new OrganizationId("a"), 3000, "china")),
        -1, new WithholdingTax(10_001, "cn"), -5);

    List<FieldError> errors = TermsValidator.validate(terms);

    assertThat(errors).extracting(FieldError::field).contains(
        "currency",
        "flatFee.amountMinor",
        "flatFee.recurrence",
        "revenueShare.deductions",
        "revenueShare.deductions[0].name",
        "revenueShare.deductions[0].basisPoints",
        "revenueShare.schedule.accumulation",
        "revenueShare.schedule.tiers[0].from",
        "revenueShare.schedule.tiers[1].from",
        "revenueShare.schedule.tiers[1].rate",
        "revenueShare.schedule.tiers[2].from",
        "revenueShare.schedule.tiers[2].rate.basisPoints",
        "payees[1].organization",
        "payees[1].country",
        "payees",
        "exchangeFeeBasisPoints",
        "withholdingTax.basisPoints",
        "withholdingTax.payerCountry",
        "declaredPayableToleranceMinor");
    assertThat(errors).contains(new FieldError("revenueShare.schedule.tiers[0].from", "the first tier must start at 0"));
    assertThat(errors).contains(new FieldError("payees", "shares must sum to 10000 basis points, not 9000"));
    assertThat(errors).contains(new FieldError("revenueShare.schedule.tiers[2].from", "must be a whole number of minor units"));
  }

  @Test
  void a_minimum_guarantee_without_a_share_to_recoup_from_is_refused() {
    SettlementTerms terms = new SettlementTerms("CNY", null, new MinimumGuarantee(100), null, ONE_PAYEE, 0, null, 0);

    assertThat(TermsValidator.validate(terms))
        .containsExactly(new FieldError("minimumGuarantee", "needs a revenueShare to be recouped from"));
  }

  @Test
  void terms_with_nothing_to_pay_are_refused() {
    SettlementTerms terms = new SettlementTerms("CNY", null, null, null, ONE_PAYEE, 0, null, 0);

    assertThat(TermsValidator.validate(terms)).extracting(FieldError::reason)
        .containsExactly("terms must have a flatFee, a minimumGuarantee or a revenueShare");
  }

  @Test
  void watch_hour_bands_take_at_most_three_decimals_and_unit_prices_at_most_nine() {
    SettlementTerms terms = new SettlementTerms("CNY", null, null,
        new RevenueShare(Basis.GROSS, List.of(), new RateSchedule(Metric.WATCH_HOURS, TierMode.MARGINAL,
            Accumulation.PER_PERIOD, List.of(Tier.from("0", Rate.perUnit("1.0000000001")), Tier.from("10.0005", Rate.perUnit("2"))))),
        ONE_PAYEE, 0, null, 0);

    assertThat(TermsValidator.validate(terms)).extracting(FieldError::field)
        .containsExactly("revenueShare.schedule.tiers[0].rate.minorPerUnit", "revenueShare.schedule.tiers[1].from");
  }

  @Test
  void using_invalid_terms_throws_with_all_errors() {
    SettlementTerms terms = new SettlementTerms(null, null, null, null, null, 0, null, 0);

    assertThatThrownBy(() -> TermsValidator.requireValid(terms))
        .isInstanceOfSatisfying(InvalidTermsException.class, e -> assertThat(e.errors()).hasSize(3));
  }

  @Test
  void a_percentage_above_one_hundred_is_a_legal_bonus() {
    SettlementTerms terms = new SettlementTerms("CNY", null, null,
        new RevenueShare(Basis.GROSS, List.of(), RateSchedule.flat(Metric.REVENUE, Rate.percent(12_000))),
        ONE_PAYEE, 0, null, 0);

    assertThat(TermsValidator.validate(terms)).isEmpty();
    assertThat(new Tier(new BigDecimal("0"), Rate.percent(1)).rate()).isEqualTo(new Rate.Percent(1));
  }
}
