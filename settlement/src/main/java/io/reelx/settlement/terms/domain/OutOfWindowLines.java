package io.reelx.settlement.terms.domain;

/**
 * What becomes of report lines for a territory or medium the contract does not license: the
 * report is refused naming each such line ({@link #REFUSE}, the default), or it is accepted and
 * a discrepancy records the lines for finance ({@link #DISCREPANCY}).
 */
public enum OutOfWindowLines {
  REFUSE,
  DISCREPANCY
}
