package io.reelx.exchange.listing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelx.exchange.shared.domain.InvalidValue;
import io.reelx.exchange.shared.domain.RuleViolation;
import io.reelx.settlement.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class SaleTermsTest {

  static void refusedOn(String field, Runnable terms) {
    assertThatThrownBy(terms::run)
        .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo(field));
  }

  static void violates(String code, Runnable terms) {
    assertThatThrownBy(terms::run)
        .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.code()).isEqualTo(code));
  }

  @Test
  void an_english_auction_with_increment_and_reserve_is_accepted_and_prices_in_its_currency() {
    SaleTerms terms = new SaleTerms(SaleMode.ENGLISH, "CNY", 100_000, 150_000L, 5_000L, 10_000);
    assertThat(terms.starting()).isEqualTo(Money.of(100_000, "CNY"));
  }

  @Test
  void a_sale_needs_a_mode() {
    refusedOn("saleMode", () -> new SaleTerms(null, "CNY", 100, null, null, 0));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "ZZZ", "cny", "CN", "CNYY", "RMB"})
  void a_currency_that_is_not_an_upper_case_iso_4217_code_is_refused(String currency) {
    refusedOn("currency", () -> new SaleTerms(SaleMode.SEALED_BID, currency, 100, null, null, 0));
  }

  @ParameterizedTest
  @ValueSource(longs = {0, -1})
  void a_starting_price_must_be_positive(long startingPrice) {
    refusedOn("startingPrice", () -> new SaleTerms(SaleMode.SEALED_BID, "USD", startingPrice, null, null, 0));
  }

  @Test
  void a_negative_deposit_is_refused_and_no_deposit_is_fine() {
    refusedOn("deposit", () -> new SaleTerms(SaleMode.SEALED_BID, "USD", 100, null, null, -1));
    assertThat(new SaleTerms(SaleMode.SEALED_BID, "USD", 100, null, null, 0).deposit()).isZero();
  }

  @Test
  void a_deposit_above_the_starting_price_is_refused_because_it_counts_toward_the_price() {
    violates("deposit-above-starting-price", () -> new SaleTerms(SaleMode.FIXED_PRICE, "USD", 100, null, null, 101));
    assertThat(new SaleTerms(SaleMode.FIXED_PRICE, "USD", 100, null, null, 100).deposit()).isEqualTo(100);
  }

  @Test
  void a_reserve_below_the_starting_price_is_refused_and_one_equal_to_it_is_accepted() {
    violates("reserve-below-start", () -> new SaleTerms(SaleMode.SEALED_BID, "USD", 100, 99L, null, 0));
    assertThat(new SaleTerms(SaleMode.SEALED_BID, "USD", 100, 100L, null, 0).reservePrice()).isEqualTo(100L);
  }

  @ParameterizedTest
  @ValueSource(longs = {0, -5})
  void an_increment_must_be_positive(long increment) {
    refusedOn("increment", () -> new SaleTerms(SaleMode.ENGLISH, "USD", 100, null, increment, 0));
  }

  @Test
  void an_english_auction_needs_an_increment() {
    violates("increment-required", () -> new SaleTerms(SaleMode.ENGLISH, "USD", 100, null, null, 0));
  }

  @Test
  void a_sealed_bid_needs_no_increment() {
    assertThat(new SaleTerms(SaleMode.SEALED_BID, "USD", 100, null, null, 0).increment()).isNull();
  }

  @Test
  void a_fixed_price_sale_has_no_reserve() {
    violates("reserve-not-applicable", () -> new SaleTerms(SaleMode.FIXED_PRICE, "USD", 100, 100L, null, 0));
    assertThat(new SaleTerms(SaleMode.FIXED_PRICE, "USD", 100, null, null, 0).mode()).isEqualTo(SaleMode.FIXED_PRICE);
  }

  @Test
  void a_currency_without_minor_units_is_priced_in_whole_units() {
    assertThat(new SaleTerms(SaleMode.FIXED_PRICE, "JPY", 5_000, null, null, 0).starting())
        .hasToString("JPY 5000");
  }
}
