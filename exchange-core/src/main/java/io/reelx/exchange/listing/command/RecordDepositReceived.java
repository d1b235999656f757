package io.reelx.exchange.listing.command;

import io.reelx.exchange.listing.domain.ListingId;
import io.reelx.exchange.listing.domain.RegistrationId;
import io.reelx.exchange.shared.idempotency.KeyedRequest;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Finance saw a registration's deposit arrive (keyed like {@link PlaceBid}). */
public record RecordDepositReceived(
    @TargetAggregateIdentifier ListingId listingId,
    RegistrationId registrationId,
    Actor actor,
    long amount,
    String currency,
    String bankReference,
    KeyedRequest idempotency) {}
