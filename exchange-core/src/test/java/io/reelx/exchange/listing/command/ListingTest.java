package io.reelx.exchange.listing.command;

import static io.reelx.exchange.listing.command.Refusals.invalidValue;
import static io.reelx.exchange.listing.command.Refusals.ruleViolation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.reelx.exchange.listing.domain.AuctionSettings;
import io.reelx.exchange.listing.domain.BidPlaced;
import io.reelx.exchange.listing.domain.BidderQualified;
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
import io.reelx.exchange.listing.domain.ListingRejected;
import io.reelx.exchange.listing.domain.ListingResumed;
import io.reelx.exchange.listing.domain.ListingSettlementTerms;
import io.reelx.exchange.listing.domain.ListingStatus;
import io.reelx.exchange.listing.domain.ListingSubmitted;
import io.reelx.exchange.listing.domain.ListingSuspended;
import io.reelx.exchange.listing.domain.ListingWithdrawn;
import io.reelx.exchange.listing.domain.PlatformRegistered;
import io.reelx.exchange.listing.domain.RegistrationId;
import io.reelx.exchange.listing.domain.SaleMode;
import io.reelx.exchange.listing.domain.SaleTerms;
import io.reelx.exchange.listing.domain.Schedule;
import io.reelx.exchange.listing.domain.TimedPeriodStarted;
import io.reelx.exchange.rights.domain.Grant;
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
import io.reelx.exchange.shared.domain.InvalidValue;
import io.reelx.exchange.shared.domain.NotFound;
import io.reelx.exchange.shared.domain.RuleViolation;
import io.reelx.exchange.shared.domain.StateConflict;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import io.reelx.exchange.listing.domain.NotPermitted;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ListingTest {

  static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");
  static final Instant BIDDING_STARTS = Instant.parse("2026-04-01T10:00:00Z");
  static final Instant BIDDING_ENDS = BIDDING_STARTS.plusSeconds(86_400);
  static final int TIMED_PERIOD = 300;
  static final Duration PAUSE = Duration.ofHours(2);

  static final String HOLDER_ORG = "org-holder";
  static final Actor HOLDER = new Actor("u-holder", HOLDER_ORG, false);
  static final Actor STRANGER = new Actor("u-stranger", "org-stranger", false);
  static final Actor OPERATOR = new Actor("u-operator", "org-exchange", true);
  static final Actor PLATFORM = new Actor("u-platform", "org-platform", false);
  static final RegistrationId REGISTRATION = new RegistrationId("r-1");

  static final TitleId TITLE = new TitleId("t-long-night");
  static final TitleId STRANGERS_TITLE = new TitleId("t-strangers");
  static final String TITLE_NAME = "The Long Night";
  static final ListingId LISTING = new ListingId("l-1");

  /** Held exclusively and sublicensably: US and CA, all VOD, English, 2026-2028. */
  static final RightsWindow HELD = window(TerritorySet.of("US", "CA"), Media.VOD, "2026-01-01", "2028-12-31");
  /** Offered: US, SVOD, English, one year inside the holding. */
  static final RightsWindow OFFERED = window(TerritorySet.of("US"), Media.SVOD, "2026-06-01", "2027-05-31");
  /** France was never held. */
  static final RightsWindow NOT_HELD = window(TerritorySet.of("US", "FR"), Media.SVOD, "2026-06-01", "2027-05-31");

  static final SaleTerms ENGLISH = new SaleTerms(SaleMode.ENGLISH, "CNY", 100_000, 150_000L, 5_000L, 10_000);
  static final Schedule TIMED = new Schedule(BIDDING_STARTS, BIDDING_ENDS, TIMED_PERIOD);
  static final ListingSettlementTerms SETTLEMENT =
      ListingSettlementTerms.simple(null, 50_000L, "NET", 3_000, "MG recouped from the share");

  private InMemoryRightsRegister rights;
  private AggregateTestFixture<Listing> fixture;

  @BeforeEach
  void setUp() {
    rights = new InMemoryRightsRegister()
        .addTitle(TITLE, HOLDER_ORG, TITLE_NAME)
        .addTitle(STRANGERS_TITLE, STRANGER.organizationId(), "Someone Else's Show")
        .addHolding(TITLE, new Holding(new HoldingId("h-1"), HELD, true, true, "a".repeat(64)));
    fixture = fixtureAt(NOW);
  }

  /** A fixture whose simulated time starts at {@code now}; the aggregate's Clock reads that time. */
  private AggregateTestFixture<Listing> fixtureAt(Instant now) {
    AggregateTestFixture<Listing> f = new AggregateTestFixture<>(Listing.class);
    f.registerInjectableResource(rights);
    f.registerInjectableResource(new FixtureClock(f));
    f.registerInjectableResource(AuctionSettings.DEFAULT);
    f.registerInjectableResource(new InMemoryIdempotencyKeys());
    f.givenCurrentTime(now);
    return f;
  }

  static RightsWindow window(TerritorySet territories, Media media, String start, String end) {
    return new RightsWindow(territories, MediaSet.of(media), LanguageSet.of("en"),
        Term.of(LocalDate.parse(start), LocalDate.parse(end)));
  }

  static CreateListing create(Actor actor, TitleId title, SaleTerms sale, Schedule schedule, int signingDays) {
    return new CreateListing(LISTING, actor, title, OFFERED, true, false, sale, schedule, signingDays, SETTLEMENT,
        "Exclusive SVOD, first run");
  }

  static CreateListing create() {
    return create(HOLDER, TITLE, ENGLISH, TIMED, 10);
  }

  static ListingCreated created(RightsWindow window) {
    return new ListingCreated(LISTING, TITLE.value(), TITLE_NAME, HOLDER_ORG, WindowTerms.of(window), true, false,
        ENGLISH, TIMED, 10, SETTLEMENT, "Exclusive SVOD, first run");
  }

  static ListingCreated created() {
    return created(OFFERED);
  }

  static ListingSubmitted submitted() {
    return new ListingSubmitted(LISTING, HOLDER.userId());
  }

  static ListingApproved approved() {
    return new ListingApproved(LISTING, OPERATOR.userId());
  }

  static BiddingOpened biddingOpened() {
    return new BiddingOpened(LISTING, BIDDING_STARTS, BIDDING_ENDS);
  }

  static TimedPeriodStarted timedPeriodStarted() {
    return new TimedPeriodStarted(LISTING, BIDDING_ENDS.plusSeconds(TIMED_PERIOD));
  }

  /** A moment inside the phase a listing in {@code status} is in, by its schedule. */
  static Instant during(ListingStatus status) {
    switch (status) {
      case BIDDING:
        return BIDDING_STARTS.plusSeconds(3_600);
      case COUNTDOWN:
        return BIDDING_ENDS.plusSeconds(100);
      case AWARDED:
      case FAILED:
        return BIDDING_ENDS.plusSeconds(3_600);
      default:
        return NOW;
    }
  }

  /** The events that bring a listing into {@code status}, the way the sale really gets there. */
  static List<Object> historyUpTo(ListingStatus status) {
    List<Object> events = new ArrayList<>(List.of(created()));
    if (status == ListingStatus.DRAFT) {
      return events;
    }
    events.add(submitted());
    if (status == ListingStatus.SUBMITTED) {
      return events;
    }
    events.add(approved());
    switch (status) {
      case ANNOUNCED:
        return events;
      case SUSPENDED:
        events.add(new ListingSuspended(LISTING, "court order", OPERATOR.userId(), ListingStatus.ANNOUNCED, NOW));
        return events;
      case WITHDRAWN:
        events.add(new ListingWithdrawn(LISTING, null, HOLDER.userId()));
        return events;
      default:
        break;
    }
    Instant closesAt = BIDDING_ENDS.plusSeconds(TIMED_PERIOD);
    events.add(new PlatformRegistered(LISTING, REGISTRATION, PLATFORM.organizationId(), "B-01", 10_000, "CNY"));
    events.add(new DepositReceived(LISTING, REGISTRATION, PLATFORM.organizationId(), 10_000, "CNY", "bank-1",
        "u-finance"));
    events.add(new BidderQualified(LISTING, REGISTRATION, OPERATOR.userId()));
    events.add(biddingOpened());
    if (status == ListingStatus.BIDDING) {
      return events;
    }
    events.add(timedPeriodStarted());
    switch (status) {
      case COUNTDOWN:
        return events;
      case FAILED:
        events.add(new ListingFailed(LISTING, FailureReason.NO_BIDS, closesAt));
        return events;
      case AWARDED:
        events.add(new BidPlaced(LISTING, "bid-1", 1, REGISTRATION, PLATFORM.organizationId(), "B-01", 150_000,
            "CNY", BIDDING_ENDS.plusSeconds(10), false, null, BIDDING_ENDS.plusSeconds(10 + TIMED_PERIOD)));
        events.add(new ListingAwarded(LISTING, "bid-1", REGISTRATION, PLATFORM.organizationId(), "B-01", 150_000,
            "CNY", BIDDING_ENDS.plusSeconds(10 + TIMED_PERIOD)));
        events.add(new DepositApplied(LISTING, REGISTRATION, PLATFORM.organizationId(), 10_000, "CNY"));
        return events;
      default:
        throw new IllegalArgumentException("no history for " + status);
    }
  }

  /** When the phase a listing was suspended in would have ended. */
  static Instant phaseEnd(ListingStatus status) {
    switch (status) {
      case ANNOUNCED:
        return BIDDING_STARTS;
      case BIDDING:
        return BIDDING_ENDS;
      case COUNTDOWN:
        return BIDDING_ENDS.plusSeconds(TIMED_PERIOD);
      default:
        throw new IllegalArgumentException("not suspendable: " + status);
    }
  }

  // ---- create ------------------------------------------------------------------------------

  @Test
  void creating_a_listing_for_an_owned_title_records_a_draft_with_the_title_name() {
    fixture.givenNoPriorActivity()
        .when(create())
        .expectEvents(created())
        .expectResultMessagePayload(LISTING.value());
  }

  @Test
  void creating_a_listing_for_another_organisations_title_is_refused_on_titleId() {
    fixture.givenNoPriorActivity()
        .when(create(HOLDER, STRANGERS_TITLE, ENGLISH, TIMED, 10))
        .expectNoEvents()
        .expectException(invalidValue("titleId"));
  }

  @Test
  void creating_a_listing_for_an_unknown_title_is_refused_on_titleId() {
    fixture.givenNoPriorActivity()
        .when(create(HOLDER, new TitleId("t-nowhere"), ENGLISH, TIMED, 10))
        .expectNoEvents()
        .expectException(invalidValue("titleId"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-03-01T09:00:00Z", "2026-02-28T09:00:00Z"})
  void creating_a_listing_whose_bidding_starts_now_or_earlier_is_refused(String start) {
    Instant startsAt = Instant.parse(start);
    fixture.givenNoPriorActivity()
        .when(create(HOLDER, TITLE, ENGLISH, new Schedule(startsAt, startsAt.plusSeconds(3_600), 300), 10))
        .expectNoEvents()
        .expectException(ruleViolation("schedule-in-past"));
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 0, 31})
  void creating_a_listing_with_signing_days_outside_1_to_30_is_refused(int signingDays) {
    fixture.givenNoPriorActivity()
        .when(create(HOLDER, TITLE, ENGLISH, TIMED, signingDays))
        .expectNoEvents()
        .expectException(invalidValue("signingDays"));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 30})
  void creating_a_listing_with_1_or_30_signing_days_is_accepted(int signingDays) {
    CreateListing command = create(HOLDER, TITLE, ENGLISH, TIMED, signingDays);
    fixture.givenNoPriorActivity()
        .when(command)
        .expectEvents(new ListingCreated(LISTING, TITLE.value(), TITLE_NAME, HOLDER_ORG, WindowTerms.of(OFFERED),
            true, false, ENGLISH, TIMED, signingDays, SETTLEMENT, command.description()));
  }

  @Test
  void an_english_auction_without_a_timed_period_is_refused() {
    Schedule untimed = new Schedule(BIDDING_STARTS, BIDDING_STARTS.plusSeconds(86_400), null);
    fixture.givenNoPriorActivity()
        .when(create(HOLDER, TITLE, ENGLISH, untimed, 10))
        .expectNoEvents()
        .expectException(ruleViolation("timed-period-required"));
  }

  @Test
  void a_sealed_bid_sale_needs_no_timed_period() {
    SaleTerms sealed = new SaleTerms(SaleMode.SEALED_BID, "CNY", 100_000, null, null, 0);
    Schedule untimed = new Schedule(BIDDING_STARTS, BIDDING_STARTS.plusSeconds(86_400), null);
    fixture.givenNoPriorActivity()
        .when(create(HOLDER, TITLE, sealed, untimed, 10))
        .expectEvents(new ListingCreated(LISTING, TITLE.value(), TITLE_NAME, HOLDER_ORG, WindowTerms.of(OFFERED),
            true, false, sealed, untimed, 10, SETTLEMENT, "Exclusive SVOD, first run"));
  }

  // ---- submit ------------------------------------------------------------------------------

  @Test
  void submitting_a_draft_within_the_avails_records_the_submission_and_returns_version_1() {
    fixture.given(created())
        .when(new SubmitListing(LISTING, HOLDER, null))
        .expectEvents(submitted())
        .expectResultMessagePayload(1L);
  }

  @Test
  void submitting_a_window_outside_the_holdings_is_refused() {
    fixture.given(created(NOT_HELD))
        .when(new SubmitListing(LISTING, HOLDER, null))
        .expectNoEvents()
        .expectException(ruleViolation("window-not-available"))
        .expectExceptionMessage(containsString("not held for territories [FR]"));
  }

  @Test
  void submitting_a_window_licensed_exclusively_elsewhere_is_refused() {
    rights.addGrant(TITLE, new Grant("c-9",
        window(TerritorySet.of("US"), Media.SVOD, "2026-09-01", "2026-09-30"), true));
    fixture.given(created())
        .when(new SubmitListing(LISTING, HOLDER, null))
        .expectNoEvents()
        .expectException(ruleViolation("window-not-available"))
        .expectExceptionMessage(containsString("exclusively licensed under contract c-9"));
  }

  @Test
  void submitting_once_bidding_should_have_started_is_refused() {
    fixtureAt(BIDDING_STARTS).given(created())
        .when(new SubmitListing(LISTING, HOLDER, null))
        .expectNoEvents()
        .expectException(ruleViolation("schedule-in-past"));
  }

  @Test
  void submitting_a_listing_that_is_not_a_draft_is_a_state_conflict() {
    fixture.given(created(), submitted())
        .when(new SubmitListing(LISTING, HOLDER, null))
        .expectNoEvents()
        .expectException(StateConflict.class)
        .expectExceptionMessage("Only a DRAFT listing can be submitted; this one is SUBMITTED");
  }

  @Test
  void to_another_organisation_a_draft_does_not_exist() {
    fixture.given(created())
        .when(new SubmitListing(LISTING, STRANGER, null))
        .expectNoEvents()
        .expectException(NotFound.class)
        .expectExceptionMessage("No listing with id l-1");
  }

  @Test
  void submitting_against_a_stale_version_is_refused() {
    fixture.given(created(), submitted(), new ListingRejected(LISTING, "fix the window", OPERATOR.userId()))
        .when(new SubmitListing(LISTING, HOLDER, 1L))
        .expectNoEvents()
        .expectException(ConflictingAggregateVersionException.class);
  }

  // ---- approve -----------------------------------------------------------------------------

  @Test
  void an_operator_approving_a_submitted_listing_announces_it_and_sets_the_timer_for_the_bidding_start() {
    fixture.given(created(), submitted())
        .when(new ApproveListing(LISTING, OPERATOR, null))
        .expectEvents(approved())
        .expectResultMessagePayload(2L)
        .expectScheduledDeadlineWithName(BIDDING_STARTS, "listing-timer")
        .expectScheduledDeadline(BIDDING_STARTS, new ListingTimer(0));
  }

  @Test
  void approval_by_anyone_but_an_operator_is_unauthorised() {
    fixture.given(created(), submitted())
        .when(new ApproveListing(LISTING, HOLDER, null))
        .expectNoEvents()
        .expectException(NotPermitted.class)
        .expectNoScheduledDeadlines();
  }

  @Test
  void only_a_submitted_listing_can_be_approved() {
    fixture.given(created())
        .when(new ApproveListing(LISTING, OPERATOR, null))
        .expectNoEvents()
        .expectException(StateConflict.class)
        .expectExceptionMessage("Only a SUBMITTED listing can be approved; this one is DRAFT");
  }

  @Test
  void approval_rechecks_the_avails_against_grants_made_since_submission() {
    rights.addGrant(TITLE, new Grant("c-7",
        window(TerritorySet.of("US"), Media.SVOD, "2027-01-01", "2027-03-31"), true));
    fixture.given(created(), submitted())
        .when(new ApproveListing(LISTING, OPERATOR, null))
        .expectNoEvents()
        .expectException(ruleViolation("window-not-available"))
        .expectExceptionMessage(containsString("exclusively licensed under contract c-7"))
        .expectNoScheduledDeadlines();
  }

  @Test
  void approval_once_bidding_should_have_started_is_refused() {
    fixtureAt(BIDDING_STARTS.plusSeconds(1)).given(created(), submitted())
        .when(new ApproveListing(LISTING, OPERATOR, null))
        .expectNoEvents()
        .expectException(ruleViolation("schedule-in-past"));
  }

  // ---- reject ------------------------------------------------------------------------------

  @Test
  void an_operator_rejecting_a_submitted_listing_records_the_trimmed_reason() {
    fixture.given(created(), submitted())
        .when(new RejectListing(LISTING, OPERATOR, "  evidence unreadable ", null))
        .expectEvents(new ListingRejected(LISTING, "evidence unreadable", OPERATOR.userId()))
        .expectResultMessagePayload(2L);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void a_rejection_without_a_reason_is_refused(String reason) {
    fixture.given(created(), submitted())
        .when(new RejectListing(LISTING, OPERATOR, reason, null))
        .expectNoEvents()
        .expectException(invalidValue("reason"));
  }

  @Test
  void a_rejection_with_a_null_reason_is_refused() {
    fixture.given(created(), submitted())
        .when(new RejectListing(LISTING, OPERATOR, null, null))
        .expectNoEvents()
        .expectException(invalidValue("reason"));
  }

  @Test
  void rejection_by_anyone_but_an_operator_is_unauthorised() {
    fixture.given(created(), submitted())
        .when(new RejectListing(LISTING, HOLDER, "self-rejection", null))
        .expectNoEvents()
        .expectException(NotPermitted.class);
  }

  @Test
  void only_a_submitted_listing_can_be_rejected() {
    fixture.given(created(), submitted(), approved())
        .when(new RejectListing(LISTING, OPERATOR, "too late", null))
        .expectNoEvents()
        .expectException(StateConflict.class);
  }

  @Test
  void a_rejected_listing_is_a_draft_again_and_can_be_resubmitted() {
    fixture.given(created(), submitted(), new ListingRejected(LISTING, "fix the window", OPERATOR.userId()))
        .when(new SubmitListing(LISTING, HOLDER, 2L))
        .expectEvents(submitted())
        .expectResultMessagePayload(3L);
  }

  // ---- withdraw ----------------------------------------------------------------------------

  @Test
  void the_holder_withdraws_its_draft() {
    fixture.given(created())
        .when(new WithdrawListing(LISTING, HOLDER, "changed our mind", null))
        .expectEvents(new ListingWithdrawn(LISTING, "changed our mind", HOLDER.userId()))
        .expectResultMessagePayload(1L);
  }

  @Test
  void an_operator_withdraws_an_announced_listing_of_another_organisation() {
    fixture.given(created(), submitted(), approved())
        .when(new WithdrawListing(LISTING, OPERATOR, "rights dispute", null))
        .expectEvents(new ListingWithdrawn(LISTING, "rights dispute", OPERATOR.userId()))
        .expectResultMessagePayload(3L);
  }

  @Test
  void another_organisation_cannot_withdraw_a_draft_it_cannot_see() {
    fixture.given(created())
        .when(new WithdrawListing(LISTING, STRANGER, "mischief", null))
        .expectNoEvents()
        .expectException(NotFound.class);
  }

  @Test
  void another_organisation_withdrawing_an_announced_listing_is_unauthorised() {
    fixture.given(created(), submitted(), approved())
        .when(new WithdrawListing(LISTING, STRANGER, "mischief", null))
        .expectNoEvents()
        .expectException(NotPermitted.class);
  }

  @ParameterizedTest
  @EnumSource(value = ListingStatus.class, names = {"BIDDING", "COUNTDOWN", "AWARDED", "FAILED"})
  void a_listing_can_no_longer_be_withdrawn_once_bidding_has_begun(ListingStatus status) {
    fixtureAt(during(status)).given(historyUpTo(status))
        .when(new WithdrawListing(LISTING, HOLDER, "too late", null))
        .expectNoEvents()
        .expectException(StateConflict.class)
        .expectExceptionMessage("A listing that is " + status + " can no longer be withdrawn");
  }

  @Test
  void once_the_bidding_start_has_passed_a_listing_cannot_be_withdrawn_even_before_its_timer_fired() {
    fixtureAt(BIDDING_STARTS.plusSeconds(1)).given(created(), submitted(), approved())
        .when(new WithdrawListing(LISTING, HOLDER, "just in time?", null))
        .expectNoEvents()
        .expectException(StateConflict.class)
        .expectExceptionMessage("A listing that is BIDDING can no longer be withdrawn");
  }

  @Test
  void withdrawing_an_announced_listing_releases_the_deposits_it_holds() {
    fixture.given(created(), submitted(), approved(),
            new PlatformRegistered(LISTING, REGISTRATION, PLATFORM.organizationId(), "B-01", 10_000, "CNY"),
            new DepositReceived(LISTING, REGISTRATION, PLATFORM.organizationId(), 10_000, "CNY", "bank-1",
                "u-finance"))
        .when(new WithdrawListing(LISTING, OPERATOR, "rights dispute", null))
        .expectEvents(new ListingWithdrawn(LISTING, "rights dispute", OPERATOR.userId()),
            new DepositReleased(LISTING, REGISTRATION, PLATFORM.organizationId(),
                10_000, "CNY"));
  }

  @Test
  void a_withdrawn_listing_cannot_be_withdrawn_again() {
    fixture.given(created(), new ListingWithdrawn(LISTING, null, HOLDER.userId()))
        .when(new WithdrawListing(LISTING, OPERATOR, "again", null))
        .expectNoEvents()
        .expectException(StateConflict.class);
  }

  // ---- suspend and resume ------------------------------------------------------------------

  @Test
  void an_operator_suspends_an_announced_listing_remembering_where_it_was() {
    fixture.given(created(), submitted(), approved())
        .when(new SuspendListing(LISTING, OPERATOR, " court order ", null))
        .expectEvents(new ListingSuspended(LISTING, "court order", OPERATOR.userId(), ListingStatus.ANNOUNCED, NOW))
        .expectResultMessagePayload(3L);
  }

  @Test
  void suspension_by_anyone_but_an_operator_is_unauthorised() {
    fixture.given(created(), submitted(), approved())
        .when(new SuspendListing(LISTING, HOLDER, "pause", null))
        .expectNoEvents()
        .expectException(NotPermitted.class);
  }

  @Test
  void a_suspension_without_a_reason_is_refused() {
    fixture.given(created(), submitted(), approved())
        .when(new SuspendListing(LISTING, OPERATOR, " ", null))
        .expectNoEvents()
        .expectException(invalidValue("reason"));
  }

  @ParameterizedTest
  @EnumSource(value = ListingStatus.class,
      names = {"DRAFT", "SUBMITTED", "AWARDED", "FAILED", "WITHDRAWN", "SUSPENDED"})
  void a_listing_that_is_not_announced_or_in_bidding_cannot_be_suspended(ListingStatus status) {
    fixtureAt(during(status)).given(historyUpTo(status))
        .when(new SuspendListing(LISTING, OPERATOR, "pause", null))
        .expectNoEvents()
        .expectException(StateConflict.class)
        .expectExceptionMessage("A listing that is " + status + " cannot be suspended");
  }

  @ParameterizedTest
  @EnumSource(value = ListingStatus.class, names = {"ANNOUNCED", "BIDDING", "COUNTDOWN"})
  void resuming_returns_the_listing_to_the_status_it_left_with_its_phase_end_shifted_by_the_pause(
      ListingStatus left) {
    Instant suspendedAt = during(left);
    List<Object> history = historyUpTo(left);
    history.add(new ListingSuspended(LISTING, "court order", OPERATOR.userId(), left, suspendedAt));
    Instant shifted = phaseEnd(left).plus(PAUSE);
    fixtureAt(suspendedAt.plus(PAUSE)).given(history)
        .when(new ResumeListing(LISTING, OPERATOR, null))
        .expectEvents(new ListingResumed(LISTING, OPERATOR.userId(), left, shifted))
        .expectResultMessagePayload((long) history.size())
        .expectScheduledDeadline(shifted, new ListingTimer(1));
  }

  @ParameterizedTest
  @EnumSource(value = ListingStatus.class, names = {"BIDDING", "COUNTDOWN"})
  void an_operator_suspending_a_listing_records_the_moment_and_the_status_it_left(ListingStatus status) {
    fixtureAt(during(status)).given(historyUpTo(status))
        .when(new SuspendListing(LISTING, OPERATOR, "court order", null))
        .expectEvents(new ListingSuspended(LISTING, "court order", OPERATOR.userId(), status, during(status)));
  }

  @Test
  void a_listing_resumed_to_announced_can_be_withdrawn_again() {
    fixture.given(created(), submitted(), approved(),
            new ListingSuspended(LISTING, "court order", OPERATOR.userId(), ListingStatus.ANNOUNCED,
                NOW.minus(PAUSE)),
            new ListingResumed(LISTING, OPERATOR.userId(), ListingStatus.ANNOUNCED, BIDDING_STARTS.plus(PAUSE)))
        .when(new WithdrawListing(LISTING, HOLDER, "after all", null))
        .expectEvents(new ListingWithdrawn(LISTING, "after all", HOLDER.userId()))
        .expectResultMessagePayload(5L);
  }

  @Test
  void while_suspended_a_listing_cannot_be_withdrawn() {
    fixture.given(created(), submitted(), approved(),
            new ListingSuspended(LISTING, "court order", OPERATOR.userId(), ListingStatus.ANNOUNCED, NOW))
        .when(new WithdrawListing(LISTING, HOLDER, "now", null))
        .expectNoEvents()
        .expectException(StateConflict.class);
  }

  @Test
  void resuming_by_anyone_but_an_operator_is_unauthorised() {
    fixture.given(created(), submitted(), approved(),
            new ListingSuspended(LISTING, "court order", OPERATOR.userId(), ListingStatus.ANNOUNCED, NOW))
        .when(new ResumeListing(LISTING, HOLDER, null))
        .expectNoEvents()
        .expectException(NotPermitted.class);
  }

  @Test
  void only_a_suspended_listing_can_be_resumed() {
    fixture.given(created(), submitted(), approved())
        .when(new ResumeListing(LISTING, OPERATOR, null))
        .expectNoEvents()
        .expectException(StateConflict.class)
        .expectExceptionMessage("Only a SUSPENDED listing can be resumed; this one is ANNOUNCED");
  }

  @Test
  void the_refusal_matchers_tell_fields_and_codes_apart() {
    assertThat(invalidValue("reason").matches(new InvalidValue("reason", "x"))).isTrue();
    assertThat(invalidValue("reason").matches(new InvalidValue("titleId", "x"))).isFalse();
    assertThat(ruleViolation("a").matches(new RuleViolation("b", "x"))).isFalse();
    assertThat(ruleViolation("a").matches(new StateConflict("x"))).isFalse();
  }
}
