package io.reelx.exchange.listing.domain;

import java.time.Instant;

/**
 * A bid was accepted. {@code number} orders the listing's bids (earlier wins ties);
 * {@code extendedTo} is the new end of the timed period when the bid restarted it; a sealed bid
 * stays invisible to others until the close, and {@code replaces} names the bidder's earlier
 * sealed bid it supersedes.
 */
public record BidPlaced(
    ListingId listingId,
    String bidId,
    long number,
    RegistrationId registrationId,
    String organizationId,
    String bidderCode,
    long amount,
    String currency,
    Instant placedAt,
    boolean sealed,
    String replaces,
    Instant extendedTo)
    implements ListingEvent {}
