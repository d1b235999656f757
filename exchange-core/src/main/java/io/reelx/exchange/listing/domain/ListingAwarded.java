package io.reelx.exchange.listing.domain;

import java.time.Instant;

/** The sale closed with a winner at {@code price}. */
public record ListingAwarded(
    ListingId listingId,
    String bidId,
    RegistrationId registrationId,
    String organizationId,
    String bidderCode,
    long price,
    String currency,
    Instant closedAt)
    implements ListingEvent {}
