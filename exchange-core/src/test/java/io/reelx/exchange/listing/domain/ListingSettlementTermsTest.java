package io.reelx.exchange.listing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelx.exchange.shared.domain.InvalidValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ListingSettlementTermsTest {

  static void refusedOn(String field, Runnable terms) {
    assertThatThrownBy(terms::run)
        .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo(field));
  }

  @Test
  void a_fee_a_guarantee_and_a_net_share_together_are_accepted() {
    ListingSettlementTerms terms = new ListingSettlementTerms(1_000L, 50_000L, "NET", 3_000, "notes");
    assertThat(terms.revenueShareBasisPoints()).isEqualTo(3_000);
  }

  @Test
  void terms_may_be_left_entirely_open() {
    assertThat(new ListingSettlementTerms(null, null, null, null, null).licenceFee()).isNull();
  }

  @Test
  void negative_amounts_are_refused_and_zero_is_accepted() {
    refusedOn("settlementTerms.licenceFee", () -> new ListingSettlementTerms(-1L, null, null, null, null));
    refusedOn("settlementTerms.minimumGuarantee", () -> new ListingSettlementTerms(null, -1L, null, null, null));
    assertThat(new ListingSettlementTerms(0L, 0L, null, null, null).minimumGuarantee()).isZero();
  }

  @Test
  void a_revenue_share_needs_both_a_basis_and_a_rate() {
    refusedOn("settlementTerms.revenueShare", () -> new ListingSettlementTerms(null, null, "GROSS", null, null));
    refusedOn("settlementTerms.revenueShare", () -> new ListingSettlementTerms(null, null, null, 1_000, null));
  }

  @ParameterizedTest
  @ValueSource(strings = {"gross", "NETT", "", "PROFIT"})
  void the_basis_is_gross_or_net(String basis) {
    refusedOn("settlementTerms.revenueShare.basis", () -> new ListingSettlementTerms(null, null, basis, 1_000, null));
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, ListingSettlementTerms.MAX_BASIS_POINTS + 1})
  void a_rate_outside_0_to_100000_basis_points_is_refused(int basisPoints) {
    refusedOn("settlementTerms.revenueShare.rateBasisPoints",
        () -> new ListingSettlementTerms(null, null, "GROSS", basisPoints, null));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 10_000, ListingSettlementTerms.MAX_BASIS_POINTS})
  void a_rate_from_0_to_100000_basis_points_is_accepted_bonus_coefficients_included(int basisPoints) {
    assertThat(new ListingSettlementTerms(null, null, "GROSS", basisPoints, null).revenueShareBasisPoints())
        .isEqualTo(basisPoints);
  }
}
