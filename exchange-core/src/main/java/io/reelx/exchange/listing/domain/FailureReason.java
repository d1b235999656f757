package io.reelx.exchange.listing.domain;

/** Why a sale closed without a winner. */
public enum FailureReason {
  NO_BIDS,
  BELOW_RESERVE,
  NO_BUYER
}
