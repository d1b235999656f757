package io.reelx.exchange.listing.domain;

import static io.reelx.exchange.listing.domain.ListingStatus.ANNOUNCED;
import static io.reelx.exchange.listing.domain.ListingStatus.BIDDING;
import static io.reelx.exchange.listing.domain.ListingStatus.COUNTDOWN;
import static io.reelx.exchange.listing.domain.ListingStatus.DRAFT;
import static io.reelx.exchange.listing.domain.ListingStatus.SUBMITTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class ListingStatusTest {

  static ListingStatus[] where(Predicate<ListingStatus> test) {
    return Arrays.stream(ListingStatus.values()).filter(test).toArray(ListingStatus[]::new);
  }

  @Test
  void a_listing_can_be_withdrawn_only_before_bidding() {
    assertThat(where(ListingStatus::withdrawable)).containsExactly(DRAFT, SUBMITTED, ANNOUNCED);
  }

  @Test
  void only_a_public_running_listing_can_be_suspended() {
    assertThat(where(ListingStatus::suspendable)).containsExactly(ANNOUNCED, BIDDING, COUNTDOWN);
  }

  @Test
  void before_announcement_a_listing_is_private() {
    assertThat(where(ListingStatus::isPrivate)).containsExactly(DRAFT, SUBMITTED);
  }
}
