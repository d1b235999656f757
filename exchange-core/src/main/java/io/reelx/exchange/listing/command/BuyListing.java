package io.reelx.exchange.listing.command;

import io.reelx.exchange.listing.domain.ListingId;
import io.reelx.exchange.shared.idempotency.KeyedRequest;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** FIXED_PRICE: accept the listed price (keyed like {@link PlaceBid}). */
public record BuyListing(@TargetAggregateIdentifier ListingId listingId, Actor actor, KeyedRequest idempotency) {}
