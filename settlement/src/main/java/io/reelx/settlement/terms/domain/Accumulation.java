package io.reelx.settlement.terms.domain;

/** Over which volume the band is found. */
public enum Accumulation {
  /** Bands restart at zero every reporting period. */
  PER_PERIOD,
  /**
   * Bands are found on the contract's volume so far: this period's volume sits on top of the
   * cumulative volume of earlier periods. Earlier periods are never trued up (no retroactive
   * re-rating of STEP schedules), except that restating a period re-rates the later ones on the
   * corrected volume (see {@code RestatementCascade}).
   */
  CUMULATIVE
}
