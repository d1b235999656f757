package io.reelx.exchange.contract.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * How contract time is counted.
 *
 * @param zone the exchange's time zone: working days, term ends and termination dates are its dates
 * @param paymentDueDays calendar days after activation within which the balance is due
 * @param signingPeriodOverride when set, a fixed signing period instead of working days (demos and
 *     acceptance tests; never set in production)
 */
public record ContractSettings(ZoneId zone, int paymentDueDays, Duration signingPeriodOverride) {

  public static final ContractSettings DEFAULT = new ContractSettings(ZoneId.of("Asia/Shanghai"), 15, null);

  /**
   * The signing deadline for an award at {@code awardedAt}: the end of the {@code workingDays}-th
   * working day (Monday to Friday) after the award day, in the exchange's zone. Public holidays
   * are not modelled.
   */
  public Instant signingDeadline(Instant awardedAt, int workingDays) {
    if (signingPeriodOverride != null) {
      return awardedAt.plus(signingPeriodOverride);
    }
    LocalDate day = awardedAt.atZone(zone).toLocalDate();
    int counted = 0;
    while (counted < workingDays) {
      day = day.plusDays(1);
      if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
        counted++;
      }
    }
    return startOf(day.plusDays(1));
  }

  /** The first instant of {@code day} in the exchange's zone. */
  public Instant startOf(LocalDate day) {
    return day.atStartOfDay(zone).toInstant();
  }

  public LocalDate dateOf(Instant instant) {
    return instant.atZone(zone).toLocalDate();
  }
}
