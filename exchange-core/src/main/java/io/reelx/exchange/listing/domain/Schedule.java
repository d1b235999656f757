package io.reelx.exchange.listing.domain;

import io.reelx.exchange.shared.domain.InvalidValue;
import java.time.Instant;

/**
 * When bidding opens and when its free period ends; for ENGLISH sales the timed period that every
 * bid in it restarts.
 */
public record Schedule(Instant biddingStartsAt, Instant biddingEndsAt, Integer timedPeriodSeconds) {

  /** The shortest timed period an exchange would normally accept (see {@link AuctionSettings}). */
  public static final int MIN_TIMED_PERIOD = 30;
  public static final int MAX_TIMED_PERIOD = 3600;

  public Schedule {
    if (biddingStartsAt == null) {
      throw new InvalidValue("schedule.biddingStartsAt", "is required");
    }
    if (biddingEndsAt == null) {
      throw new InvalidValue("schedule.biddingEndsAt", "is required");
    }
    if (!biddingEndsAt.isAfter(biddingStartsAt)) {
      throw new InvalidValue("schedule.biddingEndsAt", "must be after biddingStartsAt");
    }
    if (timedPeriodSeconds != null && (timedPeriodSeconds < 1 || timedPeriodSeconds > MAX_TIMED_PERIOD)) {
      throw new InvalidValue("schedule.timedPeriodSeconds", "must be between 1 and " + MAX_TIMED_PERIOD + " seconds");
    }
  }
}
