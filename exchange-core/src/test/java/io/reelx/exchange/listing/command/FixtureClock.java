package io.reelx.exchange.listing.command;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.axonframework.test.aggregate.TestExecutor;

/**
 * The fixture's simulated time as the {@link Clock} the aggregate gets injected: commands, the
 * deadlines that {@code whenTimeElapses} fires and the aggregate all read one and the same time.
 * Set the start with {@code givenCurrentTime} before anything schedules a deadline.
 */
public final class FixtureClock extends Clock {

  private final TestExecutor<?> fixture;

  public FixtureClock(TestExecutor<?> fixture) {
    this.fixture = fixture;
  }

  @Override
  public Instant instant() {
    return fixture.currentTime();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    if (zone.equals(getZone())) {
      return this;
    }
    throw new UnsupportedOperationException("The fixture clock runs in UTC");
  }
}
