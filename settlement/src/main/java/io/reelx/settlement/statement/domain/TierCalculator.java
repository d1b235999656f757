package io.reelx.settlement.statement.domain;

import io.reelx.settlement.money.Rounding;
import io.reelx.settlement.terms.domain.Accumulation;
import io.reelx.settlement.terms.domain.Metric;
import io.reelx.settlement.terms.domain.Rate;
import io.reelx.settlement.terms.domain.RateSchedule;
import io.reelx.settlement.terms.domain.Tier;
import io.reelx.settlement.terms.domain.TierMode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a rate schedule to one period's volume, exactly.
 *
 * <p>The bands are found on {@code [before, before + volume)} where {@code before} is 0 for
 * PER_PERIOD and the contract's volume to date for CUMULATIVE. MARGINAL pays each band's slice
 * at its own rate; STEP pays the whole period volume at the rate of the band that {@code before
 * + volume} reaches (a band is reached when the volume is at least its {@code from}).
 *
 * <p>A {@link Rate.PerUnit} pays volume x price. A {@link Rate.Percent} pays a percentage of the
 * money attributable to the band: on a REVENUE schedule the slice is money itself; on a VIEWS or
 * WATCH_HOURS schedule it is {@code basis x slice / volume} (the period's basis in proportion to
 * the band's share of the volume). The total is one exact fraction, rounded once.
 */
public final class TierCalculator {

  /** Scale of the displayed per-band exact amounts; the share itself is rounded from the exact fraction. */
  public static final int DISPLAY_SCALE = 20;

  private TierCalculator() {}

  /** A band's slice of volume and its amount, held as {@code numerator / denominator} so nothing is lost. */
  public record Band(int band, BigDecimal from, BigDecimal to, BigDecimal volume, Rate rate, BigDecimal numerator) {}

  /** The bands that apply and the common denominator of their amounts. */
  public record Result(List<Band> bands, BigDecimal denominator) {

    /** The exact total rounded once to minor units. */
    public long roundedTotal() {
      BigDecimal sum = BigDecimal.ZERO;
      for (Band band : bands) {
        sum = sum.add(band.numerator());
      }
      return sum.divide(denominator, 0, Rounding.MODE).longValueExact();
    }

  }

  /**
   * @param volume this period's volume in the metric's units (for REVENUE: {@code basisMinor})
   * @param before the contract's volume to date (ignored for PER_PERIOD)
   * @param basisMinor the period's basis money, which percentages on VIEWS/WATCH_HOURS share out
   */
  public static Result apply(RateSchedule schedule, BigDecimal volume, BigDecimal before, long basisMinor) {
    BigDecimal start = schedule.accumulation() == Accumulation.CUMULATIVE ? before : BigDecimal.ZERO;
    BigDecimal end = start.add(volume);
    List<Tier> tiers = schedule.tiers();
    // percentages on a non-money metric divide by the period volume; everything else by 1
    boolean proportional = schedule.metric() != Metric.REVENUE && volume.signum() > 0;
    BigDecimal denominator = proportional ? volume : BigDecimal.ONE;
    BigDecimal basis = BigDecimal.valueOf(basisMinor);
    List<Band> bands = new ArrayList<>();
    if (schedule.mode() == TierMode.STEP) {
      int reached = 0;
      for (int i = 0; i < tiers.size(); i++) {
        if (end.compareTo(tiers.get(i).from()) >= 0) {
          reached = i;
        }
      }
      Tier tier = tiers.get(reached);
      bands.add(new Band(reached, tier.from(), upper(tiers, reached), volume, tier.rate(),
          numerator(tier.rate(), volume, schedule.metric(), basis, denominator)));
    } else {
      for (int i = 0; i < tiers.size(); i++) {
        BigDecimal from = tiers.get(i).from();
        BigDecimal to = upper(tiers, i);
        BigDecimal low = start.max(from);
        BigDecimal high = to == null ? end : end.min(to);
        if (high.compareTo(low) <= 0) {
          continue;
        }
        BigDecimal slice = high.subtract(low);
        bands.add(new Band(i, from, to, slice, tiers.get(i).rate(),
            numerator(tiers.get(i).rate(), slice, schedule.metric(), basis, denominator)));
      }
    }
    return new Result(bands, denominator);
  }

  private static BigDecimal upper(List<Tier> tiers, int i) {
    return i + 1 < tiers.size() ? tiers.get(i + 1).from() : null;
  }

  /** The band's amount times the common denominator: exact, no division. */
  private static BigDecimal numerator(Rate rate, BigDecimal slice, Metric metric, BigDecimal basis, BigDecimal denominator) {
    if (rate instanceof Rate.PerUnit perUnit) {
      return slice.multiply(perUnit.minorPerUnit()).multiply(denominator);
    }
    long basisPoints = ((Rate.Percent) rate).basisPoints();
    BigDecimal money = metric == Metric.REVENUE ? slice : basis.multiply(slice);
    return Rounding.ofBasisPoints(money, basisPoints);
  }
}
