package io.reelx.exchange.listing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelx.exchange.shared.domain.RuleViolation;
import io.reelx.exchange.shared.domain.StateConflict;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RegistrationPolicyTest {

  private static final SaleTerms WITH_DEPOSIT = new SaleTerms(SaleMode.ENGLISH, "CNY", 100_000, null, 5_000L, 10_000);
  private static final SaleTerms NO_DEPOSIT = new SaleTerms(SaleMode.ENGLISH, "CNY", 100_000, null, 5_000L, 0);
  private static final Schedule SCHEDULE =
      new Schedule(Instant.parse("2027-01-10T10:00:00Z"), Instant.parse("2027-01-10T11:00:00Z"), 60);

  private static Registration registration(RegistrationStatus status) {
    return new Registration(new RegistrationId("r-1"), "org-1", "B-01", status, 0);
  }

  private static String code(Runnable decision) {
    try {
      decision.run();
    } catch (RuleViolation e) {
      return e.code();
    }
    return null;
  }

  @Test
  void the_holder_cannot_register_for_its_own_listing() {
    assertThat(code(() -> RegistrationPolicy.register("holder", "holder", Optional.empty(), ListingStatus.BIDDING)))
        .isEqualTo("holder-cannot-bid");
  }

  @Test
  void registering_again_answers_with_the_first_registration_even_after_registration_closed() {
    Registration first = registration(RegistrationStatus.QUALIFIED);
    assertThat(RegistrationPolicy.register("holder", "org-1", Optional.of(first), ListingStatus.AWARDED))
        .contains(first);
  }

  @ParameterizedTest
  @EnumSource(value = ListingStatus.class, names = {"ANNOUNCED", "BIDDING", "COUNTDOWN"})
  void a_platform_registers_while_the_listing_is_announced_or_bidding(ListingStatus status) {
    assertThat(RegistrationPolicy.register("holder", "org-1", Optional.empty(), status)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(value = ListingStatus.class, names = {"DRAFT", "SUBMITTED", "SUSPENDED", "AWARDED", "FAILED",
      "WITHDRAWN"})
  void registration_is_closed_otherwise(ListingStatus status) {
    assertThatThrownBy(() -> RegistrationPolicy.register("holder", "org-1", Optional.empty(), status))
        .isInstanceOf(StateConflict.class);
  }

  @Test
  void bidder_codes_count_registrations() {
    assertThat(RegistrationPolicy.bidderCode(1)).isEqualTo("B-01");
    assertThat(RegistrationPolicy.bidderCode(12)).isEqualTo("B-12");
  }

  @Test
  void a_deposit_is_recorded_once_exactly_and_in_the_listings_currency() {
    Registration registered = registration(RegistrationStatus.REGISTERED);
    RegistrationPolicy.checkDeposit(registered, ListingStatus.BIDDING, WITH_DEPOSIT, 10_000, "CNY");
    assertThat(code(() -> RegistrationPolicy.checkDeposit(registered, ListingStatus.BIDDING, WITH_DEPOSIT, 9_999,
        "CNY"))).isEqualTo("deposit-mismatch");
    assertThat(code(() -> RegistrationPolicy.checkDeposit(registered, ListingStatus.BIDDING, WITH_DEPOSIT, 10_000,
        "USD"))).isEqualTo("wrong-currency");
    assertThatThrownBy(() -> RegistrationPolicy.checkDeposit(registration(RegistrationStatus.DEPOSIT_RECEIVED),
        ListingStatus.BIDDING, WITH_DEPOSIT, 10_000, "CNY")).isInstanceOf(StateConflict.class);
    assertThatThrownBy(() -> RegistrationPolicy.checkDeposit(registered, ListingStatus.AWARDED, WITH_DEPOSIT, 10_000,
        "CNY")).isInstanceOf(StateConflict.class);
  }

  @Test
  void a_bidder_is_qualified_once_its_deposit_if_any_is_received() {
    assertThat(code(() -> RegistrationPolicy.qualify(registration(RegistrationStatus.REGISTERED),
        ListingStatus.BIDDING, WITH_DEPOSIT))).isEqualTo("deposit-not-received");
    assertThat(RegistrationPolicy.qualify(registration(RegistrationStatus.DEPOSIT_RECEIVED), ListingStatus.BIDDING,
        WITH_DEPOSIT)).isTrue();
    assertThat(RegistrationPolicy.qualify(registration(RegistrationStatus.REGISTERED), ListingStatus.BIDDING,
        NO_DEPOSIT)).isTrue();
    assertThat(RegistrationPolicy.qualify(registration(RegistrationStatus.QUALIFIED), ListingStatus.AWARDED,
        NO_DEPOSIT)).as("already qualified: nothing to do").isFalse();
    assertThatThrownBy(() -> RegistrationPolicy.qualify(registration(RegistrationStatus.REFUSED),
        ListingStatus.BIDDING, NO_DEPOSIT)).isInstanceOf(StateConflict.class);
  }

  @ParameterizedTest
  @EnumSource(value = RegistrationStatus.class, names = {"QUALIFIED", "REFUSED"})
  void a_qualified_or_refused_bidder_cannot_be_refused(RegistrationStatus status) {
    assertThatThrownBy(() -> RegistrationPolicy.checkRefusal(registration(status)))
        .isInstanceOf(StateConflict.class);
  }

  @Test
  void only_a_qualified_bidder_other_than_the_holder_bids() {
    assertThat(code(() -> RegistrationPolicy.qualifiedBidder("holder", "holder", Optional.empty())))
        .isEqualTo("holder-cannot-bid");
    assertThat(code(() -> RegistrationPolicy.qualifiedBidder("holder", "org-1", Optional.empty())))
        .isEqualTo("not-registered");
    assertThat(code(() -> RegistrationPolicy.qualifiedBidder("holder", "org-1",
        Optional.of(registration(RegistrationStatus.DEPOSIT_RECEIVED))))).isEqualTo("not-qualified");
    assertThat(RegistrationPolicy.qualifiedBidder("holder", "org-1",
        Optional.of(registration(RegistrationStatus.QUALIFIED))).bidderCode()).isEqualTo("B-01");
  }

  @Test
  void bids_are_taken_in_the_free_and_the_timed_period_only() {
    RegistrationPolicy.checkBiddingOpen(ListingStatus.BIDDING, SCHEDULE);
    RegistrationPolicy.checkBiddingOpen(ListingStatus.COUNTDOWN, SCHEDULE);
    assertThat(code(() -> RegistrationPolicy.checkBiddingOpen(ListingStatus.ANNOUNCED, SCHEDULE)))
        .isEqualTo("bidding-not-started");
    assertThat(code(() -> RegistrationPolicy.checkBiddingOpen(ListingStatus.SUSPENDED, SCHEDULE)))
        .isEqualTo("listing-suspended");
    assertThat(code(() -> RegistrationPolicy.checkBiddingOpen(ListingStatus.FAILED, SCHEDULE)))
        .isEqualTo("bidding-closed");
  }
}
