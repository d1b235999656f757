package io.reelx.exchange.listing.command;

import io.reelx.exchange.listing.domain.ListingId;
import io.reelx.exchange.shared.idempotency.KeyedRequest;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A bid of {@code amount} minor units, under the id {@code bidId} the caller chose: the same
 * command sent again (a retry after a lost answer, a batch decided again) is recognised by its id
 * and answered with the bid already placed, while the bidder has placed no other bid since. With
 * an {@code idempotency} key, the bid takes the key: a retry of the same request is told the key
 * is used (and gets the first answer from the web layer), another request under the key is
 * refused; nothing is placed twice.
 */
public record PlaceBid(
    @TargetAggregateIdentifier ListingId listingId, String bidId, Actor actor, long amount, String currency,
    KeyedRequest idempotency) {

  public PlaceBid {
    if (bidId == null || bidId.isBlank()) {
      throw new IllegalArgumentException("A bid needs its id");
    }
  }

  /** A new bid: its id is drawn here, once, so every retry of this command carries the same one. */
  public PlaceBid(ListingId listingId, Actor actor, long amount, String currency, KeyedRequest idempotency) {
    this(listingId, IdentifierFactory.getInstance().generateIdentifier(), actor, amount, currency, idempotency);
  }
}
