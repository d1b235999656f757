package io.reelx.exchange.finance.command;

/** The processing groups of the finance context. */
public final class FinanceGroups {

  /**
   * Tracking group that turns trading events (deposits, activations) into settlement agreements
   * and ledger postings; an event it cannot apply is parked, never skipped.
   */
  public static final String SETTLEMENT_INTAKE = "settlement-intake";

  private FinanceGroups() {}
}
