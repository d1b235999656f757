package io.reelx.acceptance.support;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * How fast the machine running the scenarios is right now, measured rather than assumed: how long
 * the recent calls to the exchange took, and how late the exchange was seen to act on a deadline
 * (its scheduler polls every half second, and a busy machine is slower still). Schedules written in
 * a feature ("bidding opens in 3 seconds", "free period 3 seconds") are minimums: {@link #lead} and
 * {@link #window} widen them so that the calls a scenario makes before the opening, or inside a
 * window, fit with a wide margin however slow the machine is today. On a quiet machine the written
 * numbers stand. JVM-wide: every scenario shares the machine.
 */
public final class Pace {

  /** How many recent samples count. */
  private static final int REMEMBERED = 40;
  /**
   * How much less a sample counts for each later one: a spike fades (to a tenth after about 28
   * calls, e.g. the first calls after the exchange booted), a machine that stays slow keeps
   * the measure up.
   */
  private static final double FADING = 0.92;
  /** Calls a setup before the opening may make (announce, register, deposits, qualify), with a margin. */
  private static final int LEAD_CALLS = 15;
  /** Calls a scenario may make inside one window (bids and the reads that check them), with a wide margin. */
  private static final int WINDOW_CALLS = 20;
  private static final Duration LONGEST_LEAD = Duration.ofSeconds(45);
  private static final Duration LONGEST_WINDOW = Duration.ofSeconds(45);

  private static final Deque<Long> calls = new ArrayDeque<>();
  private static final Deque<Long> lateness = new ArrayDeque<>();
  private static final ThreadLocal<Long> started = new ThreadLocal<>();

  private Pace() {}

  /** A call to the exchange is about to be sent on this thread. */
  static void callStarts() {
    started.set(System.nanoTime());
  }

  /** The call this thread sent has been answered. */
  static void callEnded() {
    Long start = started.get();
    if (start != null) {
      started.remove();
      remember(calls, System.nanoTime() - start);
    }
  }

  /** The exchange was seen to act on a deadline {@code late} after it (the opening, the end of a period). */
  public static void sawDeadlineActedOnAfter(Duration late) {
    remember(lateness, Math.max(0, late.toNanos()));
  }

  public static Duration slowestCall() {
    return slowest(calls);
  }

  public static Duration latestDeadline() {
    return slowest(lateness);
  }

  /**
   * How long before bidding opens to announce a sale: what the feature says, or longer when the
   * recent calls were so slow that the setup might not fit. If it still does not fit, the sale is
   * announced again with a longer lead (see {@link Auction#setUp}): this only makes that rare.
   */
  public static Duration lead(Duration written) {
    Duration needed = slowestCall().multipliedBy(LEAD_CALLS).plus(latestDeadline());
    return wholeSeconds(max(written, min(needed, LONGEST_LEAD)));
  }

  /**
   * How long to make a window in which the scenario's calls must land (a free period, a timed
   * period, a sealed-bid window): what the feature says, or longer on a slow machine. The window
   * starts when the exchange acts on a deadline, which the scenario sees late, so that lateness
   * counts twice.
   */
  public static Duration window(Duration written) {
    Duration needed = slowestCall().multipliedBy(WINDOW_CALLS).plus(latestDeadline().multipliedBy(2));
    return wholeSeconds(max(written, min(needed, LONGEST_WINDOW)));
  }

  /** The next, longer lead to try after {@code lead} proved too short. */
  public static Duration doubled(Duration lead) {
    return max(lead.multipliedBy(2), Duration.ofSeconds(1));
  }

  /** A bound on a wait a feature states ("within 10 seconds"): never less than the harness's own slack. */
  public static Duration bound(Duration stated) {
    return max(stated, Auction.SLACK);
  }

  /** What was measured (a hiccup left out, older samples counting less), for a scenario's log. */
  public static String describe() {
    return "recent calls up to " + slowestCall().toMillis() + " ms, deadlines seen up to "
        + latestDeadline().toMillis() + " ms late";
  }

  private static void remember(Deque<Long> samples, long nanos) {
    synchronized (samples) {
      samples.addLast(nanos);
      while (samples.size() > REMEMBERED) {
        samples.removeFirst();
      }
    }
  }

  /**
   * The slowest of the samples but one, each counted less the older it is (see {@link #FADING}):
   * one slow call is a hiccup (a collection, the first call of its kind after the boot), two are
   * the machine.
   */
  private static Duration slowest(Deque<Long> samples) {
    synchronized (samples) {
      double slowest = 0;
      double next = 0;
      double weight = 1;
      for (var newestFirst = samples.descendingIterator(); newestFirst.hasNext(); weight *= FADING) {
        double sample = newestFirst.next() * weight;
        if (sample > slowest) {
          next = slowest;
          slowest = sample;
        } else if (sample > next) {
          next = sample;
        }
      }
      return Duration.ofNanos((long) (samples.size() > 1 ? next : slowest));
    }
  }

  private static Duration wholeSeconds(Duration d) {
    long seconds = d.toSeconds() + (d.toNanosPart() > 0 ? 1 : 0);
    return Duration.ofSeconds(seconds);
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
