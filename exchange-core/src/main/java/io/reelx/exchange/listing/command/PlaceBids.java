package io.reelx.exchange.listing.command;

import io.reelx.exchange.listing.domain.ListingId;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Several bids on one listing, decided one after the other in arrival order and made durable in
 * one transaction. Each bid gets its own answer; a refused bid does not affect the others.
 */
public record PlaceBids(@TargetAggregateIdentifier ListingId listingId, List<PlaceBid> bids) {}
