package io.reelx.exchange.listing.domain;

/** A held deposit goes back to its bidder. */
public record DepositReleased(
    ListingId listingId, RegistrationId registrationId, String organizationId, long amount, String currency)
    implements ListingEvent {}
