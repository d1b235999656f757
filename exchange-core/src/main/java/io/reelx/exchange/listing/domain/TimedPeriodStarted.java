package io.reelx.exchange.listing.domain;

import java.time.Instant;

/** ENGLISH: the free period ended; the auction closes at {@code closesAt} unless a bid restarts it. */
public record TimedPeriodStarted(ListingId listingId, Instant closesAt) implements ListingEvent {}
