package io.reelx.acceptance.support;

import static io.reelx.acceptance.support.Calls.expectSuccess;
import static org.awaitility.Awaitility.await;

import io.reelx.client.model.Bid;
import io.reelx.client.model.Listing;
import io.reelx.client.model.OrderBook;
import io.reelx.client.model.Registration;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What one scenario knows of the sale of its listing: who registered (and under which bidder
 * code), the bids each platform placed, the countdown end last seen, the finance officer, the
 * live streams opened, and the setup done before the opening (to run it again for a sale announced
 * anew when the machine was too slow for it). A new one per scenario (picocontainer), like
 * {@link World}.
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

  /** The longest lead a sale is announced with before the scenario gives up on the machine. */
  private static final Duration LONGEST_LEAD = Duration.ofMinutes(2);

  private final World world;
  private final Map<String, Registration> registrations = new HashMap<>();
  private final Map<String, Bid> lastBids = new HashMap<>();
  private final List<Bid> bids = new ArrayList<>();
  private final Map<String, LiveStream> followers = new HashMap<>();
  private final List<LiveStream> streams = new ArrayList<>();
  private final Backstage backstage;
  private final List<Runnable> setup = new ArrayList<>();
  private Actor finance;
  private Bid lastBid;
  private OffsetDateTime closesAt;
  private Actor holder;
  private Announcer announcer;
  private Duration lead;
  private boolean biddingOpened;

  public Auction(World world, Backstage backstage) {
    this.world = world;
    this.backstage = backstage;
  }

  // ------------------------------------------------------------------ before the opening

  /**
   * Announces the scenario's sale, opening {@code lead} from now: answers the announced listing,
   * or empty when the exchange refused it because that opening had already passed.
   */
  @FunctionalInterface
  public interface Announcer {
    Optional<Listing> announce(Duration lead);
  }

  /**
   * Announces the scenario's sale, opening {@code writtenLead} from now or later (see
   * {@link Pace#lead}), and again with twice the lead while the exchange answers that the opening
   * is already past.
   */
  public void announce(Actor holder, Duration writtenLead, Announcer announcer) {
    this.holder = holder;
    this.announcer = announcer;
    this.setup.clear();
    this.biddingOpened = false;
    announceWithLead(Pace.lead(writtenLead));
  }

  private void announceWithLead(Duration first) {
    for (Duration lead = first; ; lead = Pace.doubled(lead)) {
      if (lead.compareTo(LONGEST_LEAD) > 0) {
        throw new AssertionError("The sale could not be announced and set up before it opened, even "
            + LONGEST_LEAD.toSeconds() + " s ahead (" + Pace.describe() + ")");
      }
      if (announcer.announce(lead).isPresent()) {
        this.lead = lead;
        var schedule = world.listing().getSchedule();
        System.out.printf("  [pace] sale opens in %d s, open %d s, timed period %s (%s)%n", lead.toSeconds(),
            Duration.between(schedule.getBiddingStartsAt(), schedule.getBiddingEndsAt()).toSeconds(),
            schedule.getTimedPeriodSeconds() == null ? "none" : schedule.getTimedPeriodSeconds() + " s",
            Pace.describe());
        return;
      }
    }
  }

  /**
   * Runs a step of the setup that must be over before bidding opens (registering, recording a
   * deposit, qualifying, starting to follow the listing), and remembers it. If the machine was too
   * slow for the setup to finish before the opening, the sale is given up and announced anew with
   * twice the lead, and the setup so far is run again for it: how fast the machine is decides how
   * long a scenario waits, never whether it passes. Once bidding has opened a step just runs.
   */
  public void setUp(Runnable step) {
    if (biddingOpened || announcer == null) {
      step.run();
      return;
    }
    setup.add(step);
    boolean done = runBeforeTheOpening(step);
    while (!done || openingPassed()) {
      System.out.printf("  [pace] the setup overran the opening of a sale announced %d s ahead; announcing it again%n",
          lead.toSeconds());
      backstage.withdrawIfNotOpen(holder, "Announced again with a longer lead");
      closeStreams();
      announceWithLead(Pace.doubled(lead));
      done = setup.stream().allMatch(this::runBeforeTheOpening);
    }
  }

  /** Bidding has opened: from now on the scenario's steps are no longer setup. */
  public void biddingOpened() {
    biddingOpened = true;
  }

  /** Runs {@code step}; false if it failed once the opening had passed (too late, not wrong). */
  private boolean runBeforeTheOpening(Runnable step) {
    try {
      step.run();
      return true;
    } catch (AssertionError | RuntimeException e) {
      if (openingPassed()) {
        return false;
      }
      throw e;
    }
  }

  private boolean openingPassed() {
    return !OffsetDateTime.now().isBefore(world.listing().getSchedule().getBiddingStartsAt());
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
    LiveStream previous = followers.put(follower.alias(), stream);
    if (previous != null) {
      previous.close();
    }
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
