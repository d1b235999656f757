package io.reelx.settlement.statement.domain;

import java.math.BigDecimal;

/**
 * What a contract has settled so far, carried from one statement to the next.
 *
 * @param mgRecoupedMinor minimum guarantee recouped to date (minor units of the terms currency)
 * @param cumulativeVolume the schedule metric to date (views, watch hours, or basis minor units), for CUMULATIVE tiers
 * @param flatFeeCharged whether a ONCE flat fee has already been charged
 */
public record SettlementPosition(long mgRecoupedMinor, BigDecimal cumulativeVolume, boolean flatFeeCharged) {

  public static final SettlementPosition INITIAL = new SettlementPosition(0, BigDecimal.ZERO, false);

  public SettlementPosition {
    if (mgRecoupedMinor < 0 || cumulativeVolume == null || cumulativeVolume.signum() < 0) {
      throw new IllegalArgumentException("a position never goes below zero");
    }
  }
}
