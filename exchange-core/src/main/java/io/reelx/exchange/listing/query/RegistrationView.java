package io.reelx.exchange.listing.query;

import io.reelx.exchange.listing.domain.RegistrationStatus;
import java.time.Instant;

/** A bidder's registration as finance, operators and the bidder see it. */
public record RegistrationView(
    String id,
    String listingId,
    String organizationId,
    String bidderCode,
    RegistrationStatus status,
    long deposit,
    String currency,
    Long depositReceived,
    String bankReference,
    String depositStatus,
    String refusalReason,
    Instant registeredAt,
    Instant qualifiedAt,
    long listingVersion) {}
