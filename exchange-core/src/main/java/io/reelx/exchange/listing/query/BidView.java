package io.reelx.exchange.listing.query;

import java.time.Instant;

public record BidView(
    String id,
    String listingId,
    long number,
    String registrationId,
    String organizationId,
    String bidderCode,
    long amount,
    String currency,
    Instant placedAt,
    boolean sealed,
    Instant extendedTo,
    long listingVersion) {}
