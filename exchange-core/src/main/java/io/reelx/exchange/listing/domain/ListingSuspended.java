package io.reelx.exchange.listing.domain;

public record ListingSuspended(ListingId listingId, String reason, String suspendedBy, ListingStatus suspendedFrom) implements ListingEvent {}
