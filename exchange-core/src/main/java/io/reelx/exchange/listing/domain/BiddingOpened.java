package io.reelx.exchange.listing.domain;

import java.time.Instant;

/** Bidding is open until {@code closesAt} (the end of the free period). */
public record BiddingOpened(ListingId listingId, Instant openedAt, Instant closesAt) implements ListingEvent {}
