package io.reelx.acceptance.support;

import static io.reelx.acceptance.support.Calls.expectSuccess;
import static org.awaitility.Awaitility.await;

import io.reelx.client.model.Bid;
import io.reelx.client.model.OrderBook;
import io.reelx.client.model.Registration;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What one scenario knows of the sale of its listing: who registered (and under which bidder
 * code), the bids each platform placed, the countdown end last seen, the finance officer, and the
 * live streams opened. A new one per scenario (picocontainer), like {@link World}.
 */
public class Auction {

  /**
   * How long past a deadline the exchange may take to act on it before a scenario fails: deadlines
   * are polled every half second and the read models follow the events within milliseconds, but a
   * busy build machine can be many times slower. Every wait returns as soon as its condition holds,
   * so a generous bound costs nothing when the exchange is on time.
   */
  public static final Duration SLACK = Duration.ofSeconds(20);

  /**
   * How long the order book may take to show a change the exchange has already answered for
   * (generous for the same reason as {@link #SLACK}).
   */
  public static final Duration READ_MODEL_LAG = Duration.ofSeconds(10);

  private final World world;
  private final Map<String, Registration> registrations = new HashMap<>();
  private final Map<String, Bid> lastBids = new HashMap<>();
  private final List<Bid> bids = new ArrayList<>();
  private final Map<String, LiveStream> followers = new HashMap<>();
  private final List<LiveStream> streams = new ArrayList<>();
  private Actor finance;
  private Bid lastBid;
  private OffsetDateTime closesAt;

  public Auction(World world) {
    this.world = world;
  }

  public String listingId() {
    return world.listing().getId();
  }

  public void finance(Actor officer) {
    this.finance = officer;
  }

  public Actor finance() {
    if (finance == null) {
      throw new IllegalStateException("No finance officer in this scenario");
    }
    return finance;
  }

  public void registered(Actor platform, Registration registration) {
    registrations.put(platform.alias(), registration);
  }

  public Registration registration(Actor platform) {
    Registration registration = registrations.get(platform.alias());
    if (registration == null) {
      throw new IllegalStateException(platform + " has not registered for the listing in this scenario");
    }
    return registration;
  }

  public String bidderCodeOf(Actor platform) {
    return registration(platform).getBidderCode();
  }

  public void placed(Actor platform, Bid bid) {
    lastBids.put(platform.alias(), bid);
    bids.add(bid);
    lastBid = bid;
  }

  public Bid lastBidOf(Actor platform) {
    Bid bid = lastBids.get(platform.alias());
    if (bid == null) {
      throw new IllegalStateException(platform + " has placed no bid in this scenario");
    }
    return bid;
  }

  /** The ids of every bid placed in this scenario, in order. */
  public List<String> bidIds() {
    return bids.stream().map(Bid::getId).toList();
  }

  public Bid lastBid() {
    if (lastBid == null) {
      throw new IllegalStateException("No bid was placed in this scenario");
    }
    return lastBid;
  }

  public OffsetDateTime closesAt() {
    return closesAt;
  }

  public void closesAt(OffsetDateTime closesAt) {
    this.closesAt = closesAt;
  }

  public OrderBook orderBook(Actor reader) {
    return expectSuccess(reader + " reading the order book", () -> reader.auctions().getOrderBook(listingId()));
  }

  /** The order book, as the operator sees it, once it satisfies {@code condition}. */
  public OrderBook awaitOrderBook(String what, Duration atMost, Predicate<OrderBook> condition) {
    return awaitOrderBook(world.operator(), what, atMost, condition);
  }

  /**
   * The order book as {@code reader} sees it once it satisfies {@code condition}. The order book is
   * a read model: it may show an accepted bid a few milliseconds after the bid's answer.
   */
  public OrderBook awaitOrderBook(Actor reader, String what, Duration atMost, Predicate<OrderBook> condition) {
    OrderBook[] last = new OrderBook[1];
    try {
      return await(what).atMost(atMost).pollInterval(Duration.ofMillis(50)).until(() -> {
        last[0] = orderBook(reader);
        return last[0];
      }, condition);
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError(what + ": not within " + atMost + "; the order book last read " + last[0], e);
    }
  }

  /** The time from now until {@code instant}, never negative. */
  public static Duration until(OffsetDateTime instant) {
    Duration left = Duration.between(OffsetDateTime.now(), instant);
    return left.isNegative() ? Duration.ZERO : left;
  }

  public void follow(Actor follower, LiveStream stream) {
    followers.put(follower.alias(), stream);
    streams.add(stream);
  }

  public LiveStream streamOf(Actor follower) {
    LiveStream stream = followers.get(follower.alias());
    if (stream == null) {
      throw new IllegalStateException(follower + " is not following the listing");
    }
    return stream;
  }

  public void closeStreams() {
    streams.forEach(LiveStream::close);
    streams.clear();
  }
}
