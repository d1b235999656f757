package io.reelx.exchange.listing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelx.exchange.shared.domain.InvalidValue;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuctionSettingsTest {

  static final Instant START = Instant.parse("2026-04-01T10:00:00Z");

  static Schedule timed(Integer seconds) {
    return new Schedule(START, START.plusSeconds(86_400), seconds);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 29})
  void by_default_a_timed_period_shorter_than_30_seconds_is_refused(int seconds) {
    assertThatThrownBy(() -> AuctionSettings.DEFAULT.check(timed(seconds)))
        .isInstanceOfSatisfying(InvalidValue.class,
            e -> assertThat(e.field()).isEqualTo("schedule.timedPeriodSeconds"));
  }

  @ParameterizedTest
  @ValueSource(ints = {30, 300, 3600})
  void by_default_a_timed_period_from_30_seconds_to_an_hour_is_accepted(int seconds) {
    assertThatCode(() -> AuctionSettings.DEFAULT.check(timed(seconds))).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 29})
  void a_test_environment_may_accept_timed_periods_of_a_few_seconds(int seconds) {
    assertThatCode(() -> new AuctionSettings(1).check(timed(seconds))).doesNotThrowAnyException();
  }

  @Test
  void a_sale_without_a_timed_period_passes_the_check() {
    assertThatCode(() -> AuctionSettings.DEFAULT.check(timed(null))).doesNotThrowAnyException();
  }
}
