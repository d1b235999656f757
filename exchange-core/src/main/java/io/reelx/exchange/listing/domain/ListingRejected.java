package io.reelx.exchange.listing.domain;

public record ListingRejected(ListingId listingId, String reason, String rejectedBy) implements ListingEvent {}
