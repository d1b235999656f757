package io.reelx.exchange.listing.command.bidding;

import io.reelx.exchange.listing.command.PlaceBid;
import io.reelx.exchange.listing.domain.ListingId;
import java.util.List;

/**
 * One listing's share of a {@link PlaceBidsOnListings}: its bids, decided one after the other in
 * arrival order. Each bid gets its own answer; a refused bid does not affect the others.
 */
public record PlaceBids(ListingId listingId, List<PlaceBid> bids) {}
