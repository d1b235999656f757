package io.reelx.settlement.terms.domain;

/** How the bands of a schedule apply to a volume. */
public enum TierMode {
  /** Each band's slice of the volume at that band's own rate (like income-tax brackets). */
  MARGINAL,
  /** The whole volume at the rate of the band the volume reaches. */
  STEP
}
