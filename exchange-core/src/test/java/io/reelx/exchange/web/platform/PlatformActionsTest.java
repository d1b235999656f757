package io.reelx.exchange.web.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which months of revenue a platform still has to report under a contract. */
class PlatformActionsTest {

  private static final YearMonth DECEMBER = YearMonth.of(2026, 12);

  @Test
  void every_month_from_the_licence_start_to_last_month_is_due_before_any_report() {
    assertThat(PlatformActions.due(DECEMBER, LocalDate.parse("2026-09-15"), LocalDate.parse("2027-12-31"), null, null))
        .containsExactly("2026-09", "2026-10", "2026-11");
  }

  @Test
  void months_after_the_last_reported_one_are_due() {
    assertThat(PlatformActions.due(DECEMBER, LocalDate.parse("2026-09-01"), LocalDate.parse("2027-12-31"), null, "2026-10"))
        .containsExactly("2026-11");
  }

  @Test
  void nothing_is_due_before_the_licence_starts_nor_for_the_running_month() {
    assertThat(PlatformActions.due(DECEMBER, LocalDate.parse("2027-01-01"), LocalDate.parse("2028-12-31"), null, null))
        .isEmpty();
    assertThat(PlatformActions.due(DECEMBER, LocalDate.parse("2026-12-01"), LocalDate.parse("2028-12-31"), null, null))
        .isEmpty();
  }

  @Test
  void no_month_after_the_licence_ended_is_due() {
    assertThat(PlatformActions.due(DECEMBER, LocalDate.parse("2026-08-01"), LocalDate.parse("2028-12-31"),
        LocalDate.parse("2026-09-10"), null)).containsExactly("2026-08", "2026-09");
    assertThat(PlatformActions.due(DECEMBER, LocalDate.parse("2026-08-01"), LocalDate.parse("2026-08-31"), null, null))
        .containsExactly("2026-08");
  }

  @Test
  void at_most_a_year_of_months_is_listed_oldest_first() {
    List<String> due = PlatformActions.due(DECEMBER, LocalDate.parse("2020-01-01"), LocalDate.parse("2030-12-31"), null,
        null);
    assertThat(due).hasSize(PlatformActions.DUE_SHOWN).startsWith("2020-01");
  }
}
