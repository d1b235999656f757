package io.reelx.exchange.listing.domain;

public record ListingSubmitted(ListingId listingId, String submittedBy) implements ListingEvent {}
