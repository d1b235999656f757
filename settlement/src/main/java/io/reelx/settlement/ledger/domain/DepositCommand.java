package io.reelx.settlement.ledger.domain;

import io.reelx.settlement.money.Money;

/** What may be asked of a listing's deposits ({@link ListingDeposits}). */
public sealed interface DepositCommand {

  String listingId();

  /** Finance saw a bidder's deposit arrive. */
  record Receive(String listingId, String registrationId, String platform, Money amount) implements DepositCommand {}

  /** A losing bidder's hold is voided. */
  record Release(String listingId, String registrationId) implements DepositCommand {}

  /** The winner's hold is captured into escrow (trading calls it "applied"). */
  record Capture(String listingId, String registrationId) implements DepositCommand {}

  /** The winner's contract became active: its captured deposit counts toward the price. */
  record ApplyToPrice(String listingId, String platform, String licensor) implements DepositCommand {}

  /** The winner did not sign: its deposit goes to the beneficiary. */
  record Forfeit(String listingId, String platform, String beneficiary) implements DepositCommand {}

  /** The contract fell through, not the licensee's fault: its deposit goes back. */
  record Refund(String listingId, String platform) implements DepositCommand {}

  /**
   * Deposits recorded before deposits were events (rows, each in its state): the stream starts
   * with each one's history up to that state (its transfers replay: their ids derive from the
   * cause). Deposits the stream knows are left alone.
   */
  record Adopt(String listingId, java.util.List<ListingDeposits.Deposit> deposits) implements DepositCommand {}
}
