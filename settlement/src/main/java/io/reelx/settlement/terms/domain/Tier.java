package io.reelx.settlement.terms.domain;

import java.math.BigDecimal;

/**
 * A band of a rate schedule, from {@code from} (inclusive) up to the next tier's {@code from}
 * (exclusive); the last band is open-ended. Volumes are in the schedule's metric units (minor
 * units of money for REVENUE).
 */
public record Tier(BigDecimal from, Rate rate) {

  public static Tier from(String from, Rate rate) {
    return new Tier(new BigDecimal(from), rate);
  }
}
