package io.reelx.exchange.listing.domain;

import java.time.Instant;

/** The operator halted the listing at {@code at}; its timers stand still until it resumes. */
public record ListingSuspended(
    ListingId listingId, String reason, String suspendedBy, ListingStatus suspendedFrom, Instant at)
    implements ListingEvent {}
