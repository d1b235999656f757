package io.reelx.exchange.listing.command;

import io.reelx.exchange.listing.domain.ListingId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** FIXED_PRICE: accept the listed price. */
public record BuyListing(@TargetAggregateIdentifier ListingId listingId, Actor actor, String idempotencyKey) {}
