package io.reelx.exchange.listing.domain;

import java.time.Instant;

/**
 * The listing goes on from where it was suspended; {@code closesAt} is the end of the current
 * phase shifted by the time it stood still (null when no phase was running).
 */
public record ListingResumed(ListingId listingId, String resumedBy, ListingStatus resumedTo, Instant closesAt)
    implements ListingEvent {}
