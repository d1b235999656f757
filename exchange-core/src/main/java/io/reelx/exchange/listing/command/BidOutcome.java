package io.reelx.exchange.listing.command;

import io.reelx.exchange.shared.domain.Refusal;

/** One bid's answer among bids decided together ({@link Listing#decide}): its receipt, or why it was refused. */
public record BidOutcome(BidReceipt receipt, RuntimeException refusal) {

  public static BidOutcome placed(BidReceipt receipt) {
    return new BidOutcome(receipt, null);
  }

  public static BidOutcome refused(Refusal refusal) {
    return new BidOutcome(null, refusal);
  }
}
