package io.reelx.exchange.listing.domain;

public record BidderRefused(
    ListingId listingId, RegistrationId registrationId, String reason, String refusedBy)
    implements ListingEvent {}
