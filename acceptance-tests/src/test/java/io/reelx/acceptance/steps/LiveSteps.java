package io.reelx.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.reelx.acceptance.support.Actor;
import io.reelx.acceptance.support.Auction;
import io.reelx.acceptance.support.LiveStream;
import io.reelx.acceptance.support.Pace;
import io.reelx.client.ApiClient;
import io.reelx.client.model.Bid;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Following a listing live: its server-sent events. */
public class LiveSteps {

  private static final ObjectMapper JSON = ApiClient.createDefaultObjectMapper();
  /** What a {@code Bid} always carries, by the contract; the stream's {@code bid} data is a Bid. */
  private static final List<String> BID_REQUIRED =
      List.of("id", "listingId", "bidderCode", "amount", "currency", "placedAt", "mine", "sealed");

  private final Auction auction;
  private JsonNode heard;
  private Bid heardOf;

  public LiveSteps(Auction auction) {
    this.auction = auction;
  }

  /** Before bidding opens, following is part of the sale's setup (see {@link Auction#setUp}). */
  @Given("{actor} follows the listing live")
  public void followsTheListingLive(Actor follower) {
    auction.setUp(() -> follow(follower));
  }

  /** Follows, and waits until the exchange has sent the first event: from then on nothing is missed. */
  @Given("{actor} is following the listing live")
  public void isFollowingTheListingLive(Actor follower) {
    auction.setUp(() -> {
      follow(follower);
      auction.streamOf(follower).awaitEvent("status", Auction.SLACK);
    });
  }

  private void follow(Actor follower) {
    auction.follow(follower, LiveStream.open(follower, "/api/v1/listings/" + auction.listingId() + "/stream"));
  }

  /**
   * An event-stream client knows it is connected when the status and headers arrive: "at once"
   * means without waiting for a first event, which here comes only when bidding opens, a minute
   * or more later; the bound allows for a busy machine and stays well short of that.
   */
  @Then("the exchange confirms at once that {actor} is following")
  public void theExchangeConfirmsAtOnce(Actor follower) {
    HttpResponse<?> answer = auction.streamOf(follower).answer(Auction.READ_MODEL_LAG);
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("text/event-stream"));
  }

  @Then("{actor} hears of the bid of {actor} within {int} seconds")
  public void hearsOfTheBid(Actor follower, Actor bidder, int seconds) {
    Bid placed = auction.lastBidOf(bidder);
    LiveStream stream = auction.streamOf(follower);
    JsonNode heard;
    try {
      heard = await(follower + " hears of the bid").atMost(Pace.bound(Duration.ofSeconds(seconds)))
          .pollInterval(Duration.ofMillis(50))
          .until(() -> bidEvent(stream, placed.getId()), Optional::isPresent)
          .orElseThrow();
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError(follower + " did not hear of bid " + placed.getId() + " within "
          + Pace.bound(Duration.ofSeconds(seconds)).toSeconds() + " s; the exchange's answer: "
          + stream.describeAnswer() + "; the stream delivered " + stream.events(), e);
    }
    assertThat(stream.describeAnswer()).startsWith("HTTP 200 text/event-stream");
    assertThat(heard.path("bidderCode").asText()).isEqualTo(auction.bidderCodeOf(bidder));
    assertThat(heard.path("amount").asLong()).isEqualTo(placed.getAmount());
    assertThat(heard.path("currency").asText()).isEqualTo(placed.getCurrency());
    this.heard = heard;
    this.heardOf = placed;
  }

  /** The contract: the data of a {@code bid} event is a {@code Bid}, seen as the follower sees it. */
  @Then("what {actor} hears is the whole bid, as the order book would show it")
  public void whatItHearsIsTheWholeBid(Actor follower) {
    assertThat(heard).as("a bid heard by %s", follower).isNotNull();
    assertThat(BID_REQUIRED).as("the fields a Bid requires, in the bid event %s", heard)
        .filteredOn(field -> !heard.hasNonNull(field))
        .as("fields of a Bid missing from the bid event %s", heard)
        .isEmpty();
    Bid bid = JSON.convertValue(heard, Bid.class);
    Bid inTheBook = auction.awaitOrderBook(follower, "the bid is in the order book", Auction.READ_MODEL_LAG,
            b -> b.getBids().stream().anyMatch(x -> x.getId().equals(heardOf.getId())))
        .getBids().stream().filter(b -> b.getId().equals(heardOf.getId())).findFirst().orElseThrow();
    assertThat(bid).as("the bid as heard vs as in %s's order book", follower)
        .usingRecursiveComparison().isEqualTo(inTheBook);
  }

  /**
   * Events come in the order they happened: had a bid of another platform been sent, it would
   * have come before the follower's own later bid, which has come.
   */
  @Then("{actor} has heard of no bid but its own")
  public void hasHeardOfNoBidButItsOwn(Actor follower) {
    String own = auction.bidderCodeOf(follower);
    List<JsonNode> bids = auction.streamOf(follower).events("bid").stream().map(e -> parse(e.data())).toList();
    assertThat(bids).as("the bids %s heard of", follower).isNotEmpty()
        .allSatisfy(bid -> {
          assertThat(bid.path("bidderCode").asText()).as("the bidder of %s", bid).isEqualTo(own);
          assertThat(bid.path("mine").asBoolean()).as("mine, in %s", bid).isTrue();
        });
  }

  /** The close is the stream's last word: the exchange ends the stream after it. */
  @Then("{actor} hears that the listing was {word}, and then the stream ends within {int} seconds")
  public void hearsOfTheCloseAndTheEnd(Actor follower, String outcome, int seconds) {
    LiveStream stream = auction.streamOf(follower);
    stream.awaitEnd(Pace.bound(Duration.ofSeconds(seconds)));
    List<LiveStream.Event> events = stream.events();
    assertThat(events).as("the events %s heard", follower).isNotEmpty();
    LiveStream.Event last = events.get(events.size() - 1);
    assertThat(last.name()).as("the last of the events %s", events).isEqualTo("closed");
    assertThat(parse(last.data()).path("outcome").asText()).isEqualTo(outcome);
    assertThat(stream.events("closed")).as("closed events in %s", events).hasSize(1);
  }

  @Then("{actor} heard of the bid of {actor} before the close")
  public void heardOfTheBidBeforeTheClose(Actor follower, Actor bidder) {
    Bid placed = auction.lastBidOf(bidder);
    List<LiveStream.Event> events = auction.streamOf(follower).events();
    int bid = -1;
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).name().equals("bid") && placed.getId().equals(parse(events.get(i).data()).path("id").asText())) {
        bid = i;
      }
    }
    int closed = events.indexOf(auction.streamOf(follower).events("closed").get(0));
    assertThat(bid).as("the bid %s among the events %s", placed.getId(), events).isNotNegative();
    assertThat(bid).as("where the bid comes among the events %s", events).isLessThan(closed);
  }

  private static Optional<JsonNode> bidEvent(LiveStream stream, String bidId) {
    return stream.events("bid").stream()
        .map(e -> parse(e.data()))
        .filter(data -> bidId.equals(data.path("id").asText(null)))
        .findFirst();
  }

  private static JsonNode parse(String data) {
    try {
      return JSON.readTree(data);
    } catch (IOException e) {
      throw new UncheckedIOException("A bid event whose data is not JSON: " + data, e);
    }
  }
}
