package io.reelx.settlement.terms.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * Bands over a metric. A single tier from 0 is a plain rate. Tiers are listed by ascending
 * {@code from}; the first starts at 0.
 */
public record RateSchedule(Metric metric, TierMode mode, Accumulation accumulation, List<Tier> tiers) {

  public RateSchedule {
    tiers = tiers == null ? null : List.copyOf(tiers);
  }

  /** One rate for every unit of the metric, every period. */
  public static RateSchedule flat(Metric metric, Rate rate) {
    return new RateSchedule(metric, TierMode.MARGINAL, Accumulation.PER_PERIOD, List.of(new Tier(BigDecimal.ZERO, rate)));
  }
}
