package io.reelx.exchange.listing.command;

import io.reelx.exchange.listing.domain.BidPlaced;

/**
 * The answer to a bid: the bid's id and, when this command placed it, the bid itself, so the
 * caller can answer at once without waiting for the order book to catch up. Without {@code placed}
 * (only the id is known, e.g. to rebuild the answer to a keyed request), the bid is read back.
 */
public record BidReceipt(String bidId, BidPlaced placed) {}
