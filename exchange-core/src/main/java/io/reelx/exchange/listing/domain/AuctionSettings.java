package io.reelx.exchange.listing.domain;

import io.reelx.exchange.shared.domain.InvalidValue;

/**
 * The exchange's own limits on sale schedules: the shortest timed period it accepts (30 seconds
 * by default; test environments shorten it to run whole auctions in seconds).
 */
public record AuctionSettings(int minTimedPeriodSeconds) {

  public static final AuctionSettings DEFAULT = new AuctionSettings(Schedule.MIN_TIMED_PERIOD);

  public void check(Schedule schedule) {
    Integer period = schedule.timedPeriodSeconds();
    if (period != null && period < minTimedPeriodSeconds) {
      throw new InvalidValue("schedule.timedPeriodSeconds", "must be between " + minTimedPeriodSeconds + " and "
          + Schedule.MAX_TIMED_PERIOD + " seconds");
    }
  }
}
