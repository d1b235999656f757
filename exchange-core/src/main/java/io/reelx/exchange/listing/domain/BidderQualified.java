package io.reelx.exchange.listing.domain;

public record BidderQualified(ListingId listingId, RegistrationId registrationId, String qualifiedBy)
    implements ListingEvent {}
