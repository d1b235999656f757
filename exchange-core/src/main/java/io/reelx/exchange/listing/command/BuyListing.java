package io.reelx.exchange.listing.command;

import io.reelx.exchange.listing.domain.ListingId;
import io.reelx.exchange.shared.idempotency.KeyedRequest;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** FIXED_PRICE: accept the listed price, as the bid {@code bidId} (chosen and keyed like {@link PlaceBid}). */
public record BuyListing(
    @TargetAggregateIdentifier ListingId listingId, String bidId, Actor actor, KeyedRequest idempotency) {

  public BuyListing {
    if (bidId == null || bidId.isBlank()) {
      throw new IllegalArgumentException("A purchase needs its bid id");
    }
  }

  /** A new purchase: its bid id is drawn here, once, so every retry of this command carries the same one. */
  public BuyListing(ListingId listingId, Actor actor, KeyedRequest idempotency) {
    this(listingId, IdentifierFactory.getInstance().generateIdentifier(), actor, idempotency);
  }
}
