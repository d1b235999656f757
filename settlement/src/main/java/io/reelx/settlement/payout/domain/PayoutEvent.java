package io.reelx.settlement.payout.domain;

import io.reelx.settlement.eventsourcing.StreamEvent;
import io.reelx.settlement.money.Money;
import java.time.Instant;

/**
 * What happened to a payout, on its own stream ({@code payout-<id>}): a payout pays an
 * organisation out of its balance, across its contracts, so it belongs to no one agreement.
 */
public sealed interface PayoutEvent extends StreamEvent {

  String payoutId();

  @Override
  default String streamId() {
    return Payout.streamIdOf(payoutId());
  }

  /** A finance officer asked to pay an organisation out; nothing moves yet. */
  record PayoutRequested(String payoutId, String organizationId, Money amount, String requestedBy, Instant at) implements PayoutEvent {}

  /** Another officer approved it; the organisation's account pays the bank. */
  record PayoutApproved(String payoutId, String approvedBy, Instant at) implements PayoutEvent {}

  /** An officer refused it; it will never be paid. */
  record PayoutRefused(String payoutId, String refusedBy, String reason, Instant at) implements PayoutEvent {}
}
