package io.reelx.exchange.listing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelx.exchange.listing.domain.ListingSettlementTerms.DeductionShare;
import io.reelx.exchange.listing.domain.ListingSettlementTerms.PayeeShare;
import io.reelx.exchange.listing.domain.ListingSettlementTerms.Share;
import io.reelx.exchange.listing.domain.ListingSettlementTerms.ShareSchedule;
import io.reelx.exchange.listing.domain.ListingSettlementTerms.TierRate;
import io.reelx.exchange.shared.domain.InvalidValue;
import io.reelx.settlement.terms.domain.Accumulation;
import io.reelx.settlement.terms.domain.Basis;
import io.reelx.settlement.terms.domain.Metric;
import io.reelx.settlement.terms.domain.Payee;
import io.reelx.settlement.terms.domain.Rate;
import io.reelx.settlement.terms.domain.SettlementTerms;
import io.reelx.settlement.terms.domain.TierMode;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ListingSettlementTermsTest {

  static final String HOLDER = "org-holder";

  static List<String> refusedFields(ListingSettlementTerms terms) {
    List<String> fields = new java.util.ArrayList<>();
    assertThatThrownBy(() -> terms.toTerms("CNY", HOLDER, "CN"))
        .isInstanceOfSatisfying(InvalidValue.class,
            e -> e.fields().forEach(f -> {
              assertThat(f.reason()).isNotBlank();
              fields.add(f.field());
            }));
    return fields;
  }

  @Test
  void a_fee_a_guarantee_and_a_net_share_become_settlement_terms_paid_wholly_to_the_holder() {
    SettlementTerms terms = ListingSettlementTerms.simple(1_000L, 50_000L, "NET", 3_000, "notes")
        .toTerms("CNY", HOLDER, "CN");
    assertThat(terms.currency()).isEqualTo("CNY");
    assertThat(terms.flatFee().amountMinor()).isEqualTo(1_000);
    assertThat(terms.minimumGuarantee().amountMinor()).isEqualTo(50_000);
    assertThat(terms.revenueShare().basis()).isEqualTo(Basis.NET);
    assertThat(terms.revenueShare().schedule().tiers()).singleElement()
        .satisfies(t -> assertThat(t.rate()).isEqualTo(Rate.percent(3_000)));
    assertThat(terms.payees()).containsExactly(new Payee(new io.reelx.settlement.terms.domain.OrganizationId(HOLDER),
        10_000, "CN"));
  }

  @Test
  void an_mg_with_a_marginal_cumulative_schedule_net_of_deductions_and_three_payees() {
    ListingSettlementTerms listing = new ListingSettlementTerms(null, null, 100_000_00L,
        new Share("NET", null, List.of(new DeductionShare("app store", 3_000), new DeductionShare("VAT", 600)),
            new ShareSchedule("REVENUE", "MARGINAL", "CUMULATIVE",
                List.of(new TierRate("0", 4_000L, null), new TierRate("50000000", 5_000L, null)))),
        List.of(new PayeeShare("org-a", 5_000, "CN"), new PayeeShare("org-b", 3_000, "HK"),
            new PayeeShare("org-c", 2_000, "CN")),
        200L, new ListingSettlementTerms.Withholding(1_000, "CN"), 100L, null);
    SettlementTerms terms = listing.toTerms("CNY", HOLDER, "CN");
    assertThat(terms.revenueShare().deductions()).hasSize(2);
    assertThat(terms.revenueShare().schedule().mode()).isEqualTo(TierMode.MARGINAL);
    assertThat(terms.revenueShare().schedule().accumulation()).isEqualTo(Accumulation.CUMULATIVE);
    assertThat(terms.revenueShare().schedule().metric()).isEqualTo(Metric.REVENUE);
    assertThat(terms.revenueShare().schedule().tiers().get(1).from()).isEqualByComparingTo(new BigDecimal("50000000"));
    assertThat(terms.payees()).extracting(Payee::shareBasisPoints).containsExactly(5_000L, 3_000L, 2_000L);
    assertThat(terms.exchangeFeeBasisPoints()).isEqualTo(200);
    assertThat(terms.withholdingTax().payerCountry()).isEqualTo("CN");
    assertThat(terms.declaredPayableToleranceMinor()).isEqualTo(100);
  }

  @Test
  void terms_read_back_as_written_with_every_default_spelled_out() {
    ListingSettlementTerms written = new ListingSettlementTerms(5_000L, "EACH_PERIOD", 100_000_00L,
        new Share("NET", null, List.of(new DeductionShare("app store", 3_000), new DeductionShare("VAT", 600)),
            new ShareSchedule("VIEWS", "STEP", "CUMULATIVE",
                List.of(new TierRate("0", null, "0.350"), new TierRate("1000000", 5_000L, null)))),
        List.of(new PayeeShare("org-a", 7_000, "CN"), new PayeeShare("org-b", 3_000, "US")),
        200L, new ListingSettlementTerms.Withholding(1_000, "CN"), 100L, null, "DISCREPANCY");
    assertThat(ListingSettlementTerms.of(written.toTerms("CNY", HOLDER, "CN"))).isEqualTo(written);

    ListingSettlementTerms plain = new ListingSettlementTerms(null, null, null, new Share("GROSS", 4_000L, List.of(), null),
        List.of(new PayeeShare(HOLDER, 10_000, "CN")), 0L, null, 0L, null, "REFUSE");
    assertThat(ListingSettlementTerms.of(plain.toTerms("CNY", HOLDER, "CN"))).as("one rate stays one rate").isEqualTo(plain);

    // what was left to its default comes back spelled out; the notes stay with the contract
    assertThat(ListingSettlementTerms.of(ListingSettlementTerms.simple(1_000L, null, "GROSS", 4_000, "words")
        .toTerms("CNY", HOLDER, "CN")))
        .isEqualTo(new ListingSettlementTerms(1_000L, "ONCE", null, new Share("GROSS", 4_000L, List.of(), null),
            List.of(new PayeeShare(HOLDER, 10_000, "CN")), 0L, null, 0L, null, "REFUSE"));
  }

  @Test
  void unknown_out_of_window_handling_is_refused_by_name() {
    assertThat(refusedFields(new ListingSettlementTerms(null, null, 1_000L, new Share("GROSS", 4_000L, List.of(), null),
        List.of(), null, null, null, null, "IGNORE"))).containsExactly("settlementTerms.outOfWindowLines");
  }

  @Test
  void a_unit_price_per_view_is_an_exact_decimal() {
    SettlementTerms terms = new ListingSettlementTerms(null, null, null,
        new Share("GROSS", null, List.of(), new ShareSchedule("VIEWS", "STEP", null,
            List.of(new TierRate("0", null, "0.35"), new TierRate("1000000", null, "0.5")))),
        List.of(), null, null, null, null).toTerms("CNY", HOLDER, "CN");
    assertThat(terms.revenueShare().schedule().tiers().get(0).rate()).isEqualTo(new Rate.PerUnit(new BigDecimal("0.35")));
    assertThat(terms.revenueShare().schedule().accumulation()).isEqualTo(Accumulation.PER_PERIOD);
  }

  @Test
  void every_problem_is_reported_at_once_by_its_api_field() {
    ListingSettlementTerms bad = new ListingSettlementTerms(-1L, null, null,
        new Share("GROSS", null, List.of(), new ShareSchedule("VIEWS", "MARGINAL", null,
            List.of(new TierRate("0", null, "0.35"), new TierRate("0", null, "x")))),
        List.of(new PayeeShare("org-a", 6_000, "CN"), new PayeeShare("org-b", 3_000, "china")), null, null, null, null);
    assertThat(refusedFields(bad)).contains("settlementTerms.revenueShare.schedule.tiers[1].minorPerUnit");
    ListingSettlementTerms alsoBad = new ListingSettlementTerms(-1L, null, null,
        new Share("GROSS", null, List.of(), new ShareSchedule("VIEWS", "MARGINAL", null,
            List.of(new TierRate("0", null, "0.35"), new TierRate("0", null, "0.4")))),
        List.of(new PayeeShare("org-a", 6_000, "CN"), new PayeeShare("org-b", 3_000, "china")), null, null, null, null);
    assertThat(refusedFields(alsoBad)).contains(
        "settlementTerms.licenceFee",
        "settlementTerms.revenueShare.schedule.tiers[1].from",
        "settlementTerms.payees[1].country",
        "settlementTerms.payees");
  }

  @Test
  void missing_list_elements_are_named_not_a_server_error() {
    List<PayeeShare> payees = new java.util.ArrayList<>();
    payees.add(null);
    List<TierRate> tiers = new java.util.ArrayList<>();
    tiers.add(new TierRate("0", 1_000L, null));
    tiers.add(null);
    assertThat(refusedFields(new ListingSettlementTerms(null, null, null,
        new Share("GROSS", null, List.of(), new ShareSchedule("REVENUE", "STEP", null, tiers)), payees, null, null,
        null, null))).contains("settlementTerms.payees[0]", "settlementTerms.revenueShare.schedule.tiers[1]");
  }

  @Test
  void one_rate_or_a_schedule_not_both() {
    assertThat(refusedFields(new ListingSettlementTerms(null, null, null,
        new Share("GROSS", 1_000L, List.of(), new ShareSchedule("REVENUE", "STEP", null,
            List.of(new TierRate("0", 1_000L, null)))), List.of(), null, null, null, null)))
        .containsExactly("settlementTerms.revenueShare.rateBasisPoints");
  }

  @Test
  void terms_need_a_fee_a_guarantee_or_a_share() {
    assertThat(refusedFields(ListingSettlementTerms.simple(null, null, null, null, null)))
        .containsExactly("settlementTerms");
  }

  @ParameterizedTest
  @ValueSource(strings = {"NETT", "", "PROFIT"})
  void the_basis_is_gross_or_net(String basis) {
    assertThat(refusedFields(ListingSettlementTerms.simple(null, null, basis, 1_000, null)))
        .contains("settlementTerms.revenueShare.basis");
  }

  @ParameterizedTest
  @ValueSource(longs = {-1, ListingSettlementTerms.MAX_BASIS_POINTS + 1})
  void a_rate_out_of_range_is_refused(long basisPoints) {
    assertThat(refusedFields(ListingSettlementTerms.simple(null, null, "GROSS", (int) basisPoints, null)))
        .containsExactly("settlementTerms.revenueShare.schedule.tiers[0].basisPoints");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 10_000, 25_000})
  void rates_above_100_percent_are_bonus_coefficients(int basisPoints) {
    assertThat(ListingSettlementTerms.simple(null, null, "GROSS", basisPoints, null).toTerms("CNY", HOLDER, "CN")
        .revenueShare().schedule().tiers().get(0).rate()).isEqualTo(Rate.percent(basisPoints));
  }
}
