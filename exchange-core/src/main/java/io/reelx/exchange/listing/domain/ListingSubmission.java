package io.reelx.exchange.listing.domain;

import io.reelx.exchange.rights.domain.Avails;
import io.reelx.exchange.rights.domain.Blockers;
import io.reelx.exchange.shared.domain.RuleViolation;
import java.time.Instant;
import java.util.stream.Collectors;

/**
 * What must hold for a listing to go public, checked at submission and again at approval: the
 * window is within the holder's avails, and bidding has not already begun.
 */
public final class ListingSubmission {

  private ListingSubmission() {}

  public static void check(Avails avails, Schedule schedule, Instant now) {
    if (!avails.available()) {
      throw new RuleViolation("window-not-available",
          "The rights window is not within the holder's avails: "
              + avails.blockers().stream().map(Blockers::describe).collect(Collectors.joining("; ")));
    }
    checkSchedule(schedule, now);
  }

  public static void checkSchedule(Schedule schedule, Instant now) {
    if (!schedule.biddingStartsAt().isAfter(now)) {
      throw new RuleViolation("schedule-in-past",
          "Bidding would start at " + schedule.biddingStartsAt() + ", which is not in the future");
    }
  }
}
