package io.reelx.exchange.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

/** The fast timestamps write and read exactly what Axon's own formatter and parser do. */
class EventTimestampsTest {

  @Test
  void writes_and_reads_what_axon_does_across_the_years_it_can_meet() {
    SplittableRandom random = new SplittableRandom(7);
    long from = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    long to = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
    for (int i = 0; i < 200_000; i++) {
      Instant instant = Instant.ofEpochSecond(random.nextLong(from, to + 1), random.nextInt(1_000_000_000));
      String axon = DateTimeUtils.formatInstant(instant);
      assertThat(EventTimestamps.format(instant)).isEqualTo(axon);
      assertThat(EventTimestamps.parse(axon)).isEqualTo(DateTimeUtils.parseInstant(axon));
    }
  }

  @Test
  void edges_of_days_months_and_leap_years() {
    for (String text : new String[] {"1970-01-01T00:00:00.000Z", "1969-12-31T23:59:59.999Z",
        "2024-02-29T12:00:00.001Z", "2026-12-31T23:59:59.999Z", "0000-01-01T00:00:00.000Z",
        "9999-12-31T23:59:59.999Z"}) {
      Instant instant = DateTimeUtils.parseInstant(text);
      assertThat(EventTimestamps.format(instant)).isEqualTo(text);
      assertThat(EventTimestamps.parse(text)).isEqualTo(instant);
    }
  }

  @Test
  void other_shapes_go_through_axon() {
    Instant far = Instant.parse("+12026-01-01T00:00:00Z");
    assertThat(EventTimestamps.format(far)).isEqualTo(DateTimeUtils.formatInstant(far));
    assertThat(EventTimestamps.parse("2026-11-26T14:00:00.5+01:00")).isEqualTo(Instant.parse("2026-11-26T13:00:00.500Z"));
    assertThat(EventTimestamps.parse("2026-11-26t13:00:00.123z")).isEqualTo(Instant.parse("2026-11-26T13:00:00.123Z"));
    assertThatThrownBy(() -> EventTimestamps.parse("2026-02-30T00:00:00.000Z"))
        .isInstanceOf(DateTimeParseException.class);
    assertThatThrownBy(() -> EventTimestamps.parse("2026-11-26T24:00:00.000Z"))
        .isInstanceOf(DateTimeParseException.class);
    assertThatThrownBy(() -> EventTimestamps.parse("2026-11-26T1x:00:00.000Z"))
        .isInstanceOf(DateTimeParseException.class);
  }
}
