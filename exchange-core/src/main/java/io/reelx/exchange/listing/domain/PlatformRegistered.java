package io.reelx.exchange.listing.domain;

/** A platform registered to bid; others see it only as {@code bidderCode}. */
public record PlatformRegistered(
    ListingId listingId,
    RegistrationId registrationId,
    String organizationId,
    String bidderCode,
    long deposit,
    String currency)
    implements ListingEvent {}
