package io.reelx.settlement.terms.domain;

import java.math.BigDecimal;

/** What one tier pays: a percentage of money, or a price per unit of the metric. */
public sealed interface Rate {

  /**
   * A percentage in basis points (10000 = 100%) of the money attributable to the band. Above
   * 10000 is legal: a bonus coefficient.
   */
  record Percent(long basisPoints) implements Rate {}

  /**
   * An exact price in minor units of the terms currency per unit of the metric (per view, per
   * watch hour), e.g. {@code new BigDecimal("0.35")} fen per view. Parse from a string, never
   * from a floating-point number.
   */
  record PerUnit(BigDecimal minorPerUnit) implements Rate {}

  static Rate percent(long basisPoints) {
    return new Percent(basisPoints);
  }

  static Rate perUnit(String minorPerUnit) {
    return new PerUnit(new BigDecimal(minorPerUnit));
  }
}
