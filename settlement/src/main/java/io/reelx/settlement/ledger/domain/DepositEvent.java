package io.reelx.settlement.ledger.domain;

import io.reelx.settlement.eventsourcing.StreamEvent;
import io.reelx.settlement.money.Money;

/**
 * What happened to a listing's deposits, on the listing's own stream ({@code deposits-<listing>}):
 * deposits are taken while a listing sells, long before any agreement exists, and a forfeit or a
 * refund names the listing and the bidder, not a contract.
 */
public sealed interface DepositEvent extends StreamEvent {

  String listingId();

  String registrationId();

  @Override
  default String streamId() {
    return ListingDeposits.streamIdOf(listingId());
  }

  /** bank -> platform, then held (pending) platform -> escrow. */
  record DepositReceived(String listingId, String registrationId, String platform, Money amount) implements DepositEvent {}

  record DepositReleased(String listingId, String registrationId) implements DepositEvent {}

  record DepositCaptured(String listingId, String registrationId) implements DepositEvent {}

  /** escrow -> licensor, toward the price. */
  record DepositApplied(String listingId, String registrationId, String licensor) implements DepositEvent {}

  /** escrow -> beneficiary. */
  record DepositForfeited(String listingId, String registrationId, String beneficiary) implements DepositEvent {}

  /** A held deposit's hold voided ({@code held}), or a captured one paid back escrow -> platform. */
  record DepositRefunded(String listingId, String registrationId, boolean held) implements DepositEvent {}
}
