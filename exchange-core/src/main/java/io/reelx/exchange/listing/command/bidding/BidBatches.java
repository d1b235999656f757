package io.reelx.exchange.listing.command.bidding;

import io.reelx.exchange.listing.command.BidOutcome;
import io.reelx.exchange.listing.command.Listing;
import io.reelx.exchange.shared.idempotency.IdempotencyKeys;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Decides {@link PlaceBidsOnListings}: loads each listing in the command's unit of work and lets
 * it decide its own bids, so every event of the batch is appended in one transaction and one
 * commit. Listings are locked in identifier order, so two batches that share listings wait for
 * each other instead of deadlocking. A listing that cannot decide (it does not exist, or an
 * unexpected failure) fails the whole batch, which stores nothing; the desk then decides each
 * listing on its own.
 */
@Component
public class BidBatches {

  private final Repository<Listing> listings;

  public BidBatches(@Qualifier("listingRepository") Repository<Listing> listings) {
    this.listings = listings;
  }

  @CommandHandler
  List<List<BidOutcome>> handle(PlaceBidsOnListings batch, Clock clock, IdempotencyKeys keys) {
    Instant now = clock.instant();
    List<PlaceBids> given = batch.listings();
    Integer[] order = new Integer[given.size()];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparing(i -> given.get(i).listingId().value()));
    List<List<BidOutcome>> outcomes = new ArrayList<>(given.size());
    given.forEach(g -> outcomes.add(null));
    for (int i : order) {
      PlaceBids bids = given.get(i);
      Aggregate<Listing> listing = listings.load(bids.listingId().value());
      outcomes.set(i, listing.invoke(l -> l.decide(bids.bids(), now, keys)));
    }
    return outcomes;
  }
}
