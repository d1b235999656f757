package io.reelx.exchange.listing.domain;

/** The winner's held deposit counts toward the price. */
public record DepositApplied(
    ListingId listingId, RegistrationId registrationId, String organizationId, long amount, String currency)
    implements ListingEvent {}
