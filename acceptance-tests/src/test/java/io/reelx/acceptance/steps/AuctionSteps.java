package io.reelx.acceptance.steps;

import static io.reelx.acceptance.support.Calls.expectSuccess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.reelx.acceptance.support.Actor;
import io.reelx.acceptance.support.Auction;
import io.reelx.acceptance.support.Backstage;
import io.reelx.acceptance.support.Pace;
import io.reelx.acceptance.support.ParameterTypes;
import io.reelx.acceptance.support.Requests;
import io.reelx.acceptance.support.RunningExchange;
import io.reelx.acceptance.support.World;
import io.reelx.client.ApiResponse;
import io.reelx.client.model.AuctionOutcome;
import io.reelx.client.model.AuctionResult;
import io.reelx.client.model.Bid;
import io.reelx.client.model.BidRequest;
import io.reelx.client.model.CreateListingRequest;
import io.reelx.client.model.DepositReceipt;
import io.reelx.client.model.DepositStatus;
import io.reelx.client.model.FailureReason;
import io.reelx.client.model.Listing;
import io.reelx.client.model.ListingStatus;
import io.reelx.client.model.OrderBook;
import io.reelx.client.model.Registration;
import io.reelx.client.model.RegistrationStatus;
import io.reelx.client.model.Role;
import io.reelx.client.model.SaleMode;
import io.reelx.client.model.SettlementTerms;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.groups.Tuple;

/**
 * Qualification, bidding and the close of a sale, as the platforms, finance, the operator and the
 * holder see them. Schedules are seconds long; waits are on what the order book shows.
 */
public class AuctionSteps {

  private final World world;
  private final Backstage backstage;
  private final Auction auction;
  private final ParameterTypes words;
  private ApiResponse<Bid> firstAnswer;
  private ApiResponse<Bid> retryAnswer;
  private String idempotencyKey;

  public AuctionSteps(World world, Backstage backstage, Auction auction, ParameterTypes words) {
    this.world = world;
    this.backstage = backstage;
    this.auction = auction;
    this.words = words;
  }

  @After
  public void stopFollowing() {
    auction.closeStreams();
  }

  // ------------------------------------------------------------------ arranged

  @Given("a finance officer {string} at the exchange")
  public void aFinanceOfficer(String alias) {
    auction.finance(backstage.openAccount(alias, world.exchangeOrganizationId(), List.of(Role.FINANCE.getValue())));
  }

  @Given("{actor} has announced an English auction of {string}:")
  public void hasAnnouncedAnEnglishAuction(Actor holder, String title, Map<String, String> terms) {
    announce(holder, title, SaleMode.ENGLISH, terms);
  }

  @Given("{actor} has announced a sealed-bid sale of {string}:")
  public void hasAnnouncedASealedBidSale(Actor holder, String title, Map<String, String> terms) {
    announce(holder, title, SaleMode.SEALED_BID, terms);
  }

  @Given("{actor} has announced {string} for sale at a fixed price:")
  public void hasAnnouncedAFixedPriceSale(Actor holder, String title, Map<String, String> terms) {
    announce(holder, title, SaleMode.FIXED_PRICE, terms);
  }

  /**
   * The schedule written in the feature is a minimum: the opening is put far enough ahead, and the
   * windows made long enough, for the calls the scenario makes before and inside them on this
   * machine today (see {@link Pace}); each announcement is made afresh from the written terms.
   */
  private void announce(Actor holder, String title, SaleMode mode, Map<String, String> terms) {
    Requests.SaleSchedule written = Requests.SaleSchedule.of(mode, terms);
    Optional<SettlementTerms> settlementTerms = world.takeNextListingTerms();
    String titleId = world.title(title).getId();
    auction.announce(holder, written.opensIn(), lead -> {
      CreateListingRequest request = Requests.sale(titleId, mode, written.otherTerms(),
          OffsetDateTime.now(ZoneOffset.UTC).plus(lead), Pace.window(written.open()),
          written.timedPeriod() == null ? null : Pace.window(written.timedPeriod()));
      settlementTerms.ifPresent(request::settlementTerms);
      return backstage.announce(holder, request);
    });
    assertThat(world.listing().getStatus()).isEqualTo(ListingStatus.ANNOUNCED);
  }

  @Given("{actors} has/have registered for the listing")
  public void haveRegistered(List<Actor> platforms) {
    platforms.forEach(this::register);
  }

  @Given("{actors} has/have qualified for the listing")
  public void haveQualified(List<Actor> platforms) {
    platforms.forEach(this::register);
    platforms.forEach(this::recordDeposit);
    platforms.forEach(this::qualify);
  }

  private void register(Actor platform) {
    auction.setUp(() -> registerNow(platform));
  }

  private void recordDeposit(Actor platform) {
    auction.setUp(() -> recordDepositNow(platform));
  }

  private void qualify(Actor platform) {
    auction.setUp(() -> qualifyNow(platform));
  }

  private void registerNow(Actor platform) {
    Registration registration = expectSuccess(platform + " registering for the listing",
        () -> platform.auctions().registerForListing(auction.listingId(), null));
    assertThat(registration.getOrganizationId()).isEqualTo(platform.organizationId());
    assertThat(registration.getStatus()).isEqualTo(RegistrationStatus.REGISTERED);
    assertThat(registration.getDepositStatus()).isEqualTo(DepositStatus.NONE);
    assertThat(registration.getBidderCode()).isNotBlank();
    auction.registered(platform, registration);
  }

  private void recordDepositNow(Actor platform) {
    Registration registration = auction.registration(platform);
    DepositReceipt receipt = new DepositReceipt()
        .amount(registration.getDeposit())
        .currency(registration.getCurrency())
        .bankReference("BOC-" + RunningExchange.randomSecret(12));
    Registration updated = expectSuccess(auction.finance() + " recording the deposit of " + platform,
        () -> auction.finance().auctions().recordDepositReceived(auction.listingId(), registration.getId(), receipt,
            "deposit-" + registration.getId()));
    assertThat(updated.getStatus()).isEqualTo(RegistrationStatus.DEPOSIT_RECEIVED);
    assertThat(updated.getDepositStatus()).isEqualTo(DepositStatus.HELD);
    assertThat(updated.getDepositReceived()).isEqualTo(registration.getDeposit());
    assertThat(updated.getBankReference()).isEqualTo(receipt.getBankReference());
    auction.registered(platform, updated);
  }

  private void qualifyNow(Actor platform) {
    Registration registration = auction.registration(platform);
    Registration updated = expectSuccess("The operator qualifying " + platform,
        () -> world.operator().auctions().qualifyBidder(auction.listingId(), registration.getId()));
    assertThat(updated.getStatus()).isEqualTo(RegistrationStatus.QUALIFIED);
    assertThat(updated.getQualifiedAt()).isNotNull();
    auction.registered(platform, updated);
  }

  // ------------------------------------------------------------------ qualification

  @When("{actor} records the deposit(s) of {actors} as received")
  public void recordsTheDeposits(Actor officer, List<Actor> platforms) {
    assertThat(officer).isSameAs(auction.finance());
    platforms.forEach(this::recordDeposit);
  }

  @When("the operator qualifies {actors}")
  public void theOperatorQualifies(List<Actor> platforms) {
    platforms.forEach(this::qualify);
  }

  @Then("{actors} is/are qualified to bid, with the deposit(s) held")
  public void areQualifiedWithDepositsHeld(List<Actor> platforms) {
    List<Registration> all = registrations(auction.finance());
    for (Actor platform : platforms) {
      assertThat(all).filteredOn(r -> r.getId().equals(auction.registration(platform).getId()))
          .singleElement()
          .satisfies(r -> {
            assertThat(r.getStatus()).isEqualTo(RegistrationStatus.QUALIFIED);
            assertThat(r.getDepositStatus()).isEqualTo(DepositStatus.HELD);
          });
    }
    // Each platform sees its own registration, and only that one.
    for (Actor platform : platforms) {
      assertThat(registrations(platform)).extracting(Registration::getOrganizationId)
          .containsExactly(platform.organizationId());
    }
    assertThat(platforms).extracting(auction::bidderCodeOf).doesNotHaveDuplicates();
  }

  @Then("the deposit(s) of {actors} is/are {word}")
  public void theDepositsAre(List<Actor> platforms, String status) {
    DepositStatus expected = DepositStatus.fromValue(status);
    await("deposits " + expected).atMost(Auction.SLACK).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
      List<Registration> all = registrations(auction.finance());
      for (Actor platform : platforms) {
        assertThat(all).filteredOn(r -> r.getId().equals(auction.registration(platform).getId()))
            .singleElement()
            .extracting(Registration::getDepositStatus)
            .as("the deposit of %s", platform)
            .isEqualTo(expected);
      }
    });
  }

  private List<Registration> registrations(Actor reader) {
    return expectSuccess(reader + " listing the registrations",
        () -> reader.auctions().listRegistrations(auction.listingId()));
  }

  // ------------------------------------------------------------------ the clock

  @When("bidding opens")
  public void biddingOpens() {
    Duration atMost = Auction.until(world.listing().getSchedule().getBiddingStartsAt()).plus(Auction.SLACK);
    auction.biddingOpened();
    OrderBook book = auction.awaitOrderBook("bidding opens", atMost, b -> b.getStatus() != ListingStatus.ANNOUNCED);
    sawActedOn(world.listing().getSchedule().getBiddingStartsAt());
    assertThat(book.getStatus()).isEqualTo(ListingStatus.BIDDING);
    assertThat(book.getClosesAt()).as("bidding runs until the end of the schedule")
        .isCloseTo(world.listing().getSchedule().getBiddingEndsAt(), within(1, ChronoUnit.MILLIS));
    auction.closesAt(book.getClosesAt());
  }

  @When("the timed period begins")
  public void theTimedPeriodBegins() {
    OrderBook book = auction.awaitOrderBook("the timed period begins",
        Auction.until(world.listing().getSchedule().getBiddingEndsAt()).plus(Auction.SLACK),
        b -> b.getStatus() != ListingStatus.BIDDING);
    sawActedOn(world.listing().getSchedule().getBiddingEndsAt());
    assertThat(book.getStatus()).isEqualTo(ListingStatus.COUNTDOWN);
    int period = world.listing().getSchedule().getTimedPeriodSeconds();
    assertThat(book.getTimedPeriodSeconds()).isEqualTo(period);
    assertThat(book.getClosesAt()).as("the countdown runs one timed period from the end of the free period")
        .isCloseTo(world.listing().getSchedule().getBiddingEndsAt().plusSeconds(period), within(1, ChronoUnit.MILLIS));
    auction.closesAt(book.getClosesAt());
  }

  @When("no one bids for the timed period")
  public void noOneBidsForTheTimedPeriod() {
    awaitTheClose();
  }

  @When("the bidding deadline passes")
  public void theBiddingDeadlinePasses() {
    awaitTheClose();
  }

  private void awaitTheClose() {
    OrderBook book = auction.awaitOrderBook("the sale closes", Auction.until(auction.closesAt()).plus(Auction.SLACK),
        b -> b.getResult() != null);
    sawActedOn(auction.closesAt());
    assertThat(book.getResult().getClosedAt()).as("the sale closed when its time ran out")
        .isCloseTo(auction.closesAt(), within(1, ChronoUnit.MILLIS));
  }

  /** How late the scenario saw the exchange act on a deadline tells how to size the next windows. */
  private static void sawActedOn(OffsetDateTime deadline) {
    Pace.sawDeadlineActedOnAfter(Duration.between(deadline, OffsetDateTime.now()));
  }

  // ------------------------------------------------------------------ bidding

  @When("{actor} bids {amount} {word}")
  public void bids(Actor platform, Long amount, String currency) {
    Bid bid = expectSuccess(platform + " bidding " + amount + " " + currency,
        () -> platform.auctions().placeBid(auction.listingId(), new BidRequest().amount(amount).currency(currency), null));
    assertThat(bid.getId()).isNotBlank();
    assertThat(bid.getListingId()).isEqualTo(auction.listingId());
    assertThat(bid.getAmount()).isEqualTo(amount);
    assertThat(bid.getCurrency()).isEqualTo(currency);
    assertThat(bid.getMine()).isTrue();
    assertThat(bid.getBidderCode()).isEqualTo(auction.bidderCodeOf(platform));
    assertThat(bid.getPlacedAt()).isNotNull();
    auction.placed(platform, bid);
  }

  @When("{actor} replaces its bid with {amount} {word}")
  public void replacesItsBid(Actor platform, Long amount, String currency) {
    bids(platform, amount, currency);
  }

  @When("{actor} tries to bid {amount} {word}")
  public void triesToBid(Actor platform, Long amount, String currency) {
    world.attempt(() -> platform.auctions()
        .placeBid(auction.listingId(), new BidRequest().amount(amount).currency(currency), null));
  }

  @When("{actor} buys the listing")
  public void buysTheListing(Actor platform) {
    Bid bid = expectSuccess(platform + " buying the listing",
        () -> platform.auctions().buyListing(auction.listingId(), null));
    assertThat(bid.getAmount()).isEqualTo(world.listing().getStartingPrice());
    assertThat(bid.getCurrency()).isEqualTo(world.listing().getCurrency());
    assertThat(bid.getMine()).isTrue();
    assertThat(bid.getBidderCode()).isEqualTo(auction.bidderCodeOf(platform));
    auction.placed(platform, bid);
  }

  @When("{actor} tries to buy the listing")
  public void triesToBuyTheListing(Actor platform) {
    world.attempt(() -> platform.auctions().buyListing(auction.listingId(), null));
  }

  @Then("the current high is {amount} {word} by {actor}")
  public void theCurrentHighIs(Long amount, String currency, Actor platform) {
    OrderBook book = auction.awaitOrderBook("the order book shows every bid placed", Auction.READ_MODEL_LAG,
        this::showsEveryBidPlaced);
    assertThat(book.getCurrency()).isEqualTo(currency);
    assertThat(book.getCurrentHigh()).as("current high of %s", book).isEqualTo(amount);
    assertThat(book.getCurrentHighBidderCode()).isEqualTo(auction.bidderCodeOf(platform));
  }

  /** Every bid of the scenario is in the book (open bids; the operator sees no sealed bid before the close). */
  private boolean showsEveryBidPlaced(OrderBook book) {
    return book.getBids().stream().map(Bid::getId).toList().containsAll(auction.bidIds());
  }

  @Then("no bid so far restarted the countdown")
  public void noBidRestartedTheCountdown() {
    OrderBook book = auction.awaitOrderBook("the order book shows every bid placed", Auction.READ_MODEL_LAG,
        this::showsEveryBidPlaced);
    OffsetDateTime freePeriodEnd = world.listing().getSchedule().getBiddingEndsAt();
    assertThat(auction.lastBid().getPlacedAt())
        .as("the scenario's premise: the bids came before the free period ended (%s)", Pace.describe())
        .isBefore(freePeriodEnd);
    assertThat(book.getStatus()).isEqualTo(ListingStatus.BIDDING);
    assertThat(book.getBids()).isNotEmpty().allSatisfy(b -> assertThat(b.getExtendedTo()).isNull());
  }

  @Then("the bid restarts the countdown")
  public void theBidRestartsTheCountdown() {
    Bid bid = auction.lastBid();
    int period = world.listing().getSchedule().getTimedPeriodSeconds();
    assertThat(bid.getExtendedTo()).as("the bid's new countdown end").isNotNull()
        .isCloseTo(bid.getPlacedAt().plusSeconds(period), within(1, ChronoUnit.MILLIS))
        .isAfter(auction.closesAt());
    OrderBook book = auction.awaitOrderBook("the order book shows the bid and the new countdown end",
        Auction.READ_MODEL_LAG, b -> b.getClosesAt() != null && showsEveryBidPlaced(b)
            && !b.getClosesAt().isBefore(bid.getExtendedTo().minusNanos(1_000_000)));
    assertThat(book.getStatus()).isEqualTo(ListingStatus.COUNTDOWN);
    assertThat(book.getClosesAt()).isCloseTo(bid.getExtendedTo(), within(1, ChronoUnit.MILLIS));
    assertThat(book.getBids()).first().extracting(Bid::getId).isEqualTo(bid.getId());
    auction.closesAt(book.getClosesAt());
  }

  @Then("no bid has been placed")
  public void noBidHasBeenPlaced() {
    theOrderBookHolds(0);
  }

  @Then("the order book holds {int} bid(s)")
  public void theOrderBookHolds(int count) {
    OrderBook book = auction.awaitOrderBook("the order book shows every bid placed", Auction.READ_MODEL_LAG,
        this::showsEveryBidPlaced);
    assertThat(book.getBidCount()).as("bid count of %s", book).isEqualTo(count);
    assertThat(book.getBids()).hasSize(count);
  }

  // ------------------------------------------------------------------ sealed bids

  @Then("{actor} sees only its own sealed bid of {amount} {word} and no current high")
  public void seesOnlyItsOwnSealedBid(Actor platform, Long amount, String currency) {
    String own = auction.lastBidOf(platform).getId();
    OrderBook book = auction.awaitOrderBook(platform, platform + " finds its bid in the order book",
        Auction.READ_MODEL_LAG, b -> b.getBids().stream().anyMatch(bid -> bid.getId().equals(own)));
    assertThat(book.getSaleMode()).isEqualTo(SaleMode.SEALED_BID);
    assertThat(book.getStatus()).isEqualTo(ListingStatus.BIDDING);
    assertThat(book.getCurrentHigh()).as("current high before the close").isNull();
    assertThat(book.getCurrentHighBidderCode()).isNull();
    assertThat(book.getResult()).isNull();
    assertThat(book.getBids()).as("the bids %s sees", platform).singleElement().satisfies(b -> {
      assertThat(b.getMine()).isTrue();
      assertThat(b.getSealed()).isTrue();
      assertThat(b.getBidderCode()).isEqualTo(auction.bidderCodeOf(platform));
      assertThat(b.getAmount()).isEqualTo(amount);
      assertThat(b.getCurrency()).isEqualTo(currency);
    });
  }

  @Then("the bids are revealed to {actors}:")
  public void theBidsAreRevealed(List<Actor> viewers, DataTable table) {
    List<Map<String, String>> rows = table.asMaps();
    Tuple[] expected = rows.stream()
        .map(r -> tuple(auction.bidderCodeOf(world.actor(r.get("bidder"))), words.amount(r.get("amount")), false))
        .toArray(Tuple[]::new);
    long high = rows.stream().mapToLong(r -> words.amount(r.get("amount"))).max().orElseThrow();
    for (Actor viewer : viewers) {
      OrderBook book = auction.awaitOrderBook(viewer, "the bids are revealed to " + viewer, Auction.READ_MODEL_LAG,
          b -> b.getBids().size() == rows.size() && b.getBids().stream().noneMatch(Bid::getSealed));
      assertThat(book.getBids()).as("the bids %s sees after the close", viewer)
          .extracting(Bid::getBidderCode, Bid::getAmount, Bid::getSealed)
          .containsExactlyInAnyOrder(expected);
      assertThat(book.getBids()).allSatisfy(b ->
          assertThat(b.getMine()).isEqualTo(b.getBidderCode().equals(auction.bidderCodeOf(viewer))));
      assertThat(book.getBidCount()).isEqualTo(rows.size());
      assertThat(book.getCurrentHigh()).isEqualTo(high);
    }
  }

  // ------------------------------------------------------------------ the result

  @Then("the listing is AWARDED to {actor} at {amount} {word}")
  public void theListingIsAwardedTo(Actor winner, Long price, String currency) {
    OrderBook book = auction.awaitOrderBook("the listing is awarded", Auction.SLACK, b -> b.getResult() != null);
    assertThat(book.getStatus()).isEqualTo(ListingStatus.AWARDED);
    assertThat(book.getClosesAt()).as("no phase is running any more").isNull();
    AuctionResult result = book.getResult();
    assertThat(result.getOutcome()).isEqualTo(AuctionOutcome.AWARDED);
    assertThat(result.getWinnerBidderCode()).isEqualTo(auction.bidderCodeOf(winner));
    assertThat(result.getWinnerOrganizationId()).as("shown to the operator").isEqualTo(winner.organizationId());
    assertThat(result.getPrice()).isEqualTo(price);
    assertThat(result.getCurrency()).isEqualTo(currency);
    assertThat(result.getFailureReason()).isNull();
    Listing listing = backstage.reread(world.operator());
    assertThat(listing.getStatus()).isEqualTo(ListingStatus.AWARDED);
    assertThat(listing.getResult()).isEqualTo(result);
    OrderBook winners = auction.orderBook(winner);
    assertThat(winners.getResult().getWinnerOrganizationId()).as("shown to the winner itself")
        .isEqualTo(winner.organizationId());
  }

  @Then("the listing FAILED because the best bid was {word}")
  public void theListingFailedBecause(String reason) {
    OrderBook book = auction.awaitOrderBook("the listing fails", Auction.SLACK, b -> b.getResult() != null);
    assertThat(book.getStatus()).isEqualTo(ListingStatus.FAILED);
    AuctionResult result = book.getResult();
    assertThat(result.getOutcome()).isEqualTo(AuctionOutcome.FAILED);
    assertThat(result.getFailureReason()).isEqualTo(FailureReason.fromValue(reason));
    assertThat(result.getWinnerBidderCode()).isNull();
    assertThat(result.getWinnerOrganizationId()).isNull();
    assertThat(result.getPrice()).isNull();
    assertThat(backstage.reread(world.operator()).getStatus()).isEqualTo(ListingStatus.FAILED);
  }

  @Then("{actor} learns that it lost, without learning who won")
  public void learnsThatItLost(Actor loser) {
    AuctionResult result = auction.orderBook(loser).getResult();
    assertThat(result.getOutcome()).isEqualTo(AuctionOutcome.AWARDED);
    assertThat(result.getWinnerBidderCode()).isNotEqualTo(auction.bidderCodeOf(loser));
    assertThat(result.getWinnerOrganizationId()).as("the winner's organisation, shown to a loser").isNull();
  }

  // ------------------------------------------------------------------ retries

  @When("{actor} bids {amount} {word} with a fresh idempotency key")
  public void bidsWithAnIdempotencyKey(Actor platform, Long amount, String currency) {
    idempotencyKey = "bid-" + RunningExchange.randomSecret(16);
    firstAnswer = expectSuccess(platform + " bidding", () -> platform.auctions().placeBidWithHttpInfo(
        auction.listingId(), new BidRequest().amount(amount).currency(currency), idempotencyKey));
    auction.placed(platform, firstAnswer.getData());
  }

  @When("{actor} sends that bid again with the same idempotency key")
  public void sendsThatBidAgain(Actor platform) {
    Bid first = firstAnswer.getData();
    retryAnswer = expectSuccess(platform + " retrying the bid", () -> platform.auctions().placeBidWithHttpInfo(
        auction.listingId(), new BidRequest().amount(first.getAmount()).currency(first.getCurrency()),
        idempotencyKey));
  }

  @When("{actor} sends a bid of {amount} {word} under that same idempotency key")
  public void sendsAnotherBidUnderTheSameKey(Actor platform, Long amount, String currency) {
    world.attempt(() -> platform.auctions()
        .placeBid(auction.listingId(), new BidRequest().amount(amount).currency(currency), idempotencyKey));
  }

  @Then("the second answer says it is a replay")
  public void theSecondAnswerSaysItIsAReplay() {
    assertThat(retryAnswer.getHeaders().entrySet()).as("headers of the replayed answer")
        .anySatisfy(h -> {
          assertThat(h.getKey()).isEqualToIgnoringCase("Idempotent-Replayed");
          assertThat(h.getValue()).containsExactly("true");
        });
    assertThat(firstAnswer.getHeaders().keySet()).as("headers of the first answer")
        .noneSatisfy(h -> assertThat(h).isEqualToIgnoringCase("Idempotent-Replayed"));
  }

  @Then("both answers name the same bid")
  public void bothAnswersNameTheSameBid() {
    Bid first = firstAnswer.getData();
    Bid retry = retryAnswer.getData();
    assertThat(firstAnswer.getStatusCode()).isEqualTo(201);
    assertThat(retryAnswer.getStatusCode()).as("the status of the replayed answer").isEqualTo(201);
    assertThat(retry.getId()).isEqualTo(first.getId());
    assertThat(retry.getAmount()).isEqualTo(first.getAmount());
    assertThat(retry.getCurrency()).isEqualTo(first.getCurrency());
    assertThat(retry.getBidderCode()).isEqualTo(first.getBidderCode());
    assertThat(retry.getMine()).isTrue();
  }

  /** "A replay returns the first response" (DESIGN §4). */
  @Then("the second answer repeats the first exactly")
  public void theSecondAnswerRepeatsTheFirst() {
    assertThat(retryAnswer.getData()).as("the replayed answer vs the first")
        .usingRecursiveComparison().isEqualTo(firstAnswer.getData());
  }

  @Then("the order book holds that one bid")
  public void theOrderBookHoldsThatOneBid() {
    OrderBook book = auction.awaitOrderBook("the order book shows the bid", Auction.READ_MODEL_LAG,
        this::showsEveryBidPlaced);
    assertThat(book.getBidCount()).isEqualTo(1);
    assertThat(book.getBids()).extracting(Bid::getId).containsExactly(firstAnswer.getData().getId());
  }
}
