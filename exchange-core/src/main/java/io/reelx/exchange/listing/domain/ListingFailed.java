package io.reelx.exchange.listing.domain;

import java.time.Instant;

public record ListingFailed(ListingId listingId, FailureReason reason, Instant closedAt) implements ListingEvent {}
