package io.reelx.settlement.reconciliation.domain;

import java.time.Instant;
import java.util.Objects;

/** How finance settled a discrepancy, who did, when (told, never read from a clock), and why. */
public record Resolution(Outcome outcome, String reason, String resolvedBy, Instant at) {

  public enum Outcome {
    /** The computed figure stands; the counterparty is told. */
    ACCEPT_COMPUTED,
    /** The counterparty's figure stands (e.g. terms were read wrongly); a restatement follows. */
    ACCEPT_DECLARED,
    /** A corrected report or payment is expected and will be reconciled anew. */
    AWAIT_CORRECTION,
    /** The difference is written off (e.g. bank charges). */
    WRITE_OFF,
    /** A later reconciliation no longer found the mismatch: the payment arrived or the report was restated. */
    CLEARED
  }

  public Resolution {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(at, "at");
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("a resolution needs a reason");
    }
    if (resolvedBy == null || resolvedBy.isBlank()) {
      throw new IllegalArgumentException("a resolution names who resolved it");
    }
  }
}
