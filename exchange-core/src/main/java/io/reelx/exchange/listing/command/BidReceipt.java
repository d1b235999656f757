package io.reelx.exchange.listing.command;

import io.reelx.exchange.listing.domain.BidPlaced;

/**
 * The answer to a bid: the bid's id and, when this command placed it, the bid itself, so the
 * caller can answer at once without waiting for the order book to catch up. A repeated request
 * (same idempotency key) gets the id of the bid it placed the first time and no {@code placed}.
 */
public record BidReceipt(String bidId, BidPlaced placed) {}
