package io.reelx.exchange.listing.command;

import io.reelx.exchange.listing.domain.ListingId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A bid of {@code amount} minor units. With an {@code idempotencyKey}, a retry answers the
 * first bid and places nothing twice.
 */
public record PlaceBid(
    @TargetAggregateIdentifier ListingId listingId, Actor actor, long amount, String currency, String idempotencyKey) {}
