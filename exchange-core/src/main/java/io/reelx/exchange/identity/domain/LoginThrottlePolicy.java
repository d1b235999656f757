package io.reelx.exchange.identity.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How long a key (a username or a client address) is locked out after failed logins in a row:
 * the first {@code freeFailures - 1} cost nothing; the failure that reaches {@code freeFailures}
 * locks the key for {@code firstLock}, and each further failure (only possible once a lock has
 * run out) doubles it, up to {@code maxLock}. Failures older than {@code forgetAfter} no longer
 * count.
 */
public record LoginThrottlePolicy(
    int freeFailures, Duration firstLock, Duration maxLock, Duration forgetAfter) {

  public LoginThrottlePolicy {
    if (freeFailures < 1) {
      throw new IllegalArgumentException("freeFailures must be at least 1");
    }
    if (firstLock.isNegative() || firstLock.isZero() || maxLock.compareTo(firstLock) < 0) {
      throw new IllegalArgumentException("need 0 < firstLock <= maxLock");
    }
  }

  /** The failures in a row after one more, given the count so far and when the last one was. */
  public int failuresAfterOneMore(int failuresSoFar, Instant lastFailure, Instant now) {
    boolean forgotten = lastFailure == null || !lastFailure.plus(forgetAfter).isAfter(now);
    return forgotten ? 1 : failuresSoFar + 1;
  }

  /** The lock a key earns with this many failures in a row, if any. */
  public Optional<Duration> lockFor(int failures) {
    if (failures < freeFailures) {
      return Optional.empty();
    }
    int doublings = Math.min(failures - freeFailures, 40);
    Duration lock = firstLock;
    for (int i = 0; i < doublings && lock.compareTo(maxLock) < 0; i++) {
      lock = lock.multipliedBy(2);
    }
    return Optional.of(lock.compareTo(maxLock) > 0 ? maxLock : lock);
  }

  /** Whole seconds a client should wait (a Retry-After value), at least 1. */
  public static long retryAfterSeconds(Instant lockedUntil, Instant now) {
    long millis = Duration.between(now, lockedUntil).toMillis();
    return Math.max(1, (millis + 999) / 1000);
  }
}
