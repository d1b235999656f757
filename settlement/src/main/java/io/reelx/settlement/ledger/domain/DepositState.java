package io.reelx.settlement.ledger.domain;

/**
 * Where a bidder's deposit stands (see {@link DepositPlan}): HELD (a pending transfer), then
 * RELEASED (the hold voided), or CAPTURED into escrow and then APPLIED to the price, FORFEITED to
 * the beneficiary or REFUNDED to the platform. Stored by name.
 */
public enum DepositState {
  HELD,
  RELEASED,
  CAPTURED,
  APPLIED,
  FORFEITED,
  REFUNDED
}
