package io.reelx.settlement.terms.domain;

/** A fixed licence fee in minor units of the terms currency, due once or every period. */
public record FlatFee(long amountMinor, Recurrence recurrence) {

  public enum Recurrence {
    /** Due on the contract's first statement only. */
    ONCE,
    /** Due on every statement. */
    EACH_PERIOD
  }
}
