package io.reelx.exchange.listing.domain;

public record ListingApproved(ListingId listingId, String approvedBy) implements ListingEvent {}
