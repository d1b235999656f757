package io.reelx.exchange.listing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SaleClockTest {

  private static final ListingId ID = new ListingId("L-1");
  private static final Instant START = Instant.parse("2027-01-10T10:00:00Z");
  private static final Instant END = START.plusSeconds(3600);
  private static final Schedule SCHEDULE = new Schedule(START, END, 60);
  private static final SaleTerms ENGLISH = new SaleTerms(SaleMode.ENGLISH, "CNY", 100_000, null, 5_000L, 0);
  private static final SaleTerms SEALED = new SaleTerms(SaleMode.SEALED_BID, "CNY", 100_000, null, null, 0);

  @Test
  void nothing_is_due_before_the_phase_ends() {
    assertThat(SaleClock.due(ID, ListingStatus.ANNOUNCED, ENGLISH, SCHEDULE, START, START.minusMillis(1))).isEmpty();
  }

  @Test
  void an_announced_listing_opens_bidding_for_the_full_free_period_when_its_start_has_passed() {
    Instant late = START.plusSeconds(600);
    assertThat(SaleClock.due(ID, ListingStatus.ANNOUNCED, ENGLISH, SCHEDULE, late, late.plusSeconds(5)))
        .contains(new SaleClock.Due(new BiddingOpened(ID, late, late.plusSeconds(3600)), null));
  }

  @Test
  void an_english_free_period_that_ended_starts_the_timed_period_from_its_end() {
    assertThat(SaleClock.due(ID, ListingStatus.BIDDING, ENGLISH, SCHEDULE, END, END.plusSeconds(10)))
        .contains(new SaleClock.Due(new TimedPeriodStarted(ID, END.plusSeconds(60)), null));
  }

  @Test
  void a_sealed_bid_sale_closes_when_its_bidding_ends() {
    SaleClock.Due due = SaleClock.due(ID, ListingStatus.BIDDING, SEALED, SCHEDULE, END, END).orElseThrow();
    assertThat(due.closes()).isTrue();
    assertThat(due.closeAt()).isEqualTo(END);
  }

  @Test
  void a_timed_period_that_ran_out_closes_the_sale_at_its_end() {
    Instant closesAt = END.plusSeconds(60);
    assertThat(SaleClock.due(ID, ListingStatus.COUNTDOWN, ENGLISH, SCHEDULE, closesAt, closesAt.plusSeconds(30)))
        .contains(new SaleClock.Due(null, closesAt));
  }

  @Test
  void a_suspended_or_closed_listing_has_nothing_due() {
    for (ListingStatus status : new ListingStatus[] {ListingStatus.SUSPENDED, ListingStatus.AWARDED,
        ListingStatus.FAILED, ListingStatus.WITHDRAWN}) {
      assertThat(SaleClock.due(ID, status, ENGLISH, SCHEDULE, START, END)).as("%s", status).isEmpty();
    }
  }

  @Test
  void only_a_bid_in_the_timed_period_restarts_it() {
    Instant now = END.plusSeconds(30);
    assertThat(SaleClock.extendedTo(ListingStatus.COUNTDOWN, SCHEDULE, now)).isEqualTo(now.plusSeconds(60));
    assertThat(SaleClock.extendedTo(ListingStatus.BIDDING, SCHEDULE, now)).isNull();
  }

  @Test
  void a_resumed_listing_ends_later_by_the_time_it_was_suspended() {
    assertThat(SaleClock.resumedClosesAt(END, START.plusSeconds(100), START.plusSeconds(400)))
        .isEqualTo(END.plusSeconds(300));
    assertThat(SaleClock.resumedClosesAt(null, START, END)).isNull();
  }
}
