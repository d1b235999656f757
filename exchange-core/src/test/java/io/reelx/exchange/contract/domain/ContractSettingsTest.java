package io.reelx.exchange.contract.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContractSettingsTest {

  static final ContractSettings SHANGHAI = new ContractSettings(ZoneId.of("Asia/Shanghai"), 15, null);

  @ParameterizedTest(name = "awarded {0}, {1} working days: sign before {2}")
  @CsvSource({
      // Monday 10:00 Shanghai + 3 working days: Tue, Wed, Thu -> before Friday 00:00
      "2026-04-06T02:00:00Z, 3, 2026-04-09T16:00:00Z",
      // Friday + 3: Mon, Tue, Wed
      "2026-04-03T10:00:00Z, 3, 2026-04-08T16:00:00Z",
      // Saturday + 1: Monday
      "2026-04-04T10:00:00Z, 1, 2026-04-06T16:00:00Z",
      // 23:30 UTC Thursday is already Friday in Shanghai: + 1 is Monday
      "2026-04-02T23:30:00Z, 1, 2026-04-06T16:00:00Z",
      // Friday + 5: the whole next week
      "2026-04-03T10:00:00Z, 5, 2026-04-10T16:00:00Z",
  })
  void the_signing_deadline_is_the_end_of_the_nth_working_day_after_the_award(Instant awarded, int days,
      Instant deadline) {
    assertThat(SHANGHAI.signingDeadline(awarded, days)).isEqualTo(deadline);
  }

  @ParameterizedTest
  @CsvSource({"2026-04-03T10:00:00Z, 3", "2026-04-04T10:00:00Z, 30"})
  void an_override_replaces_working_days_with_a_fixed_period(Instant awarded, int days) {
    ContractSettings quick = new ContractSettings(ZoneId.of("Asia/Shanghai"), 15, Duration.ofSeconds(4));
    assertThat(quick.signingDeadline(awarded, days)).isEqualTo(awarded.plusSeconds(4));
  }
}
