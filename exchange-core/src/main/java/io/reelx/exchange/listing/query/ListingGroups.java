package io.reelx.exchange.listing.query;

/** The processing groups of the listing context (configured with the others in config's Axon wiring). */
public final class ListingGroups {

  /** Tracking group for the listing search read model. */
  public static final String LISTING_VIEW = "listing-view";

  /** Tracking group for registrations and the auction's read model. */
  public static final String AUCTION_VIEW = "auction-view";

  /** Subscribing group that pushes committed changes to open event streams. */
  public static final String LIVE = "live";

  private ListingGroups() {}
}
