package io.reelx.settlement.payout.domain;

import java.util.Optional;

/** Four eyes on payouts: the finance officer who requested a payout does not approve it. */
public final class FourEyes {

  private FourEyes() {}

  /** Why {@code approver} may not approve what {@code requester} asked for, or empty if they may. */
  public static Optional<String> refusal(String payoutId, String requester, String approver) {
    if (requester.equals(approver)) {
      return Optional.of("Payout " + payoutId + " was requested by " + approver + "; another finance officer approves it");
    }
    return Optional.empty();
  }
}
