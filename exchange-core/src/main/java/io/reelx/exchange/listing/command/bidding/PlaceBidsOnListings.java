package io.reelx.exchange.listing.command.bidding;

import java.util.List;

/**
 * Bids on several listings, decided listing by listing and made durable in one transaction: the
 * bid desk's group commit. Each listing's bids are decided by {@link io.reelx.exchange.listing.command.Listing#decide};
 * the answer holds one list of outcomes per listing, in the order given.
 */
public record PlaceBidsOnListings(List<PlaceBids> listings) {

  public PlaceBidsOnListings {
    listings = List.copyOf(listings);
  }
}
