package io.reelx.exchange.listing.command;

import io.reelx.exchange.listing.domain.ListingId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** {@code expectedVersion} (from If-Match) is optional: when given, a stale version is refused. */
public record RejectListing(
    @TargetAggregateIdentifier ListingId listingId,
    Actor actor,
    String reason,
    @TargetAggregateVersion Long expectedVersion) {}
