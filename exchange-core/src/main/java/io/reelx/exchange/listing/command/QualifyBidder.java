package io.reelx.exchange.listing.command;

import io.reelx.exchange.listing.domain.ListingId;
import io.reelx.exchange.listing.domain.RegistrationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record QualifyBidder(
    @TargetAggregateIdentifier ListingId listingId, RegistrationId registrationId, Actor actor) {}
