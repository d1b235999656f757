package io.reelx.exchange.listing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClosingTest {

  private static final ListingId ID = new ListingId("L-1");
  private static final Instant AT = Instant.parse("2027-01-10T11:00:00Z");
  private static final RegistrationId R1 = new RegistrationId("r-1");
  private static final RegistrationId R2 = new RegistrationId("r-2");
  private static final RegistrationId R3 = new RegistrationId("r-3");
  private static final List<Registration> REGISTRATIONS = List.of(
      new Registration(R1, "org-1", "B-01", RegistrationStatus.QUALIFIED, 10_000),
      new Registration(R2, "org-2", "B-02", RegistrationStatus.QUALIFIED, 10_000),
      new Registration(R3, "org-3", "B-03", RegistrationStatus.REFUSED, 0));

  private static SaleTerms terms(SaleMode mode, Long reserve) {
    return new SaleTerms(mode, "CNY", 100_000, reserve, mode == SaleMode.ENGLISH ? 5_000L : null, 10_000);
  }

  private static Bid bid(String bidId, long number, RegistrationId r, long amount) {
    String org = "org-" + r.value().substring(2);
    return new Bid(bidId, number, r, org, "B-0" + r.value().substring(2), amount, AT.minusSeconds(60));
  }

  @Test
  void the_high_wins_its_deposit_is_applied_and_the_others_are_released() {
    List<ListingEvent> events = Closing.close(ID, terms(SaleMode.ENGLISH, null), bid("b-2", 2, R2, 105_000),
        List.of(), REGISTRATIONS, AT);
    assertThat(events).containsExactly(
        new ListingAwarded(ID, "b-2", R2, "org-2", "B-02", 105_000, "CNY", AT),
        new DepositReleased(ID, R1, "org-1", 10_000, "CNY"),
        new DepositApplied(ID, R2, "org-2", 10_000, "CNY"));
  }

  @Test
  void the_best_sealed_bid_wins_and_an_earlier_bid_wins_a_tie() {
    List<ListingEvent> events = Closing.close(ID, terms(SaleMode.SEALED_BID, null), null,
        List.of(bid("b-2", 2, R2, 120_000), bid("b-1", 1, R1, 120_000)), REGISTRATIONS, AT);
    assertThat(events.get(0)).isEqualTo(new ListingAwarded(ID, "b-1", R1, "org-1", "B-01", 120_000, "CNY", AT));
  }

  @Test
  void a_high_below_the_reserve_fails_the_sale_and_releases_every_deposit() {
    List<ListingEvent> events = Closing.close(ID, terms(SaleMode.ENGLISH, 200_000L), bid("b-1", 1, R1, 150_000),
        List.of(), REGISTRATIONS, AT);
    assertThat(events).containsExactly(
        new ListingFailed(ID, FailureReason.BELOW_RESERVE, AT),
        new DepositReleased(ID, R1, "org-1", 10_000, "CNY"),
        new DepositReleased(ID, R2, "org-2", 10_000, "CNY"));
  }

  @Test
  void a_fixed_price_sale_without_a_buyer_fails_for_want_of_one() {
    assertThat(Closing.close(ID, terms(SaleMode.FIXED_PRICE, null), null, List.of(), List.of(), AT))
        .containsExactly(new ListingFailed(ID, FailureReason.NO_BUYER, AT));
  }

  @Test
  void only_deposits_held_are_settled() {
    assertThat(Closing.settleDeposits(ID, REGISTRATIONS, null, "CNY"))
        .extracting(e -> ((DepositReleased) e).registrationId()).containsExactly(R1, R2);
  }
}
