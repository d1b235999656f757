package io.reelx.exchange.listing.domain;

/** Facts in a listing's life. */
public sealed interface ListingEvent
    permits ListingCreated, ListingSubmitted, ListingApproved, ListingRejected, ListingWithdrawn,
        ListingSuspended, ListingResumed {
  ListingId listingId();
}
