package io.reelx.acceptance.steps;

import static io.reelx.acceptance.support.Calls.expectSuccess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.reelx.acceptance.support.Actor;
import io.reelx.acceptance.support.Auction;
import io.reelx.acceptance.support.DemoExchange;
import io.reelx.acceptance.support.World;
import io.reelx.client.model.Bid;
import io.reelx.client.model.BidRequest;
import io.reelx.client.model.Listing;
import io.reelx.client.model.ListingStatus;
import io.reelx.client.model.Me;
import io.reelx.client.model.OrderBook;
import io.reelx.client.model.SaleMode;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A visitor driving the demo market of an exchange started with {@code --demo}
 * ({@link DemoExchange}): signing in with a password from the demo's credentials file, finding the
 * live auction, bidding in its countdown. Waits are on what the order book shows.
 */
public class DemoSteps {

  /** How the demo describes its open sales (the live auction's description starts so). */
  private static final String OPEN_DEMO_SALE = "Open demo sale";

  private final World world;
  private DemoExchange demo;
  private Actor visitor;
  private Listing live;
  private OffsetDateTime countdownEnd;
  private Bid bid;

  public DemoSteps(World world) {
    this.world = world;
  }

  @Given("an exchange started with --demo")
  public void anExchangeStartedWithDemo() {
    demo = DemoExchange.get();
  }

  @Given("{string} signs in with the password from the demo credentials file")
  public void signsInWithTheDemoPassword(String username) throws Exception {
    assertThat(Files.getPosixFilePermissions(demo.credentialsFile())).as("only its owner reads the file")
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    Map<String, String> passwords = demo.passwords();
    assertThat(passwords).as("the users in %s", demo.credentialsFile()).containsKey(username);
    visitor = world.userOf(demo.baseUri(), username, username, passwords.get(username));
    Me me = expectSuccess(username + " asking who it is", () -> visitor.me().getMe());
    assertThat(me.getUsername()).isEqualTo(username);
  }

  @When("{string} looks for the live English auction among the listings")
  public void looksForTheLiveAuction(String username) {
    List<Listing> open = expectSuccess(username + " searching the listings",
        () -> visitor.listings().listListings(null, null, null, null, 0, 100)).getItems().stream()
        .filter(l -> l.getSaleMode() == SaleMode.ENGLISH)
        .filter(l -> l.getDescription() != null && l.getDescription().startsWith(OPEN_DEMO_SALE))
        .filter(l -> EnumSet.of(ListingStatus.ANNOUNCED, ListingStatus.BIDDING, ListingStatus.COUNTDOWN)
            .contains(l.getStatus()))
        .toList();
    assertThat(open).as("the demo's live English auction").hasSize(1);
    live = open.get(0);
    assertThat(live.getSchedule().getTimedPeriodSeconds()).isEqualTo(DemoExchange.TIMED_PERIOD_SECONDS);
  }

  @When("its countdown is running")
  public void itsCountdownIsRunning() {
    OrderBook book = awaitOrderBook("the demo auction's countdown to start",
        Auction.until(live.getSchedule().getBiddingEndsAt()).plus(Auction.SLACK),
        b -> b.getStatus() != ListingStatus.ANNOUNCED && b.getStatus() != ListingStatus.BIDDING);
    assertThat(book.getStatus()).as("the countdown runs (the auction has not closed)")
        .isEqualTo(ListingStatus.COUNTDOWN);
    assertThat(book.getClosesAt()).isAfter(OffsetDateTime.now());
    countdownEnd = book.getClosesAt();
  }

  @When("{string} bids one increment above the current high")
  public void bidsOneIncrementAbove(String username) {
    OrderBook book = orderBook();
    long amount = book.getCurrentHigh() == null ? live.getStartingPrice()
        : book.getCurrentHigh() + live.getIncrement();
    countdownEnd = book.getClosesAt();
    bid = expectSuccess(username + " bidding " + amount + " " + live.getCurrency(), () -> visitor.auctions()
        .placeBid(live.getId(), new BidRequest().amount(amount).currency(live.getCurrency()), null));
    assertThat(bid.getAmount()).isEqualTo(amount);
    assertThat(bid.getMine()).isTrue();
  }

  @Then("the bid restarts the countdown of the demo auction")
  public void theBidRestartsTheCountdown() {
    assertThat(bid.getExtendedTo()).as("the bid's new countdown end").isNotNull()
        .isCloseTo(bid.getPlacedAt().plusSeconds(DemoExchange.TIMED_PERIOD_SECONDS), within(1, ChronoUnit.MILLIS))
        .isAfter(countdownEnd);
  }

  @Then("the order book shows the bid and the countdown ending later than before")
  public void theOrderBookShowsTheLaterEnd() {
    OrderBook book = awaitOrderBook("the order book shows the bid and its countdown end", Auction.READ_MODEL_LAG,
        b -> b.getBids().stream().anyMatch(x -> x.getId().equals(bid.getId())) && b.getClosesAt() != null
            && !b.getClosesAt().isBefore(bid.getExtendedTo().minusNanos(1_000_000)));
    assertThat(book.getStatus()).isEqualTo(ListingStatus.COUNTDOWN);
    assertThat(book.getClosesAt()).isCloseTo(bid.getExtendedTo(), within(1, ChronoUnit.MILLIS))
        .isAfter(countdownEnd);
    assertThat(book.getCurrentHigh()).isEqualTo(bid.getAmount());
    assertThat(book.getBids()).first().extracting(Bid::getId).isEqualTo(bid.getId());
  }

  private OrderBook orderBook() {
    return expectSuccess(visitor + " reading the order book", () -> visitor.auctions().getOrderBook(live.getId()));
  }

  private OrderBook awaitOrderBook(String what, Duration atMost, Predicate<OrderBook> condition) {
    OrderBook[] last = new OrderBook[1];
    try {
      return await(what).atMost(atMost).pollInterval(Duration.ofMillis(100)).until(() -> {
        last[0] = orderBook();
        return last[0];
      }, condition);
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError(what + ": not within " + atMost + "; the order book last read " + last[0], e);
    }
  }
}
