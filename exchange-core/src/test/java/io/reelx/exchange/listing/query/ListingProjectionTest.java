package io.reelx.exchange.listing.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelx.exchange.config.PostgresUniqueViolation;
import io.reelx.exchange.eventstore.PostgresEventStorageEngine;
import io.reelx.exchange.listing.domain.BidPlaced;
import io.reelx.exchange.listing.domain.BiddingOpened;
import io.reelx.exchange.listing.domain.DepositReceived;
import io.reelx.exchange.listing.domain.ListingApproved;
import io.reelx.exchange.listing.domain.ListingAwarded;
import io.reelx.exchange.listing.domain.ListingCreated;
import io.reelx.exchange.listing.domain.ListingId;
import io.reelx.exchange.listing.domain.ListingRejected;
import io.reelx.exchange.listing.domain.ListingResumed;
import io.reelx.exchange.listing.domain.ListingStatus;
import io.reelx.exchange.listing.domain.ListingSubmitted;
import io.reelx.exchange.listing.domain.ListingSuspended;
import io.reelx.exchange.listing.domain.RegistrationId;
import io.reelx.exchange.listing.domain.SaleMode;
import io.reelx.exchange.listing.domain.SaleTerms;
import io.reelx.exchange.listing.domain.Schedule;
import io.reelx.exchange.listing.domain.TimedPeriodStarted;
import io.reelx.exchange.listing.query.ListingViews.ListingSearch;
import io.reelx.exchange.rights.domain.WindowTerms;
import io.reelx.exchange.testing.ProjectionDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.support.JdbcTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The listing view on a real PostgreSQL: given listing events (and bids through the bid book, as
 * the exchange stores them), the rows and what {@link ListingViews} reads back.
 */
class ListingProjectionTest {

  static final Instant T0 = Instant.parse("2027-01-05T08:00:00Z");
  static final Instant START = Instant.parse("2027-01-10T10:00:00Z");
  static final Instant END = START.plusSeconds(3600);
  static final Schedule SCHEDULE = new Schedule(START, END, 60);
  static final SaleTerms ENGLISH = new SaleTerms(SaleMode.ENGLISH, "CNY", 100_000, null, 5_000L, 10_000);
  static final WindowTerms WINDOW = new WindowTerms(List.of("CN", "HK"), List.of("SVOD"), List.of("zh"),
      LocalDate.parse("2027-06-01"), LocalDate.parse("2028-05-31"));
  static final RegistrationId R1 = new RegistrationId("r-1");

  private final ProjectionDatabase db = ProjectionDatabase.get();
  private final VersionNotifier notifier = new VersionNotifier();
  private ListingViews views;
  private ListingProjection projection;
  private BidBook book;

  @BeforeEach
  void setUp() {
    db.truncate("listing_view", "bid_view", "domainevententry");
    views = new ListingViews(db.jdbcClient(), JsonMapper.builder().build(), EmbeddedEventStore.builder()
        .storageEngine(PostgresEventStorageEngine.build(builder -> builder
            .connectionProvider(new SpringDataSourceConnectionProvider(db.dataSource()))
            .transactionManager(new SpringTransactionManager(new JdbcTransactionManager(db.dataSource())))
            .persistenceExceptionResolver(new PostgresUniqueViolation())
            .eventSerializer(Jackson3Serializer.builder().build())
            .snapshotSerializer(Jackson3Serializer.builder().build())))
        .build(), notifier);
    projection = new ListingProjection(views);
    book = new BidBook(db.jdbcTemplate(), notifier);
  }

  static ListingCreated created(String id) {
    return new ListingCreated(new ListingId(id), "t-1", "The Long Night", "holder", WINDOW, true, false, ENGLISH,
        SCHEDULE, 10, null, "Season one");
  }

  static BidPlaced bid(String listing, long number, long amount, Instant at, Instant extendedTo) {
    return new BidPlaced(new ListingId(listing), listing + "/b-" + number, number, R1, "org-1", "B-01", amount, "CNY", at,
        false, null, extendedTo);
  }

  /** L-1 created, submitted, approved, bidding open: sequence numbers 0 to 3. */
  private void biddingOpen() {
    ListingId id = new ListingId("L-1");
    projection.on(created("L-1"), 0, T0);
    projection.on(new ListingSubmitted(id, "u-holder"), 1, T0.plusSeconds(1));
    projection.on(new ListingApproved(id, "u-op"), 2, T0.plusSeconds(2));
    projection.on(new BiddingOpened(id, START, END), 3, START);
  }

  private Map<String, Object> row(String id) {
    return db.jdbcClient().sql("SELECT status, published, version, closes_at, closes_at_version,"
        + " array_to_string(territories, ',') AS territories, array_to_string(media, ',') AS media"
        + " FROM listing_view WHERE id = ?").param(id).query().singleRow();
  }

  @Test
  void a_created_listing_is_a_private_draft_searchable_by_its_window() {
    projection.on(created("L-1"), 0, T0);

    assertThat(row("L-1")).containsEntry("status", "DRAFT").containsEntry("published", false)
        .containsEntry("version", 0L).containsEntry("territories", "CN,HK").containsEntry("media", "SVOD")
        .containsEntry("closes_at", null);
    ListingView view = views.find("L-1").orElseThrow();
    assertThat(view.titleName()).isEqualTo("The Long Night");
    assertThat(view.sale()).isEqualTo(ENGLISH);
    assertThat(view.createdAt()).isEqualTo(T0);
  }

  @Test
  void an_approved_listing_is_published_and_closes_its_announcement_when_bidding_starts() {
    ListingId id = new ListingId("L-1");
    projection.on(created("L-1"), 0, T0);
    projection.on(new ListingSubmitted(id, "u-holder"), 1, T0);
    projection.on(new ListingApproved(id, "u-op"), 2, T0);

    assertThat(row("L-1")).containsEntry("status", "ANNOUNCED").containsEntry("published", true)
        .containsEntry("version", 2L).containsEntry("closes_at_version", 2L);
    assertThat(views.find("L-1").orElseThrow().closesAt()).isEqualTo(START);
  }

  @Test
  void a_rejected_listing_goes_back_to_draft_with_the_reason() {
    ListingId id = new ListingId("L-1");
    projection.on(created("L-1"), 0, T0);
    projection.on(new ListingSubmitted(id, "u-holder"), 1, T0);
    projection.on(new ListingRejected(id, "window too wide", "u-op"), 2, T0);

    ListingView view = views.find("L-1").orElseThrow();
    assertThat(view.status()).isEqualTo(ListingStatus.DRAFT);
    assertThat(view.rejectionReason()).isEqualTo("window too wide");
    assertThat(view.published()).isFalse();
  }

  @Test
  void an_event_delivered_again_changes_nothing() {
    biddingOpen();
    projection.on(new ListingApproved(new ListingId("L-1"), "u-op"), 2, T0.plusSeconds(2));

    assertThat(row("L-1")).containsEntry("status", "BIDDING").containsEntry("version", 3L);
    assertThat(views.find("L-1").orElseThrow().closesAt()).isEqualTo(END);
  }

  @Test
  void events_that_change_nothing_shown_mark_the_view_as_caught_up() {
    biddingOpen();
    projection.on(new DepositReceived(new ListingId("L-1"), R1, "org-1", 10_000, "CNY", "bank-1", "u-fin"), 4);

    assertThat(row("L-1")).containsEntry("status", "BIDDING").containsEntry("version", 4L);
  }

  @Test
  void bids_in_the_timed_period_move_the_closing_time_in_the_row() {
    biddingOpen();
    projection.on(new TimedPeriodStarted(new ListingId("L-1"), END.plusSeconds(60)), 4, END);
    book.on(bid("L-1", 1, 100_000, END.plusSeconds(10), END.plusSeconds(70)), 5);
    book.on(bid("L-1", 2, 105_000, END.plusSeconds(30), END.plusSeconds(90)), 6);

    assertThat(row("L-1")).containsEntry("status", "COUNTDOWN").containsEntry("version", 4L)
        .containsEntry("closes_at_version", 6L);
    ListingView view = views.find("L-1").orElseThrow();
    assertThat(view.closesAt()).isEqualTo(END.plusSeconds(90));
    assertThat(view.version()).as("the listing's version counts its bids").isEqualTo(6);
  }

  @Test
  void a_view_that_handles_the_timed_period_after_its_bids_keeps_their_closing_time() {
    biddingOpen();
    // the bid book stores the bids with the command; the listing view catches up later
    book.on(bid("L-1", 1, 100_000, END.plusSeconds(10), END.plusSeconds(70)), 5);
    projection.on(new TimedPeriodStarted(new ListingId("L-1"), END.plusSeconds(60)), 4, END);

    assertThat(views.find("L-1").orElseThrow().closesAt()).isEqualTo(END.plusSeconds(70));
  }

  @Test
  void a_view_rebuilt_after_the_bids_takes_the_closing_time_of_the_latest_bid() {
    biddingOpen();
    projection.on(new TimedPeriodStarted(new ListingId("L-1"), END.plusSeconds(60)), 4, END);
    book.on(bid("L-1", 1, 100_000, END.plusSeconds(10), END.plusSeconds(70)), 5);
    book.on(bid("L-1", 2, 105_000, END.plusSeconds(30), END.plusSeconds(90)), 6);
    projection.reset();
    biddingOpen();
    projection.on(new TimedPeriodStarted(new ListingId("L-1"), END.plusSeconds(60)), 4, END);

    assertThat(views.find("L-1").orElseThrow().closesAt()).isEqualTo(END.plusSeconds(90));
  }

  @Test
  void a_resume_shifts_the_closing_time_and_later_bids_restart_from_there() {
    ListingId id = new ListingId("L-1");
    biddingOpen();
    projection.on(new TimedPeriodStarted(id, END.plusSeconds(60)), 4, END);
    book.on(bid("L-1", 1, 100_000, END.plusSeconds(10), END.plusSeconds(70)), 5);
    projection.on(new ListingSuspended(id, "checking", "u-op", ListingStatus.COUNTDOWN, END.plusSeconds(20)), 6,
        END.plusSeconds(20));
    projection.on(new ListingResumed(id, "u-op", ListingStatus.COUNTDOWN, END.plusSeconds(670)), 7,
        END.plusSeconds(620));
    assertThat(views.find("L-1").orElseThrow().closesAt()).isEqualTo(END.plusSeconds(670));

    book.on(bid("L-1", 2, 105_000, END.plusSeconds(640), END.plusSeconds(700)), 8);
    assertThat(views.find("L-1").orElseThrow().closesAt()).isEqualTo(END.plusSeconds(700));
  }

  @Test
  void the_award_clears_the_closing_time_and_shows_the_result() {
    ListingId id = new ListingId("L-1");
    biddingOpen();
    projection.on(new TimedPeriodStarted(id, END.plusSeconds(60)), 4, END);
    book.on(bid("L-1", 1, 100_000, END.plusSeconds(10), END.plusSeconds(70)), 5);
    projection.on(new ListingAwarded(id, "L-1/b-1", R1, "org-1", "B-01", 100_000, "CNY", END.plusSeconds(70)), 6,
        END.plusSeconds(70));

    assertThat(row("L-1")).containsEntry("status", "AWARDED").containsEntry("closes_at", null);
    ListingView view = views.find("L-1").orElseThrow();
    assertThat(view.closesAt()).isNull();
    assertThat(view.result()).isEqualTo(
        new ListingView.Result(true, "B-01", "org-1", 100_000L, null, END.plusSeconds(70)));
  }

  @Test
  void a_page_of_twenty_listings_is_read_with_two_queries() {
    for (int i = 0; i < 20; i++) {
      String id = "L-%02d".formatted(i);
      projection.on(created(id), 0, T0.plusSeconds(i));
      projection.on(new ListingSubmitted(new ListingId(id), "u-holder"), 1, T0.plusSeconds(i));
      projection.on(new ListingApproved(new ListingId(id), "u-op"), 2, T0.plusSeconds(i));
      projection.on(new BiddingOpened(new ListingId(id), START, END), 3, START);
      projection.on(new TimedPeriodStarted(new ListingId(id), END.plusSeconds(60)), 4, END);
      book.on(bid(id, 1, 100_000, END.plusSeconds(10), END.plusSeconds(70 + i)), 5);
    }
    long before = db.statements();

    List<ListingView> page = views.search(new ListingSearch("org-1", false, ListingStatus.COUNTDOWN, null, null, null),
        0, 20).items();

    long queries = db.statements() - before;
    // as search read a page before: the same two queries, then each item's version from its event stream
    long formerly = db.statements();
    views.search(new ListingSearch("org-1", false, ListingStatus.COUNTDOWN, null, null, null), 0, 20).items()
        .forEach(v -> views.currentVersion(v.id()));
    formerly = db.statements() - formerly;
    System.out.printf("listing search, a page of %d listings: %d queries (%d as it read the page before)%n",
        page.size(), queries, formerly);
    assertThat(page).hasSize(20);
    assertThat(page.get(0).closesAt()).isEqualTo(END.plusSeconds(89));
    assertThat(page).allSatisfy(v -> assertThat(v.version()).isEqualTo(5));
    assertThat(queries).isEqualTo(2);
  }

  @Test
  void a_writer_waiting_for_its_version_is_woken_by_the_projection_not_its_timeout() throws Exception {
    biddingOpen();
    ExecutorService reader = Executors.newSingleThreadExecutor();
    try {
      long started = System.nanoTime();
      Future<Optional<ListingView>> awaited = reader.submit(() -> views.awaitVersion("L-1", 4, Duration.ofSeconds(60)));
      while (notifier.waitingKeys() == 0 && !awaited.isDone()) {
        Thread.onSpinWait();
      }
      projection.on(new TimedPeriodStarted(new ListingId("L-1"), END.plusSeconds(60)), 4, END);

      ListingView view = awaited.get(60, TimeUnit.SECONDS).orElseThrow();
      assertThat(view.version()).isEqualTo(4);
      assertThat(view.status()).isEqualTo(ListingStatus.COUNTDOWN);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
      assertThat(notifier.waitingKeys()).isZero();
    } finally {
      reader.shutdownNow();
    }
  }

  @Test
  void a_reader_of_a_bid_counted_version_does_not_wait_for_the_view() {
    biddingOpen();
    book.on(bid("L-1", 1, 100_000, START.plusSeconds(10), null), 4);

    long started = System.nanoTime();
    assertThat(views.awaitVersion("L-1", 4, Duration.ofSeconds(60)).orElseThrow().version()).isEqualTo(4);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
  }
}
