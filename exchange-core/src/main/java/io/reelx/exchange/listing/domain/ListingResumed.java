package io.reelx.exchange.listing.domain;

public record ListingResumed(ListingId listingId, String resumedBy, ListingStatus resumedTo) implements ListingEvent {}
