package io.reelx.exchange.listing.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelx.exchange.listing.domain.BidPlaced;
import io.reelx.exchange.listing.domain.ListingAwarded;
import io.reelx.exchange.listing.domain.ListingId;
import io.reelx.exchange.listing.domain.RegistrationId;
import io.reelx.exchange.testing.ProjectionDatabase;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bid book on a real PostgreSQL: given bids and closes, the bid rows read back. */
class BidBookTest {

  static final Instant AT = Instant.parse("2027-01-10T10:00:00Z");
  static final ListingId L1 = new ListingId("L-1");
  static final RegistrationId R1 = new RegistrationId("r-1");
  static final RegistrationId R2 = new RegistrationId("r-2");

  private final ProjectionDatabase db = ProjectionDatabase.get();
  private AuctionViews views;
  private BidBook book;

  @BeforeEach
  void setUp() {
    db.truncate("bid_view");
    VersionNotifier notifier = new VersionNotifier();
    views = new AuctionViews(db.jdbcClient(),
        EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build(), notifier);
    book = new BidBook(db.jdbcTemplate(), notifier);
  }

  private static BidPlaced bid(String id, long number, RegistrationId r, long amount, boolean sealed, String replaces) {
    String org = "org-" + r.value().substring(2);
    return new BidPlaced(L1, id, number, r, org, "B-0" + r.value().substring(2), amount, "CNY",
        AT.plusSeconds(number), sealed, replaces, null);
  }

  @Test
  void open_bids_are_in_the_book_with_the_high_first_among_equals_the_earlier() {
    book.on(bid("b-1", 1, R1, 100_000, false, null), 7);
    book.on(bid("b-2", 2, R2, 105_000, false, null), 8);
    book.on(bid("b-3", 3, R1, 105_000, false, null), 9);

    assertThat(views.bidCount("L-1")).isEqualTo(3);
    assertThat(views.high("L-1").orElseThrow().id()).isEqualTo("b-2");
    assertThat(views.bids("L-1", 2)).extracting(BidView::id).containsExactly("b-3", "b-2");
    BidView b1 = views.bid("b-1").orElseThrow();
    assertThat(b1).extracting(BidView::amount, BidView::bidderCode, BidView::placedAt, BidView::listingVersion,
        BidView::sealed, BidView::extendedTo).containsExactly(100_000L, "B-01", AT.plusSeconds(1), 7L, false, null);
  }

  @Test
  void a_replaced_sealed_bid_leaves_the_book_and_the_close_reveals_the_others() {
    book.on(bid("b-1", 1, R1, 100_000, true, null), 7);
    book.on(bid("b-2", 2, R1, 120_000, true, "b-1"), 8);
    book.on(bid("b-3", 3, R2, 110_000, true, null), 9);

    assertThat(views.bidCount("L-1")).isEqualTo(2);
    assertThat(views.high("L-1")).as("sealed bids have no visible high").isEmpty();

    book.on(new ListingAwarded(L1, "b-2", R1, "org-1", "B-01", 120_000, "CNY", AT.plusSeconds(60)));
    assertThat(views.bids("L-1", 10)).extracting(BidView::id, BidView::sealed)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("b-3", false),
            org.assertj.core.groups.Tuple.tuple("b-2", false));
    assertThat(views.high("L-1").orElseThrow().id()).isEqualTo("b-2");
  }

  @Test
  void a_bid_in_the_book_is_read_at_once() {
    book.on(bid("b-1", 1, R1, 100_000, false, null), 7);

    long started = System.nanoTime();
    assertThat(views.awaitBid("b-1", Duration.ofSeconds(60))).isPresent();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
  }
}
