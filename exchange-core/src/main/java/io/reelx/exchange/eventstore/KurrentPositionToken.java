package io.reelx.exchange.eventstore;

import java.util.OptionalLong;
import org.axonframework.eventhandling.TrackingToken;

/**
 * A place in KurrentDB's global log ({@code $all}): the commit and prepare positions of the last
 * event a processor has seen. Positions are the server's byte offsets; they only grow, so the token
 * orders by commit position, then prepare position.
 *
 * <p>{@link #TAIL} lies before every event (both positions -1: KurrentDB's positions are unsigned,
 * but never reach 2^63 in practice, so a signed -1 is below all of them).
 */
public record KurrentPositionToken(long commitPosition, long preparePosition)
    implements TrackingToken, Comparable<KurrentPositionToken> {

  /** Before the first event: a processor starting here reads the whole log. */
  public static final KurrentPositionToken TAIL = new KurrentPositionToken(-1, -1);

  public KurrentPositionToken {
    if (commitPosition < -1 || preparePosition < -1) {
      throw new IllegalArgumentException(
          "Positions must be >= -1: commit " + commitPosition + ", prepare " + preparePosition);
    }
  }

  /** Whether this token lies before every event. */
  public boolean atTail() {
    return commitPosition < 0;
  }

  /** Whether an event at the given positions comes after this token. */
  public boolean isBefore(long commit, long prepare) {
    return compareTo(new KurrentPositionToken(commit, prepare)) < 0;
  }

  @Override
  public int compareTo(KurrentPositionToken other) {
    int byCommit = Long.compare(commitPosition, other.commitPosition);
    return byCommit != 0 ? byCommit : Long.compare(preparePosition, other.preparePosition);
  }

  @Override
  public TrackingToken lowerBound(TrackingToken other) {
    KurrentPositionToken that = cast(other);
    return compareTo(that) <= 0 ? this : that;
  }

  @Override
  public TrackingToken upperBound(TrackingToken other) {
    KurrentPositionToken that = cast(other);
    return compareTo(that) >= 0 ? this : that;
  }

  @Override
  public boolean covers(TrackingToken other) {
    return other == null || compareTo(cast(other)) >= 0;
  }

  @Override
  public OptionalLong position() {
    return OptionalLong.of(commitPosition);
  }

  private static KurrentPositionToken cast(TrackingToken other) {
    if (other instanceof KurrentPositionToken token) {
      return token;
    }
    throw new IllegalArgumentException("Incompatible token type: " + other);
  }
}
