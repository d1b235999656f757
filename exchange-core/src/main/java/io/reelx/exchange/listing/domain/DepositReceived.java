package io.reelx.exchange.listing.domain;

/** Finance saw the bidder's deposit arrive; it is held until the sale closes. */
public record DepositReceived(
    ListingId listingId,
    RegistrationId registrationId,
    String organizationId,
    long amount,
    String currency,
    String bankReference,
    String recordedBy)
    implements ListingEvent {}
