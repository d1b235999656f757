package io.reelx.exchange.listing.command;

import io.reelx.exchange.listing.domain.ListingId;
import io.reelx.exchange.listing.domain.RegistrationId;
import io.reelx.exchange.shared.idempotency.KeyedRequest;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A platform asks to bid; registering again returns the existing registration (keyed like {@link PlaceBid}). */
public record RegisterForListing(
    @TargetAggregateIdentifier ListingId listingId, RegistrationId registrationId, Actor actor, KeyedRequest idempotency) {}
