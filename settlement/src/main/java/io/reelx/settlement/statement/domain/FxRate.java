package io.reelx.settlement.statement.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An exact conversion rate: one unit of {@code from} is {@code rate} units of {@code to} (parse
 * from a string, e.g. {@code new BigDecimal("0.1385")}). Recorded in the statement it was used for.
 */
public record FxRate(String from, String to, BigDecimal rate) {

  public FxRate {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (rate == null || rate.signum() <= 0) {
      throw new IllegalArgumentException("an FX rate must be positive, not " + rate);
    }
  }

  public static FxRate of(String from, String to, String rate) {
    return new FxRate(from, to, new BigDecimal(rate));
  }
}
