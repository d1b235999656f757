package io.reelx.exchange.listing.command;

import io.reelx.exchange.listing.domain.ListingId;
import io.reelx.exchange.shared.idempotency.KeyedRequest;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A bid of {@code amount} minor units. With an {@code idempotency} key, the bid takes the key: a
 * retry of the same request is told the key is used (and gets the first answer from the web
 * layer), another request under the key is refused; nothing is placed twice.
 */
public record PlaceBid(
    @TargetAggregateIdentifier ListingId listingId, Actor actor, long amount, String currency, KeyedRequest idempotency) {}
