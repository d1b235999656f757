package io.reelx.exchange.listing.command;

import static io.reelx.exchange.listing.command.Refusals.ruleViolation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;

import io.reelx.exchange.listing.domain.AuctionSettings;
import io.reelx.exchange.listing.domain.BidPlaced;
import io.reelx.exchange.listing.domain.BidderQualified;
import io.reelx.exchange.listing.domain.BidderRefused;
import io.reelx.exchange.listing.domain.BiddingOpened;
import io.reelx.exchange.listing.domain.DepositApplied;
import io.reelx.exchange.listing.domain.DepositReceived;
import io.reelx.exchange.listing.domain.DepositReleased;
import io.reelx.exchange.listing.domain.FailureReason;
import io.reelx.exchange.listing.domain.ListingApproved;
import io.reelx.exchange.listing.domain.ListingAwarded;
import io.reelx.exchange.listing.domain.ListingCreated;
import io.reelx.exchange.listing.domain.ListingFailed;
import io.reelx.exchange.listing.domain.ListingId;
import io.reelx.exchange.listing.domain.ListingResumed;
import io.reelx.exchange.listing.domain.ListingSettlementTerms;
import io.reelx.exchange.listing.domain.ListingStatus;
import io.reelx.exchange.listing.domain.ListingSubmitted;
import io.reelx.exchange.listing.domain.ListingSuspended;
import io.reelx.exchange.listing.domain.PlatformRegistered;
import io.reelx.exchange.listing.domain.RegistrationId;
import io.reelx.exchange.listing.domain.SaleMode;
import io.reelx.exchange.listing.domain.SaleTerms;
import io.reelx.exchange.listing.domain.Schedule;
import io.reelx.exchange.listing.domain.TimedPeriodStarted;
import io.reelx.exchange.rights.domain.Holding;
import io.reelx.exchange.rights.domain.HoldingId;
import io.reelx.exchange.rights.domain.LanguageSet;
import io.reelx.exchange.rights.domain.Media;
import io.reelx.exchange.rights.domain.MediaSet;
import io.reelx.exchange.rights.domain.RightsWindow;
import io.reelx.exchange.rights.domain.Term;
import io.reelx.exchange.rights.domain.TerritorySet;
import io.reelx.exchange.rights.domain.TitleId;
import io.reelx.exchange.rights.domain.WindowTerms;
import io.reelx.exchange.shared.domain.NotFound;
import io.reelx.exchange.shared.domain.StateConflict;
import io.reelx.exchange.shared.idempotency.KeyAlreadyUsed;
import io.reelx.exchange.shared.idempotency.KeyReused;
import io.reelx.exchange.shared.idempotency.KeyedRequest;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import io.reelx.exchange.listing.command.bidding.BidBatches;
import io.reelx.exchange.listing.command.bidding.PlaceBids;
import io.reelx.exchange.listing.command.bidding.PlaceBidsOnListings;
import io.reelx.exchange.listing.domain.NotPermitted;
import org.axonframework.messaging.Message;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.hamcrest.BaseMatcher;
import org.hamcrest.CoreMatchers;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sale of an announced listing (DESIGN §3 "Listings and auctions"): registration, deposits and
 * qualification, the three sale modes, and the one persistent timer that runs the schedule.
 *
 * <p>Time is the fixture's simulated time: the aggregate's {@code Clock} reads it, and the given
 * phase lets it pass with {@link #timePassesTo}, which fires every deadline due by then, as the
 * deadline manager would in production. Where a test needs a deadline that has <em>not</em> fired
 * yet although its time has passed, it starts from events at a later current time instead.
 */
class AuctionTest {

  static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");
  static final Instant START = Instant.parse("2026-04-01T10:00:00Z");
  static final Instant END = START.plus(Duration.ofHours(1));
  static final int N = 300;
  /** Where the timed period ends when nobody bids in it. */
  static final Instant TIMED_END = END.plusSeconds(N);
  static final Duration PAUSE = Duration.ofHours(1);

  static final String CNY = "CNY";
  static final long DEPOSIT = 10_000;

  static final String HOLDER_ORG = "org-holder";
  static final Actor HOLDER = new Actor("u-holder", HOLDER_ORG, false);
  static final Actor HOLDER_COLLEAGUE = new Actor("u-holder-2", HOLDER_ORG, false);
  static final Actor OPERATOR = new Actor("u-operator", "org-exchange", true);
  static final Actor FINANCE = new Actor("u-finance", "org-exchange", false);
  static final Actor ALPHA = new Actor("u-alpha", "org-alpha", false);
  static final Actor BETA = new Actor("u-beta", "org-beta", false);
  static final Actor GAMMA = new Actor("u-gamma", "org-gamma", false);
  static final Actor DELTA = new Actor("u-delta", "org-delta", false);
  static final RegistrationId R_ALPHA = new RegistrationId("r-alpha");
  static final RegistrationId R_BETA = new RegistrationId("r-beta");
  static final RegistrationId R_GAMMA = new RegistrationId("r-gamma");

  static final ListingId LISTING = new ListingId("l-1");
  static final TitleId TITLE = new TitleId("t-long-night");
  static final String TITLE_NAME = "The Long Night";
  static final RightsWindow HELD = window("2026-01-01", "2028-12-31", Media.VOD);
  static final RightsWindow OFFERED = window("2026-06-01", "2027-05-31", Media.SVOD);
  static final ListingSettlementTerms SETTLEMENT =
      ListingSettlementTerms.simple(null, 50_000L, "NET", 3_000, "MG recouped from the share");

  static final SaleTerms ENGLISH = new SaleTerms(SaleMode.ENGLISH, CNY, 100_000, 150_000L, 5_000L, DEPOSIT);
  static final SaleTerms SEALED = new SaleTerms(SaleMode.SEALED_BID, CNY, 100_000, null, null, DEPOSIT);
  static final SaleTerms FIXED = new SaleTerms(SaleMode.FIXED_PRICE, CNY, 200_000, null, null, DEPOSIT);
  static final Schedule TIMED = new Schedule(START, END, N);
  static final Schedule UNTIMED = new Schedule(START, END, null);

  private AggregateTestFixture<Listing> fixture;

  @BeforeEach
  void setUp() {
    InMemoryRightsRegister rights = new InMemoryRightsRegister()
        .addTitle(TITLE, HOLDER_ORG, TITLE_NAME)
        .addHolding(TITLE, new Holding(new HoldingId("h-1"), HELD, true, true, "a".repeat(64)));
    fixture = new AggregateTestFixture<>(Listing.class);
    fixture.registerInjectableResource(rights);
    fixture.registerInjectableResource(new FixtureClock(fixture));
    fixture.registerInjectableResource(AuctionSettings.DEFAULT);
    fixture.registerInjectableResource(new InMemoryIdempotencyKeys());
    fixture.registerAnnotatedCommandHandler(new BidBatches(fixture.getRepository()));
  }

  static RightsWindow window(String start, String end, Media media) {
    return new RightsWindow(TerritorySet.of("US"), MediaSet.of(media), LanguageSet.of("en"),
        Term.of(LocalDate.parse(start), LocalDate.parse(end)));
  }

  // ---- commands ----------------------------------------------------------------------------

  static RegisterForListing register(Actor platform, RegistrationId registration) {
    return new RegisterForListing(LISTING, registration, platform, null);
  }

  static RecordDepositReceived deposit(RegistrationId registration) {
    return deposit(registration, DEPOSIT, CNY);
  }

  static RecordDepositReceived deposit(RegistrationId registration, long amount, String currency) {
    return new RecordDepositReceived(LISTING, registration, FINANCE, amount, currency, "bank-" + registration, null);
  }

  static QualifyBidder qualify(RegistrationId registration) {
    return new QualifyBidder(LISTING, registration, OPERATOR);
  }

  static PlaceBid bid(Actor bidder, long amount) {
    return new PlaceBid(LISTING, bidder, amount, CNY, null);
  }

  static BuyListing buy(Actor buyer) {
    return new BuyListing(LISTING, buyer, null);
  }

  static SuspendListing suspend() {
    return new SuspendListing(LISTING, OPERATOR, "court order", null);
  }

  static ResumeListing resume() {
    return new ResumeListing(LISTING, OPERATOR, null);
  }

  // ---- events ------------------------------------------------------------------------------

  static ListingCreated created(SaleTerms sale, Schedule schedule) {
    return new ListingCreated(LISTING, TITLE.value(), TITLE_NAME, HOLDER_ORG, WindowTerms.of(OFFERED), true, false,
        sale, schedule, 10, SETTLEMENT, "Exclusive SVOD");
  }

  static PlatformRegistered registered(Actor platform, RegistrationId registration, String bidderCode) {
    return new PlatformRegistered(LISTING, registration, platform.organizationId(), bidderCode, DEPOSIT, CNY);
  }

  static DepositReceived depositReceived(Actor platform, RegistrationId registration) {
    return new DepositReceived(LISTING, registration, platform.organizationId(), DEPOSIT, CNY, "bank-" + registration,
        FINANCE.userId());
  }

  static DepositReleased released(Actor platform, RegistrationId registration) {
    return new DepositReleased(LISTING, registration, platform.organizationId(), DEPOSIT, CNY);
  }

  static DepositApplied applied(Actor platform, RegistrationId registration) {
    return new DepositApplied(LISTING, registration, platform.organizationId(), DEPOSIT, CNY);
  }

  /** ALPHA (B-01) and BETA (B-02) qualified with their deposits held, as events. */
  static List<Object> announcedWithTwoQualifiedBidders(SaleTerms sale, Schedule schedule) {
    return new ArrayList<>(List.of(created(sale, schedule), new ListingSubmitted(LISTING, HOLDER.userId()),
        new ListingApproved(LISTING, OPERATOR.userId()),
        registered(ALPHA, R_ALPHA, "B-01"), depositReceived(ALPHA, R_ALPHA),
        new BidderQualified(LISTING, R_ALPHA, OPERATOR.userId()),
        registered(BETA, R_BETA, "B-02"), depositReceived(BETA, R_BETA),
        new BidderQualified(LISTING, R_BETA, OPERATOR.userId())));
  }

  /** An accepted bid as the log holds it; {@code bidId} is whatever the aggregate drew. */
  static BidPlaced placed(long number, Actor bidder, RegistrationId registration, String bidderCode, long amount,
      Instant at, boolean sealed, String replaces, Instant extendedTo) {
    return new BidPlaced(LISTING, "any", number, registration, bidder.organizationId(), bidderCode, amount, CNY, at,
        sealed, replaces, extendedTo);
  }

  // ---- given -------------------------------------------------------------------------------

  /** Given: the listing is created, submitted and approved at {@link #NOW}, so its timer is set. */
  private TestExecutor<Listing> announced(SaleTerms sale, Schedule schedule) {
    return fixture.givenCurrentTime(NOW).andGivenCommands(
        new CreateListing(LISTING, HOLDER, TITLE, OFFERED, true, false, sale, schedule, 10, SETTLEMENT,
            "Exclusive SVOD"),
        new SubmitListing(LISTING, HOLDER, null),
        new ApproveListing(LISTING, OPERATOR, null));
  }

  /**
   * Given, further: ALPHA (B-01) and BETA (B-02) registered, paid their deposits and were
   * qualified; GAMMA (B-03) only registered.
   */
  private TestExecutor<Listing> withBidders(TestExecutor<Listing> given) {
    return given.andGivenCommands(
        register(ALPHA, R_ALPHA), deposit(R_ALPHA), qualify(R_ALPHA),
        register(BETA, R_BETA), deposit(R_BETA), qualify(R_BETA),
        register(GAMMA, R_GAMMA));
  }

  private TestExecutor<Listing> english() {
    return withBidders(announced(ENGLISH, TIMED));
  }

  private TestExecutor<Listing> sealed() {
    return withBidders(announced(SEALED, UNTIMED));
  }

  private TestExecutor<Listing> fixedPrice() {
    return withBidders(announced(FIXED, UNTIMED));
  }

  /** Given: time passes to {@code time}; every deadline due by then fires on the way. */
  private TestExecutor<Listing> timePassesTo(Instant time) {
    fixture.whenTimeAdvancesTo(time);
    return fixture.andGivenCommands();
  }

  // ---- looking at the log ------------------------------------------------------------------

  private List<Object> storedPayloads() {
    List<Object> payloads = new ArrayList<>();
    fixture.getEventStore().readEvents(LISTING.value()).asStream().map(Message::getPayload).forEach(payloads::add);
    return payloads;
  }

  /** The one stored bid of {@code bidder} for {@code amount}. */
  private BidPlaced storedBid(Actor bidder, long amount) {
    List<BidPlaced> bids = storedPayloads().stream()
        .filter(BidPlaced.class::isInstance).map(BidPlaced.class::cast)
        .filter(b -> b.organizationId().equals(bidder.organizationId()) && b.amount() == amount)
        .toList();
    assertThat(bids).as("bids of %s for %d", bidder.organizationId(), amount).hasSize(1);
    return bids.get(0);
  }

  /** The id the aggregate gave the one bid of {@code bidder} for {@code amount}. */
  private String bidIdOf(Actor bidder, long amount) {
    return storedBid(bidder, amount).bidId();
  }

  /** The answer to the command that placed the bid of {@code bidder} for {@code amount}: its id and the bid. */
  private Matcher<Object> receiptPlacing(Actor bidder, long amount) {
    return receipt(bidder, amount, true);
  }

  /** The answer to a repeated command: the id of the bid placed the first time, and nothing placed now. */
  /** Looked up in the log once the command ran, when the random bid id is known. */
  private Matcher<Object> receipt(Actor bidder, long amount, boolean placedNow) {
    return new BaseMatcher<>() {
      @Override
      public boolean matches(Object actual) {
        BidPlaced stored = storedBid(bidder, amount);
        return new BidReceipt(stored.bidId(), placedNow ? stored : null).equals(actual);
      }

      @Override
      public void describeTo(Description description) {
        description.appendText("BidReceipt[<id of the bid of " + bidder.organizationId() + " for " + amount + ">, "
            + (placedNow ? "<that bid>" : "null") + "]");
      }
    };
  }

  /** The events of the when-phase, in order and no more. */
  @SafeVarargs
  static Matcher<List<Message<?>>> exactly(Matcher<Object>... payloads) {
    List<Matcher<Object>> all = new ArrayList<>(Arrays.asList(payloads));
    all.add(andNoMore());
    @SuppressWarnings("unchecked")
    Matcher<Object>[] array = all.toArray(Matcher[]::new);
    return payloadsMatching(exactSequenceOf(array));
  }

  static Matcher<Object> is(Object event) {
    return CoreMatchers.equalTo(event);
  }

  /** A bid like {@code expected} in every field but its random {@code bidId}. */
  static Matcher<Object> bidLike(BidPlaced expected) {
    return sameExcept(expected, "bidId");
  }

  /** Equal to {@code expected} in every record component except the named ones (random ids). */
  static Matcher<Object> sameExcept(Record expected, String... ignored) {
    List<String> skip = List.of(ignored);
    return new BaseMatcher<>() {
      @Override
      public boolean matches(Object actual) {
        if (actual == null || actual.getClass() != expected.getClass()) {
          return false;
        }
        for (RecordComponent c : expected.getClass().getRecordComponents()) {
          if (!skip.contains(c.getName()) && !Objects.equals(value(c, expected), value(c, actual))) {
            return false;
          }
        }
        return true;
      }

      @Override
      public void describeTo(Description description) {
        description.appendValue(expected).appendText(" with any " + skip);
      }
    };
  }

  private static Object value(RecordComponent component, Object record) {
    try {
      return component.getAccessor().invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  // ==== registration ==========================================================================

  @Nested
  class Registration {

    @Test
    void a_platform_registering_for_an_announced_listing_is_bidder_B_01_and_owes_the_deposit() {
      announced(ENGLISH, TIMED)
          .when(register(ALPHA, R_ALPHA))
          .expectEvents(registered(ALPHA, R_ALPHA, "B-01"))
          .expectResultMessagePayload(new Result(3, R_ALPHA.value()));
    }

    @Test
    void the_next_platforms_get_bidder_codes_B_02_and_B_03() {
      announced(ENGLISH, TIMED).andGivenCommands(register(ALPHA, R_ALPHA), register(BETA, R_BETA))
          .when(register(GAMMA, R_GAMMA))
          .expectEvents(registered(GAMMA, R_GAMMA, "B-03"));
    }

    @Test
    void registering_again_returns_the_same_registration_and_records_nothing() {
      announced(ENGLISH, TIMED).andGivenCommands(register(ALPHA, R_ALPHA))
          .when(register(new Actor("u-alpha-2", ALPHA.organizationId(), false), new RegistrationId("r-again")))
          .expectNoEvents()
          .expectResultMessagePayload(Result.unchanged(R_ALPHA.value()));
    }

    @Test
    void a_refused_registration_keeps_its_bidder_code_taken() {
      announced(ENGLISH, TIMED)
          .andGivenCommands(register(ALPHA, R_ALPHA), new RefuseBidder(LISTING, R_ALPHA, OPERATOR, "sanctions"))
          .when(register(BETA, R_BETA))
          .expectEvents(registered(BETA, R_BETA, "B-02"));
    }

    @Test
    void the_holders_own_organisation_cannot_register() {
      announced(ENGLISH, TIMED)
          .when(register(HOLDER_COLLEAGUE, R_ALPHA))
          .expectNoEvents()
          .expectException(ruleViolation("holder-cannot-bid"));
    }

    @Test
    void registration_is_refused_while_the_listing_is_a_draft() {
      fixture.givenCurrentTime(NOW)
          .andGivenCommands(new CreateListing(LISTING, HOLDER, TITLE, OFFERED, true, false, ENGLISH, TIMED, 10,
              SETTLEMENT, "Exclusive SVOD"))
          .when(register(ALPHA, R_ALPHA))
          .expectNoEvents()
          .expectException(StateConflict.class);
    }

    @Test
    void registration_stays_open_while_bidding() {
      english();
      timePassesTo(START.plusSeconds(60))
          .when(register(DELTA, new RegistrationId("r-delta")))
          .expectEvents(registered(DELTA, new RegistrationId("r-delta"), "B-04"));
    }

    @Test
    void registration_is_refused_once_the_sale_has_closed() {
      english();
      timePassesTo(TIMED_END)
          .when(register(DELTA, new RegistrationId("r-delta")))
          .expectNoEvents()
          .expectException(StateConflict.class);
    }

    @Test
    void registration_is_refused_once_the_listing_is_withdrawn() {
      announced(ENGLISH, TIMED).andGivenCommands(new WithdrawListing(LISTING, HOLDER, "changed our mind", null))
          .when(register(ALPHA, R_ALPHA))
          .expectNoEvents()
          .expectException(StateConflict.class);
    }
  }

  // ==== deposits and qualification ============================================================

  @Nested
  class Deposits {

    @Test
    void finance_records_a_deposit_of_the_exact_amount_and_currency() {
      announced(ENGLISH, TIMED).andGivenCommands(register(ALPHA, R_ALPHA))
          .when(deposit(R_ALPHA))
          .expectEvents(depositReceived(ALPHA, R_ALPHA))
          .expectResultMessagePayload(new Result(4, R_ALPHA.value()));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 9_999, 10_001})
    void a_deposit_of_any_other_amount_is_refused_as_a_mismatch(long amount) {
      announced(ENGLISH, TIMED).andGivenCommands(register(ALPHA, R_ALPHA))
          .when(deposit(R_ALPHA, amount, CNY))
          .expectNoEvents()
          .expectException(ruleViolation("deposit-mismatch"));
    }

    @Test
    void a_deposit_in_another_currency_is_refused() {
      announced(ENGLISH, TIMED).andGivenCommands(register(ALPHA, R_ALPHA))
          .when(deposit(R_ALPHA, DEPOSIT, "USD"))
          .expectNoEvents()
          .expectException(ruleViolation("wrong-currency"));
    }

    @Test
    void a_deposit_is_recorded_only_once() {
      announced(ENGLISH, TIMED).andGivenCommands(register(ALPHA, R_ALPHA), deposit(R_ALPHA))
          .when(deposit(R_ALPHA))
          .expectNoEvents()
          .expectException(StateConflict.class);
    }

    @Test
    void a_deposit_for_an_unknown_registration_is_not_found() {
      announced(ENGLISH, TIMED)
          .when(deposit(R_ALPHA))
          .expectNoEvents()
          .expectException(NotFound.class);
    }

    @Test
    void qualifying_a_bidder_whose_deposit_has_not_arrived_is_refused() {
      announced(ENGLISH, TIMED).andGivenCommands(register(ALPHA, R_ALPHA))
          .when(qualify(R_ALPHA))
          .expectNoEvents()
          .expectException(ruleViolation("deposit-not-received"));
    }

    @Test
    void an_operator_qualifies_a_bidder_whose_deposit_arrived() {
      announced(ENGLISH, TIMED).andGivenCommands(register(ALPHA, R_ALPHA), deposit(R_ALPHA))
          .when(qualify(R_ALPHA))
          .expectEvents(new BidderQualified(LISTING, R_ALPHA, OPERATOR.userId()))
          .expectResultMessagePayload(new Result(5, R_ALPHA.value()));
    }

    @Test
    void without_a_deposit_due_a_bidder_is_qualified_straight_away() {
      SaleTerms free = new SaleTerms(SaleMode.ENGLISH, CNY, 100_000, null, 5_000L, 0);
      announced(free, TIMED).andGivenCommands(register(ALPHA, R_ALPHA))
          .when(qualify(R_ALPHA))
          .expectEvents(new BidderQualified(LISTING, R_ALPHA, OPERATOR.userId()));
    }

    @Test
    void qualifying_a_qualified_bidder_again_changes_nothing() {
      announced(ENGLISH, TIMED).andGivenCommands(register(ALPHA, R_ALPHA), deposit(R_ALPHA), qualify(R_ALPHA))
          .when(qualify(R_ALPHA))
          .expectNoEvents()
          .expectResultMessagePayload(Result.unchanged(R_ALPHA.value()));
    }

    @Test
    void only_an_operator_qualifies_bidders() {
      announced(ENGLISH, TIMED).andGivenCommands(register(ALPHA, R_ALPHA), deposit(R_ALPHA))
          .when(new QualifyBidder(LISTING, R_ALPHA, FINANCE))
          .expectNoEvents()
          .expectException(NotPermitted.class);
    }

    @Test
    void refusing_a_bidder_releases_the_deposit_it_paid() {
      announced(ENGLISH, TIMED).andGivenCommands(register(ALPHA, R_ALPHA), deposit(R_ALPHA))
          .when(new RefuseBidder(LISTING, R_ALPHA, OPERATOR, " sanctions screening "))
          .expectEvents(new BidderRefused(LISTING, R_ALPHA, "sanctions screening", OPERATOR.userId()),
              released(ALPHA, R_ALPHA));
    }

    @Test
    void refusing_a_bidder_that_paid_nothing_releases_nothing() {
      announced(ENGLISH, TIMED).andGivenCommands(register(ALPHA, R_ALPHA))
          .when(new RefuseBidder(LISTING, R_ALPHA, OPERATOR, "incomplete papers"))
          .expectEvents(new BidderRefused(LISTING, R_ALPHA, "incomplete papers", OPERATOR.userId()));
    }

    @Test
    void a_qualified_bidder_cannot_be_refused() {
      announced(ENGLISH, TIMED).andGivenCommands(register(ALPHA, R_ALPHA), deposit(R_ALPHA), qualify(R_ALPHA))
          .when(new RefuseBidder(LISTING, R_ALPHA, OPERATOR, "second thoughts"))
          .expectNoEvents()
          .expectException(StateConflict.class);
    }

    @Test
    void a_refused_bidder_cannot_be_qualified() {
      announced(ENGLISH, TIMED)
          .andGivenCommands(register(ALPHA, R_ALPHA), deposit(R_ALPHA),
              new RefuseBidder(LISTING, R_ALPHA, OPERATOR, "sanctions"))
          .when(qualify(R_ALPHA))
          .expectNoEvents()
          .expectException(StateConflict.class);
    }

    @Test
    void deposits_are_no_longer_taken_once_the_sale_has_closed() {
      english();
      timePassesTo(TIMED_END)
          .when(deposit(R_GAMMA))
          .expectNoEvents()
          .expectException(StateConflict.class);
    }
  }

  // ==== ENGLISH: bid rules ====================================================================

  @Nested
  class EnglishBids {

    /** Given: bidding has been open a minute. */
    private TestExecutor<Listing> biddingOpen() {
      english();
      return timePassesTo(START.plusSeconds(60));
    }

    /** Given: ALPHA holds the high bid of 100 000 (the starting price). */
    private TestExecutor<Listing> alphaHighAt100k() {
      biddingOpen().andGivenCommands(bid(ALPHA, 100_000));
      return timePassesTo(START.plusSeconds(120));
    }

    @Test
    void a_first_bid_at_the_starting_price_is_accepted_and_does_not_extend_the_free_period() {
      biddingOpen()
          .when(bid(ALPHA, 100_000))
          .expectEventsMatching(exactly(bidLike(
              placed(1, ALPHA, R_ALPHA, "B-01", 100_000, START.plusSeconds(60), false, null, null))))
          .expectResultMessagePayloadMatching(receiptPlacing(ALPHA, 100_000));
    }

    @Test
    void a_first_bid_below_the_starting_price_is_refused() {
      biddingOpen()
          .when(bid(ALPHA, 99_999))
          .expectNoEvents()
          .expectException(ruleViolation("below-starting-price"));
    }

    @Test
    void bids_arriving_together_are_decided_in_order_and_a_refused_one_does_not_stop_the_others() {
      biddingOpen()
          .when(new PlaceBidsOnListings(List.of(
              new PlaceBids(LISTING, List.of(bid(ALPHA, 100_000), bid(BETA, 102_500), bid(BETA, 105_000))))))
          .expectEventsMatching(exactly(
              bidLike(placed(1, ALPHA, R_ALPHA, "B-01", 100_000, START.plusSeconds(60), false, null, null)),
              bidLike(placed(2, BETA, R_BETA, "B-02", 105_000, START.plusSeconds(60), false, null, null))))
          .expectResultMessagePayloadMatching(new org.hamcrest.TypeSafeMatcher<List<List<BidOutcome>>>() {
            @Override
            protected boolean matchesSafely(List<List<BidOutcome>> batch) {
              List<BidOutcome> outcomes = batch.get(0);
              return batch.size() == 1 && outcomes.size() == 3
                  && outcomes.get(0).receipt() != null
                  && outcomes.get(1).refusal() instanceof io.reelx.exchange.shared.domain.RuleViolation r
                  && r.code().equals("not-a-whole-increment")
                  && outcomes.get(2).receipt() != null && outcomes.get(2).receipt().placed().amount() == 105_000;
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
              description.appendText("placed, refused (not-a-whole-increment), placed");
            }
          });
    }

    @ParameterizedTest
    @ValueSource(longs = {95_000, 100_000})
    void a_bid_that_does_not_exceed_the_high_is_refused(long amount) {
      alphaHighAt100k()
          .when(bid(BETA, amount))
          .expectNoEvents()
          .expectException(ruleViolation("below-high"));
    }

    @ParameterizedTest
    @ValueSource(longs = {100_001, 102_500, 107_500})
    void a_bid_above_the_high_by_part_of_an_increment_is_refused(long amount) {
      alphaHighAt100k()
          .when(bid(BETA, amount))
          .expectNoEvents()
          .expectException(ruleViolation("not-a-whole-increment"));
    }

    @ParameterizedTest
    @ValueSource(longs = {105_000, 115_000})
    void a_bid_above_the_high_by_a_whole_number_of_increments_is_accepted(long amount) {
      alphaHighAt100k()
          .when(bid(BETA, amount))
          .expectEventsMatching(exactly(bidLike(
              placed(2, BETA, R_BETA, "B-02", amount, START.plusSeconds(120), false, null, null))));
    }

    @Test
    void a_bid_in_another_currency_is_refused() {
      biddingOpen()
          .when(new PlaceBid(LISTING, ALPHA, 100_000, "USD", null))
          .expectNoEvents()
          .expectException(ruleViolation("wrong-currency"));
    }

    @Test
    void a_registered_platform_that_is_not_qualified_cannot_bid() {
      biddingOpen()
          .when(bid(GAMMA, 100_000))
          .expectNoEvents()
          .expectException(ruleViolation("not-qualified"));
    }

    @Test
    void a_platform_that_never_registered_cannot_bid() {
      biddingOpen()
          .when(bid(DELTA, 100_000))
          .expectNoEvents()
          .expectException(ruleViolation("not-registered"));
    }

    @Test
    void the_holder_cannot_bid_on_its_own_listing() {
      biddingOpen()
          .when(bid(HOLDER_COLLEAGUE, 100_000))
          .expectNoEvents()
          .expectException(ruleViolation("holder-cannot-bid"));
    }

    @Test
    void a_bid_before_bidding_starts_is_refused() {
      english();
      timePassesTo(START.minusSeconds(1))
          .when(bid(ALPHA, 100_000))
          .expectNoEvents()
          .expectException(ruleViolation("bidding-not-started"));
    }

    @Test
    void a_bid_on_a_suspended_listing_is_refused() {
      biddingOpen().andGivenCommands(suspend())
          .when(bid(ALPHA, 100_000))
          .expectNoEvents()
          .expectException(ruleViolation("listing-suspended"));
    }

    @Test
    void a_bid_after_the_close_is_refused() {
      alphaHighAt100k();
      timePassesTo(TIMED_END.plusSeconds(1))
          .when(bid(BETA, 105_000))
          .expectNoEvents()
          .expectException(ruleViolation("bidding-closed"));
    }
  }

  // ==== ENGLISH: the timer ====================================================================

  @Nested
  class EnglishTiming {

    @Test
    void nothing_happens_before_bidding_starts() {
      english()
          .whenTimeAdvancesTo(START.minusSeconds(1))
          .expectNoEvents();
    }

    @Test
    void bidding_opens_at_the_scheduled_start_until_the_end_of_the_free_period() {
      english()
          .whenTimeAdvancesTo(START)
          .expectEvents(new BiddingOpened(LISTING, START, END))
          .expectScheduledDeadline(END, new ListingTimer(0));
    }

    @Test
    void the_timed_period_starts_when_the_free_period_ends() {
      english();
      timePassesTo(START.plusSeconds(60)).andGivenCommands(bid(ALPHA, 100_000))
          .whenTimeAdvancesTo(END)
          .expectEvents(new TimedPeriodStarted(LISTING, END.plusSeconds(N)))
          .expectScheduledDeadline(END.plusSeconds(N), new ListingTimer(0));
    }

    @Test
    void a_bid_in_the_timed_period_restarts_it_from_the_moment_of_the_bid() {
      english();
      timePassesTo(START.plusSeconds(60)).andGivenCommands(bid(ALPHA, 100_000));
      timePassesTo(END.plusSeconds(100))
          .when(bid(BETA, 105_000))
          .expectEventsMatching(exactly(bidLike(placed(2, BETA, R_BETA, "B-02", 105_000, END.plusSeconds(100), false,
              null, END.plusSeconds(100 + N)))));
    }

    /** A 100 000 in the free period; B 150 000 at END+100s; A 160 000 at END+350s. */
    private TestExecutor<Listing> twoExtensions() {
      english();
      timePassesTo(START.plusSeconds(60)).andGivenCommands(bid(ALPHA, 100_000));
      timePassesTo(END.plusSeconds(100)).andGivenCommands(bid(BETA, 150_000));
      return timePassesTo(END.plusSeconds(350)).andGivenCommands(bid(ALPHA, 160_000));
    }

    @Test
    void the_auction_stays_open_until_N_seconds_pass_without_a_bid() {
      twoExtensions()
          .whenTimeAdvancesTo(END.plusSeconds(350 + N - 1))
          .expectNoEvents()
          .expectScheduledDeadline(END.plusSeconds(350 + N), new ListingTimer(0));
    }

    @Test
    void after_two_extensions_and_N_seconds_of_silence_the_later_higher_bid_wins_and_deposits_settle() {
      twoExtensions()
          .whenTimeAdvancesTo(END.plusSeconds(350 + N))
          .expectEventsMatching(exactly(
              is(new ListingAwarded(LISTING, bidIdOf(ALPHA, 160_000), R_ALPHA, ALPHA.organizationId(), "B-01",
                  160_000, CNY, END.plusSeconds(350 + N))),
              is(applied(ALPHA, R_ALPHA)),
              is(released(BETA, R_BETA))))
          .expectNoScheduledDeadlines();
    }

    @Test
    void closing_at_exactly_the_reserve_awards_the_listing() {
      english();
      timePassesTo(START.plusSeconds(60)).andGivenCommands(bid(BETA, 150_000))
          .whenTimeAdvancesTo(TIMED_END)
          .expectEventsMatching(exactly(
              is(new TimedPeriodStarted(LISTING, TIMED_END)),
              is(new ListingAwarded(LISTING, bidIdOf(BETA, 150_000), R_BETA, BETA.organizationId(), "B-02", 150_000,
                  CNY, TIMED_END)),
              is(released(ALPHA, R_ALPHA)),
              is(applied(BETA, R_BETA))));
    }

    @Test
    void closing_below_the_reserve_fails_and_releases_every_deposit() {
      english();
      timePassesTo(START.plusSeconds(60)).andGivenCommands(bid(ALPHA, 100_000), bid(BETA, 145_000))
          .whenTimeAdvancesTo(TIMED_END)
          .expectEvents(new TimedPeriodStarted(LISTING, TIMED_END),
              new ListingFailed(LISTING, FailureReason.BELOW_RESERVE, TIMED_END),
              released(ALPHA, R_ALPHA), released(BETA, R_BETA));
    }

    @Test
    void without_bids_the_sale_fails_and_every_deposit_goes_back_including_an_unqualified_bidders() {
      english().andGivenCommands(deposit(R_GAMMA))
          .whenTimeAdvancesTo(TIMED_END)
          .expectEvents(new BiddingOpened(LISTING, START, END),
              new TimedPeriodStarted(LISTING, TIMED_END),
              new ListingFailed(LISTING, FailureReason.NO_BIDS, TIMED_END),
              released(ALPHA, R_ALPHA), released(BETA, R_BETA), released(GAMMA, R_GAMMA))
          .expectNoScheduledDeadlines();
    }
  }

  // ==== a deadline that fires late ============================================================

  @Nested
  class LateDeadline {

    /** ENGLISH in its timed period until {@link #TIMED_END}, ALPHA high at 150 000; no deadline pending. */
    private List<Object> countdown() {
      List<Object> events = announcedWithTwoQualifiedBidders(ENGLISH, TIMED);
      events.add(new BiddingOpened(LISTING, START, END));
      events.add(new BidPlaced(LISTING, "bid-1", 1, R_ALPHA, ALPHA.organizationId(), "B-01", 150_000, CNY,
          START.plusSeconds(60), false, null, null));
      events.add(new TimedPeriodStarted(LISTING, TIMED_END));
      return events;
    }

    @Test
    void a_bid_a_second_before_the_period_ends_is_accepted_and_restarts_it() {
      fixture.givenCurrentTime(TIMED_END.minusSeconds(1)).andGiven(countdown())
          .when(bid(BETA, 155_000))
          .expectEventsMatching(exactly(bidLike(placed(2, BETA, R_BETA, "B-02", 155_000, TIMED_END.minusSeconds(1),
              false, null, TIMED_END.plusSeconds(N - 1)))));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 30})
    void a_bid_after_the_period_ended_is_refused_although_the_deadline_has_not_fired_yet(long secondsLate) {
      fixture.givenCurrentTime(TIMED_END.plusSeconds(secondsLate)).andGiven(countdown())
          .when(bid(BETA, 155_000))
          .expectNoEvents()
          .expectException(ruleViolation("bidding-closed"));
    }

    @Test
    void a_bid_just_after_the_start_opens_bidding_although_the_deadline_has_not_fired_yet() {
      fixture.givenCurrentTime(START.plusSeconds(1))
          .andGiven(announcedWithTwoQualifiedBidders(ENGLISH, TIMED))
          .when(bid(ALPHA, 100_000))
          .expectEventsMatching(exactly(
              is(new BiddingOpened(LISTING, START, END)),
              bidLike(placed(1, ALPHA, R_ALPHA, "B-01", 100_000, START.plusSeconds(1), false, null, null))));
    }
  }

  // ==== SEALED_BID ============================================================================

  @Nested
  class SealedBid {

    private TestExecutor<Listing> biddingOpen() {
      sealed();
      return timePassesTo(START.plusSeconds(60));
    }

    @Test
    void a_sealed_bid_is_recorded_sealed() {
      biddingOpen()
          .when(bid(ALPHA, 120_000))
          .expectEventsMatching(exactly(bidLike(
              placed(1, ALPHA, R_ALPHA, "B-01", 120_000, START.plusSeconds(60), true, null, null))));
    }

    @Test
    void a_bidders_second_sealed_bid_replaces_its_first_even_when_lower() {
      biddingOpen().andGivenCommands(bid(ALPHA, 120_000));
      timePassesTo(START.plusSeconds(120))
          .when(bid(ALPHA, 110_000))
          .expectEventsMatching(exactly(bidLike(placed(2, ALPHA, R_ALPHA, "B-01", 110_000, START.plusSeconds(120),
              true, bidIdOf(ALPHA, 120_000), null))));
    }

    @Test
    void a_sealed_bid_need_not_beat_anyone_elses() {
      biddingOpen().andGivenCommands(bid(ALPHA, 120_000))
          .when(bid(BETA, 100_001))
          .expectEventsMatching(exactly(bidLike(
              placed(2, BETA, R_BETA, "B-02", 100_001, START.plusSeconds(60), true, null, null))));
    }

    @Test
    void a_sealed_bid_below_the_starting_price_is_refused() {
      biddingOpen()
          .when(bid(ALPHA, 99_999))
          .expectNoEvents()
          .expectException(ruleViolation("below-starting-price"));
    }

    @Test
    void at_the_deadline_the_highest_sealed_bid_wins_and_a_replaced_bid_no_longer_counts() {
      biddingOpen().andGivenCommands(bid(ALPHA, 140_000), bid(BETA, 130_000));
      timePassesTo(START.plusSeconds(120)).andGivenCommands(bid(ALPHA, 125_000))
          .whenTimeAdvancesTo(END)
          .expectEventsMatching(exactly(
              is(new ListingAwarded(LISTING, bidIdOf(BETA, 130_000), R_BETA, BETA.organizationId(), "B-02", 130_000,
                  CNY, END)),
              is(released(ALPHA, R_ALPHA)),
              is(applied(BETA, R_BETA))));
    }

    @Test
    void equal_sealed_bids_go_to_the_earlier_one() {
      biddingOpen().andGivenCommands(bid(BETA, 130_000));
      timePassesTo(START.plusSeconds(120)).andGivenCommands(bid(ALPHA, 130_000))
          .whenTimeAdvancesTo(END)
          .expectEventsMatching(exactly(
              is(new ListingAwarded(LISTING, bidIdOf(BETA, 130_000), R_BETA, BETA.organizationId(), "B-02", 130_000,
                  CNY, END)),
              is(released(ALPHA, R_ALPHA)),
              is(applied(BETA, R_BETA))));
    }

    @Test
    void a_sealed_bid_sale_without_bids_fails_at_the_deadline() {
      sealed()
          .whenTimeAdvancesTo(END)
          .expectEvents(new BiddingOpened(LISTING, START, END),
              new ListingFailed(LISTING, FailureReason.NO_BIDS, END),
              released(ALPHA, R_ALPHA), released(BETA, R_BETA));
    }

    @Test
    void a_sealed_bid_after_the_deadline_is_refused() {
      biddingOpen().andGivenCommands(bid(ALPHA, 120_000));
      timePassesTo(END)
          .when(bid(BETA, 200_000))
          .expectNoEvents()
          .expectException(ruleViolation("bidding-closed"));
    }
  }

  // ==== FIXED_PRICE ===========================================================================

  @Nested
  class FixedPrice {

    private TestExecutor<Listing> onSale() {
      fixedPrice();
      return timePassesTo(START.plusSeconds(60));
    }

    @Test
    void the_first_qualified_platform_to_buy_wins_at_the_listed_price() {
      onSale()
          .when(buy(BETA))
          .expectEventsMatching(exactly(
              bidLike(placed(1, BETA, R_BETA, "B-02", 200_000, START.plusSeconds(60), false, null, null)),
              sameExcept(new ListingAwarded(LISTING, "any", R_BETA, BETA.organizationId(), "B-02", 200_000, CNY,
                  START.plusSeconds(60)), "bidId"),
              is(released(ALPHA, R_ALPHA)),
              is(applied(BETA, R_BETA))))
          .expectResultMessagePayloadMatching(receiptPlacing(BETA, 200_000));
      String bidId = bidIdOf(BETA, 200_000);
      assertThat(storedPayloads()).filteredOn(ListingAwarded.class::isInstance)
          .singleElement().extracting(e -> ((ListingAwarded) e).bidId()).isEqualTo(bidId);
    }

    @Test
    void once_sold_a_second_buyer_is_refused() {
      onSale().andGivenCommands(buy(BETA))
          .when(buy(ALPHA))
          .expectNoEvents()
          .expectException(ruleViolation("bidding-closed"));
    }

    @Test
    void a_bid_on_a_fixed_price_listing_is_refused() {
      onSale()
          .when(bid(ALPHA, 250_000))
          .expectNoEvents()
          .expectException(ruleViolation("fixed-price"));
    }

    @Test
    void buying_an_auctioned_listing_is_refused() {
      english();
      timePassesTo(START.plusSeconds(60))
          .when(buy(ALPHA))
          .expectNoEvents()
          .expectException(ruleViolation("not-fixed-price"));
    }

    @Test
    void a_platform_that_is_not_qualified_cannot_buy() {
      onSale()
          .when(buy(GAMMA))
          .expectNoEvents()
          .expectException(ruleViolation("not-qualified"));
    }

    @Test
    void buying_before_the_sale_starts_is_refused() {
      fixedPrice()
          .when(buy(ALPHA))
          .expectNoEvents()
          .expectException(ruleViolation("bidding-not-started"));
    }

    @Test
    void without_a_buyer_by_the_end_the_sale_fails_and_deposits_go_back() {
      onSale()
          .whenTimeAdvancesTo(END)
          .expectEvents(new ListingFailed(LISTING, FailureReason.NO_BUYER, END),
              released(ALPHA, R_ALPHA), released(BETA, R_BETA))
          .expectNoScheduledDeadlines();
    }

    @Test
    void after_a_sale_the_timer_at_the_end_does_nothing() {
      onSale().andGivenCommands(buy(BETA))
          .whenTimeAdvancesTo(END)
          .expectNoEvents()
          .expectNoScheduledDeadlines();
    }
  }

  // ==== idempotency ===========================================================================

  @Nested
  class Idempotency {

    private TestExecutor<Listing> biddingOpen() {
      english();
      return timePassesTo(START.plusSeconds(60));
    }

    /** {@code key} of {@code actor}'s organisation on a request fingerprinted as {@code request}. */
    private KeyedRequest key(Actor actor, String key, String request) {
      return new KeyedRequest(actor.organizationId(), key, request);
    }

    @Test
    void a_bid_sent_twice_with_one_idempotency_key_is_placed_once_and_the_retry_is_told_the_first_bid() {
      biddingOpen().andGivenCommands(new PlaceBid(LISTING, ALPHA, 100_000, CNY, key(ALPHA, "key-1", "bid 100000")))
          .when(new PlaceBid(LISTING, ALPHA, 100_000, CNY, key(ALPHA, "key-1", "bid 100000")))
          .expectNoEvents()
          .expectExceptionMessage(org.hamcrest.Matchers.containsString("key-1"))
          .expectException(org.hamcrest.Matchers.<Object>both(org.hamcrest.Matchers.instanceOf(KeyAlreadyUsed.class))
              .and(new org.hamcrest.BaseMatcher<>() {
                @Override
                public boolean matches(Object actual) {
                  return ((KeyAlreadyUsed) actual).answer().equals(storedBid(ALPHA, 100_000).bidId());
                }

                @Override
                public void describeTo(org.hamcrest.Description description) {
                  description.appendText("answering the first bid's id");
                }
              }));
    }

    @Test
    void a_bid_sent_again_under_its_id_is_answered_with_the_first_bid_and_nothing_is_placed() {
      PlaceBid bid = new PlaceBid(LISTING, "bid-1", ALPHA, 100_000, CNY, null);
      biddingOpen().andGivenCommands(bid)
          .when(bid)
          .expectNoEvents()
          .expectResultMessagePayload(new BidReceipt("bid-1", null));
    }

    @Test
    void a_bid_id_is_the_one_the_caller_chose() {
      biddingOpen()
          .when(new PlaceBid(LISTING, "bid-7", ALPHA, 100_000, CNY, null))
          .expectEventsMatching(exactly(bidLike(
              placed(1, ALPHA, R_ALPHA, "B-01", 100_000, START.plusSeconds(60), false, null, null))))
          .expectResultMessagePayloadMatching(new org.hamcrest.TypeSafeMatcher<BidReceipt>() {
            @Override
            protected boolean matchesSafely(BidReceipt receipt) {
              return receipt.bidId().equals("bid-7") && receipt.placed().bidId().equals("bid-7");
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
              description.appendText("the receipt of the bid stored as bid-7");
            }
          });
    }

    @Test
    void another_bidders_bid_id_is_not_taken_for_a_retry() {
      biddingOpen().andGivenCommands(new PlaceBid(LISTING, "bid-1", ALPHA, 100_000, CNY, null),
              new PlaceBid(LISTING, "bid-2", ALPHA, 105_000, CNY, null))
          .when(new PlaceBid(LISTING, "bid-2", BETA, 110_000, CNY, null))
          .expectEventsMatching(exactly(bidLike(
              placed(3, BETA, R_BETA, "B-02", 110_000, START.plusSeconds(60), false, null, null))));
    }

    @Test
    void a_purchase_sent_again_under_its_bid_id_after_the_award_is_answered_with_the_purchase() {
      fixedPrice();
      BuyListing buy = new BuyListing(LISTING, "buy-1", ALPHA, null);
      timePassesTo(START.plusSeconds(60)).andGivenCommands(buy)
          .when(buy)
          .expectNoEvents()
          .expectResultMessagePayload(new BidReceipt("buy-1", null));
    }

    @Test
    void a_key_sent_again_with_another_bid_is_refused_and_nothing_is_placed() {
      biddingOpen().andGivenCommands(new PlaceBid(LISTING, ALPHA, 100_000, CNY, key(ALPHA, "key-1", "bid 100000")))
          .when(new PlaceBid(LISTING, ALPHA, 150_000, CNY, key(ALPHA, "key-1", "bid 150000")))
          .expectNoEvents()
          .expectException(KeyReused.class);
    }

    @Test
    void another_organisation_using_the_same_key_places_its_own_bid() {
      biddingOpen().andGivenCommands(new PlaceBid(LISTING, ALPHA, 100_000, CNY, key(ALPHA, "key-1", "bid 100000")))
          .when(new PlaceBid(LISTING, BETA, 105_000, CNY, key(BETA, "key-1", "bid 105000")))
          .expectEventsMatching(exactly(bidLike(
              placed(2, BETA, R_BETA, "B-02", 105_000, START.plusSeconds(60), false, null, null))));
    }

    @Test
    void a_purchase_sent_twice_with_one_key_is_told_the_key_is_used_instead_of_refused() {
      fixedPrice();
      timePassesTo(START.plusSeconds(60)).andGivenCommands(new BuyListing(LISTING, ALPHA, key(ALPHA, "key-1", "buy")))
          .when(new BuyListing(LISTING, ALPHA, key(ALPHA, "key-1", "buy")))
          .expectNoEvents()
          .expectException(KeyAlreadyUsed.class);
    }

    @Test
    void a_deposit_recorded_twice_with_one_key_is_told_the_key_is_used() {
      english().andGivenCommands(
              new RecordDepositReceived(LISTING, R_GAMMA, FINANCE, DEPOSIT, CNY, "bank-1", key(FINANCE, "dep-1", "deposit")))
          .when(new RecordDepositReceived(LISTING, R_GAMMA, FINANCE, DEPOSIT, CNY, "bank-1", key(FINANCE, "dep-1", "deposit")))
          .expectNoEvents()
          .expectException(KeyAlreadyUsed.class);
    }
  }

  // ==== suspension ============================================================================

  @Nested
  class Suspension {

    /** ALPHA high at 150 000; suspended at END+100s, 200 s before the timed period would end. */
    private TestExecutor<Listing> suspendedInCountdown() {
      english();
      timePassesTo(START.plusSeconds(60)).andGivenCommands(bid(ALPHA, 150_000));
      return timePassesTo(END.plusSeconds(100)).andGivenCommands(suspend());
    }

    @Test
    void a_suspended_auction_does_not_close_when_its_time_runs_out() {
      suspendedInCountdown()
          .whenTimeAdvancesTo(END.plusSeconds(100).plus(PAUSE))
          .expectNoEvents()
          .expectNoScheduledDeadlines();
    }

    @Test
    void resuming_shifts_the_close_by_the_pause_and_starts_a_new_timer() {
      suspendedInCountdown();
      Instant shifted = TIMED_END.plus(PAUSE);
      timePassesTo(END.plusSeconds(100).plus(PAUSE))
          .when(resume())
          .expectEvents(new ListingResumed(LISTING, OPERATOR.userId(), ListingStatus.COUNTDOWN, shifted))
          .expectScheduledDeadline(shifted, new ListingTimer(1));
    }

    @Test
    void after_a_resume_the_timer_from_before_the_suspension_does_nothing() {
      suspendedInCountdown();
      timePassesTo(END.plusSeconds(200)).andGivenCommands(resume())
          .whenTimeAdvancesTo(TIMED_END.plusSeconds(99))
          .expectNoEvents()
          .expectNoScheduledDeadline(TIMED_END.plusSeconds(100), new ListingTimer(0))
          .expectScheduledDeadline(TIMED_END.plusSeconds(100), new ListingTimer(1));
    }

    @Test
    void a_resumed_auction_closes_at_the_shifted_time() {
      suspendedInCountdown();
      Instant shifted = TIMED_END.plus(PAUSE);
      timePassesTo(END.plusSeconds(100).plus(PAUSE)).andGivenCommands(resume());
      timePassesTo(shifted.minusSeconds(1))
          .whenTimeAdvancesTo(shifted)
          .expectEventsMatching(exactly(
              is(new ListingAwarded(LISTING, bidIdOf(ALPHA, 150_000), R_ALPHA, ALPHA.organizationId(), "B-01",
                  150_000, CNY, shifted)),
              is(applied(ALPHA, R_ALPHA)),
              is(released(BETA, R_BETA))));
    }

    @Test
    void a_suspension_records_when_it_began_and_the_phase_it_interrupted() {
      english();
      timePassesTo(START.plusSeconds(60)).andGivenCommands(bid(ALPHA, 150_000));
      timePassesTo(END.plusSeconds(100))
          .when(suspend())
          .expectEvents(new ListingSuspended(LISTING, "court order", OPERATOR.userId(), ListingStatus.COUNTDOWN,
              END.plusSeconds(100)));
    }

    @Test
    void resuming_an_announced_listing_keeps_the_whole_free_bidding_period() {
      Duration pause = Duration.ofDays(1);
      announced(ENGLISH, TIMED).andGivenCommands(suspend());
      timePassesTo(NOW.plus(pause)).andGivenCommands(resume())
          .whenTimeAdvancesTo(START.plus(pause))
          .expectEvents(new BiddingOpened(LISTING, START.plus(pause), END.plus(pause)));
    }

    @Test
    void an_auction_whose_end_has_passed_cannot_be_suspended_even_before_its_deadline_fired() {
      List<Object> events = announcedWithTwoQualifiedBidders(ENGLISH, TIMED);
      events.add(new BiddingOpened(LISTING, START, END));
      events.add(new BidPlaced(LISTING, "bid-1", 1, R_ALPHA, ALPHA.organizationId(), "B-01", 150_000, CNY,
          START.plusSeconds(60), false, null, null));
      events.add(new TimedPeriodStarted(LISTING, TIMED_END));
      fixture.givenCurrentTime(TIMED_END.plusSeconds(5)).andGiven(events)
          .when(suspend())
          .expectNoEvents()
          .expectException(StateConflict.class);
    }
  }

  // ==== the helpers themselves ================================================================

  @Test
  void the_bid_matcher_ignores_only_the_bid_id() {
    BidPlaced expected = placed(1, ALPHA, R_ALPHA, "B-01", 100_000, START, false, null, null);
    BidPlaced actual = new BidPlaced(LISTING, "4f1c", 1, R_ALPHA, ALPHA.organizationId(), "B-01", 100_000, CNY,
        START, false, null, null);
    assertThat(bidLike(expected).matches(actual)).isTrue();
    assertThat(bidLike(expected).matches(new BidPlaced(LISTING, "4f1c", 1, R_ALPHA, ALPHA.organizationId(), "B-01",
        100_000, CNY, START, false, null, START.plusSeconds(N)))).isFalse();
    assertThat(bidLike(expected).matches(new DepositApplied(LISTING, R_ALPHA, "org-alpha", 1, CNY))).isFalse();
  }

  @Test
  void the_fixture_clock_follows_the_fixtures_time() {
    fixture.givenCurrentTime(NOW);
    FixtureClock clock = new FixtureClock(fixture);
    assertThat(clock.instant()).isEqualTo(NOW);
    fixture.whenTimeElapses(Duration.ofMinutes(5));
    assertThat(clock.instant()).isEqualTo(NOW.plusSeconds(300));
  }
}
