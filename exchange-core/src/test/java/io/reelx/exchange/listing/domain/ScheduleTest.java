package io.reelx.exchange.listing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelx.exchange.shared.domain.InvalidValue;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScheduleTest {

  static final Instant START = Instant.parse("2026-04-01T10:00:00Z");

  static void refusedOn(String field, Runnable schedule) {
    assertThatThrownBy(schedule::run)
        .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo(field));
  }

  @Test
  void bidding_must_end_after_it_starts() {
    refusedOn("schedule.biddingEndsAt", () -> new Schedule(START, START, null));
    refusedOn("schedule.biddingEndsAt", () -> new Schedule(START, START.minusSeconds(1), null));
    assertThat(new Schedule(START, START.plusSeconds(1), null).biddingEndsAt()).isEqualTo(START.plusSeconds(1));
  }

  @Test
  void both_ends_are_required() {
    refusedOn("schedule.biddingStartsAt", () -> new Schedule(null, START, null));
    refusedOn("schedule.biddingEndsAt", () -> new Schedule(START, null, null));
  }

  @ParameterizedTest
  @ValueSource(ints = {-30, 0, 3601})
  void a_timed_period_outside_1_second_to_an_hour_is_refused(int seconds) {
    refusedOn("schedule.timedPeriodSeconds", () -> new Schedule(START, START.plusSeconds(86_400), seconds));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, Schedule.MIN_TIMED_PERIOD, 300, Schedule.MAX_TIMED_PERIOD})
  void a_timed_period_from_1_second_to_an_hour_is_a_valid_schedule(int seconds) {
    assertThat(new Schedule(START, START.plusSeconds(86_400), seconds).timedPeriodSeconds()).isEqualTo(seconds);
  }

  @Test
  void the_timed_period_is_optional() {
    assertThat(new Schedule(START, START.plusSeconds(86_400), null).timedPeriodSeconds()).isNull();
  }
}
