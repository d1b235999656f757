package io.reelx.exchange.demo;

import io.reelx.exchange.listing.command.Actor;
import io.reelx.exchange.listing.command.bidding.BidDesk;
import io.reelx.exchange.listing.command.PlaceBid;
import io.reelx.exchange.listing.domain.ListingId;
import io.reelx.exchange.listing.domain.ListingStatus;
import io.reelx.exchange.listing.query.AuctionViews;
import io.reelx.exchange.listing.query.BidView;
import io.reelx.exchange.listing.query.ListingView;
import io.reelx.exchange.listing.query.ListingViews;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Simulated bidders for the live demo auction ({@code --reelx.demo.simulated-bidders=true}, off
 * by default): every {@code reelx.demo.simulated-bidders.every-seconds} (default 20) the demo
 * platform that does not hold the high bid outbids it by one increment, through the same bid
 * desk as the API, at most {@value #MAX_BIDS} times per auction, so a visitor sees bids arrive
 * and the countdown restart, and the auction still ends.
 */
@Component
@Profile("demo")
public class DemoBidders implements DisposableBean {

  static final int MAX_BIDS = 12;
  private static final Logger log = LoggerFactory.getLogger(DemoBidders.class);

  private final BidDesk desk;
  private final ListingViews listings;
  private final AuctionViews auctions;
  private final boolean enabled;
  private final long everySeconds;
  private final Map<String, Integer> placed = new ConcurrentHashMap<>();
  private ScheduledExecutorService timer;

  public DemoBidders(BidDesk desk, ListingViews listings, AuctionViews auctions, Environment env) {
    this.desk = desk;
    this.listings = listings;
    this.auctions = auctions;
    this.enabled = env.getProperty("reelx.demo.simulated-bidders", Boolean.class, false);
    this.everySeconds = env.getProperty("reelx.demo.simulated-bidders.every-seconds", Long.class, 20L);
  }

  /** Starts bidding in {@code listingId} for the two demo platforms, if switched on. */
  synchronized boolean start(String listingId, List<Actor> platforms) {
    if (!enabled) {
      return false;
    }
    if (timer == null) {
      timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "demo-bidders");
        t.setDaemon(true);
        return t;
      });
    }
    timer.scheduleWithFixedDelay(() -> bid(listingId, platforms), everySeconds, everySeconds, TimeUnit.SECONDS);
    return true;
  }

  private void bid(String listingId, List<Actor> platforms) {
    try {
      Optional<ListingView> listing = listings.find(listingId);
      if (listing.isEmpty() || (listing.get().status() != ListingStatus.BIDDING
          && listing.get().status() != ListingStatus.COUNTDOWN) || placed.getOrDefault(listingId, 0) >= MAX_BIDS) {
        return;
      }
      ListingView view = listing.get();
      Optional<BidView> high = auctions.high(listingId);
      long amount = high.map(h -> h.amount() + view.sale().increment()).orElse(view.sale().startingPrice());
      Actor bidder = platforms.stream()
          .filter(p -> high.isEmpty() || !p.organizationId().equals(high.get().organizationId()))
          .findFirst().orElseThrow();
      int n = placed.merge(listingId, 1, Integer::sum);
      desk.place(new PlaceBid(new ListingId(listingId), bidder, amount, view.sale().currency(), null));
    } catch (RuntimeException e) {
      log.debug("Simulated bid in {} not placed: {}", listingId, e.getMessage());
    }
  }

  @Override
  public synchronized void destroy() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}
