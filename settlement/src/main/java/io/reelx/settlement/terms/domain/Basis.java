package io.reelx.settlement.terms.domain;

/** Which money a revenue share is a share of. */
public enum Basis {
  GROSS,
  /** Gross minus the listed deductions, applied successively (see {@link Deduction}). */
  NET
}
