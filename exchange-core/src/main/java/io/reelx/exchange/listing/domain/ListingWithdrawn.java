package io.reelx.exchange.listing.domain;

public record ListingWithdrawn(ListingId listingId, String reason, String withdrawnBy) implements ListingEvent {}
