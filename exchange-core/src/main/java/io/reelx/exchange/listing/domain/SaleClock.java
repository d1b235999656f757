package io.reelx.exchange.listing.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Which phase of a sale has ended by a given time. A listing's phases end at {@code closesAt}:
 * ANNOUNCED opens bidding; an ENGLISH sale's free period starts the timed period; any other
 * bidding (or the timed period) closes the sale. A suspended or closed listing has nothing due.
 * Asked repeatedly (each answer applied before the next question), it catches a listing up
 * through every phase that ended while no one looked.
 */
public final class SaleClock {

  private SaleClock() {}

  /** What is due: an event that moves the sale on, or the close at {@code closeAt}. */
  public record Due(ListingEvent event, Instant closeAt) {

    public boolean closes() {
      return closeAt != null;
    }
  }

  /** The phase change due by {@code now}, if any. */
  public static Optional<Due> due(ListingId id, ListingStatus status, SaleTerms sale, Schedule schedule,
      Instant closesAt, Instant now) {
    if (closesAt == null || now.isBefore(closesAt) || isClosed(status) || status == ListingStatus.SUSPENDED) {
      return Optional.empty();
    }
    if (status == ListingStatus.ANNOUNCED) {
      // a resumed listing opens late: the free period keeps its full length
      return Optional.of(new Due(new BiddingOpened(id, closesAt,
          closesAt.plus(Duration.between(schedule.biddingStartsAt(), schedule.biddingEndsAt()))), null));
    }
    if (status == ListingStatus.BIDDING && sale.mode() == SaleMode.ENGLISH) {
      return Optional.of(new Due(new TimedPeriodStarted(id, closesAt.plusSeconds(schedule.timedPeriodSeconds())),
          null));
    }
    if (status == ListingStatus.BIDDING || status == ListingStatus.COUNTDOWN) {
      return Optional.of(new Due(null, closesAt));
    }
    return Optional.empty();
  }

  /** Where a bid placed at {@code now} moves the end: in the timed period it restarts it. */
  public static Instant extendedTo(ListingStatus status, Schedule schedule, Instant now) {
    return status == ListingStatus.COUNTDOWN ? now.plusSeconds(schedule.timedPeriodSeconds()) : null;
  }

  /** A resumed listing's end, shifted by the time it spent suspended. */
  public static Instant resumedClosesAt(Instant closesAt, Instant suspendedAt, Instant now) {
    return closesAt == null || suspendedAt == null ? closesAt : closesAt.plus(Duration.between(suspendedAt, now));
  }

  /** The sale is over: awarded, failed or withdrawn. */
  public static boolean isClosed(ListingStatus status) {
    return status == ListingStatus.AWARDED || status == ListingStatus.FAILED || status == ListingStatus.WITHDRAWN;
  }
}
