package io.reelx.exchange.listing.command;

import io.reelx.exchange.shared.domain.Refusal;

/** One bid's answer within {@link PlaceBids}: its receipt, or why it was refused. */
public record BidOutcome(BidReceipt receipt, RuntimeException refusal) {

  static BidOutcome placed(BidReceipt receipt) {
    return new BidOutcome(receipt, null);
  }

  static BidOutcome refused(Refusal refusal) {
    return new BidOutcome(null, refusal);
  }
}
