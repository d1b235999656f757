package io.reelx.settlement.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one rounding rule of settlement: every step that leaves minor units rounds exactly once,
 * {@link RoundingMode#HALF_UP} (commercial rounding, halves away from zero), from an exact
 * {@link BigDecimal}. Callers name the step; this class only keeps the rule in one place.
 */
public final class Rounding {

  public static final RoundingMode MODE = RoundingMode.HALF_UP;
  public static final long BASIS_POINTS_PER_UNIT = 10_000;
  private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(BASIS_POINTS_PER_UNIT);

  private Rounding() {}

  /** {@code exact} rounded to whole minor units; overflows loudly. */
  public static long toMinor(BigDecimal exact) {
    return exact.setScale(0, MODE).longValueExact();
  }

  /** {@code amount * basisPoints / 10000}, exact, not rounded. */
  public static BigDecimal ofBasisPoints(BigDecimal amount, long basisPoints) {
    return amount.multiply(BigDecimal.valueOf(basisPoints)).divide(TEN_THOUSAND);
  }

  /** {@code amountMinor * basisPoints / 10000} rounded once to minor units. */
  public static long basisPointsOf(long amountMinor, long basisPoints) {
    return toMinor(ofBasisPoints(BigDecimal.valueOf(amountMinor), basisPoints));
  }
}
