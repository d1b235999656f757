package io.reelx.exchange.listing.command;

import io.reelx.exchange.listing.domain.ListingId;
import io.reelx.exchange.listing.domain.RegistrationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordDepositReceived(
    @TargetAggregateIdentifier ListingId listingId,
    RegistrationId registrationId,
    Actor actor,
    long amount,
    String currency,
    String bankReference) {}
