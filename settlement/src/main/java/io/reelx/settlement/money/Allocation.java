package io.reelx.settlement.money;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a whole number of minor units into parts that always sum exactly to the whole.
 *
 * <p>Remainder rule (largest remainder, Hamilton): every part first gets the floor of its exact
 * share; the minor units left over go one each to the parts with the largest fractional
 * remainders; equal remainders go to the earlier part. A negative total is split as its absolute
 * value and negated, so a reversal splits exactly like the original.
 */
public final class Allocation {

  private Allocation() {}

  /** Splits {@code total} in proportion to non-negative {@code weights} (at least one positive). */
  public static long[] byWeights(long total, long[] weights) {
    if (weights.length == 0) {
      throw new IllegalArgumentException("no weights to allocate over");
    }
    BigInteger sum = BigInteger.ZERO;
    for (long weight : weights) {
      if (weight < 0) {
        throw new IllegalArgumentException("negative weight " + weight);
      }
      sum = sum.add(BigInteger.valueOf(weight));
    }
    if (sum.signum() == 0) {
      throw new IllegalArgumentException("weights sum to zero");
    }
    if (total < 0) {
      long[] parts = byWeights(Math.negateExact(total), weights);
      for (int i = 0; i < parts.length; i++) {
        parts[i] = -parts[i];
      }
      return parts;
    }
    BigInteger whole = BigInteger.valueOf(total);
    long[] parts = new long[weights.length];
    BigInteger[] remainders = new BigInteger[weights.length];
    long given = 0;
    for (int i = 0; i < weights.length; i++) {
      BigInteger[] qr = whole.multiply(BigInteger.valueOf(weights[i])).divideAndRemainder(sum);
      parts[i] = qr[0].longValueExact();
      remainders[i] = qr[1];
      given += parts[i];
    }
    distribute(total - given, parts, remainders);
    return parts;
  }

  /**
   * Rounds exact non-negative {@code amounts} to minor units that sum exactly to {@code total}
   * (normally the rounded sum of the amounts): floors first, then largest remainder.
   */
  public static long[] roundToTotal(long total, List<BigDecimal> amounts) {
    long[] parts = new long[amounts.size()];
    BigInteger[] remainders = new BigInteger[amounts.size()];
    long given = 0;
    for (int i = 0; i < parts.length; i++) {
      BigDecimal amount = amounts.get(i);
      BigDecimal floor = amount.setScale(0, RoundingMode.FLOOR);
      parts[i] = floor.longValueExact();
      // compare fractions on a common scale
      remainders[i] = amount.subtract(floor).movePointRight(40).toBigInteger();
      given += parts[i];
    }
    long left = total - given;
    if (left < 0 || left > parts.length) {
      throw new IllegalArgumentException("total " + total + " is not a rounding of " + amounts);
    }
    distribute(left, parts, remainders);
    return parts;
  }

  private static void distribute(long left, long[] parts, BigInteger[] remainders) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < parts.length; i++) {
      order.add(i);
    }
    // stable sort: equal remainders keep their original (earlier-first) order
    order.sort((a, b) -> remainders[b].compareTo(remainders[a]));
    for (int k = 0; k < left; k++) {
      parts[order.get(k % parts.length)]++;
    }
  }
}
