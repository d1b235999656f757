package io.reelx.exchange.listing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelx.exchange.rights.domain.Avails;
import io.reelx.exchange.rights.domain.AvailsCalculator;
import io.reelx.exchange.rights.domain.AvailsRequest;
import io.reelx.exchange.rights.domain.Grant;
import io.reelx.exchange.rights.domain.Holding;
import io.reelx.exchange.rights.domain.HoldingId;
import io.reelx.exchange.rights.domain.LanguageSet;
import io.reelx.exchange.rights.domain.Media;
import io.reelx.exchange.rights.domain.MediaSet;
import io.reelx.exchange.rights.domain.RightsWindow;
import io.reelx.exchange.rights.domain.Term;
import io.reelx.exchange.rights.domain.TerritorySet;
import io.reelx.exchange.shared.domain.RuleViolation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListingSubmissionTest {

  static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");
  static final Schedule NEXT_MONTH =
      new Schedule(Instant.parse("2026-04-01T10:00:00Z"), Instant.parse("2026-04-02T10:00:00Z"), null);

  static final RightsWindow HELD = window("US,CA", "2026-01-01", "2027-12-31");
  static final List<Holding> HOLDINGS = List.of(new Holding(new HoldingId("h-1"), HELD, true, true, "c".repeat(64)));

  static RightsWindow window(String territories, String start, String end) {
    return new RightsWindow(TerritorySet.of(territories.split(",")), MediaSet.of(Media.SVOD), LanguageSet.of("en"),
        Term.of(LocalDate.parse(start), LocalDate.parse(end)));
  }

  static Avails avails(RightsWindow want, List<Grant> grants) {
    return new AvailsCalculator().check(new AvailsRequest(want, true, false), HOLDINGS, grants);
  }

  static void violates(String code, Avails avails, Schedule schedule, String detail) {
    assertThatThrownBy(() -> ListingSubmission.check(avails, schedule, NOW))
        .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.code()).isEqualTo(code))
        .hasMessageContaining(detail);
  }

  @Test
  void a_held_free_window_with_bidding_ahead_may_go_public() {
    assertThatCode(() -> ListingSubmission.check(avails(window("US", "2026-06-01", "2026-12-31"), List.of()),
        NEXT_MONTH, NOW)).doesNotThrowAnyException();
  }

  @Test
  void a_window_beyond_the_holdings_is_refused_naming_what_is_not_held() {
    violates("window-not-available", avails(window("US,MX", "2026-06-01", "2026-12-31"), List.of()), NEXT_MONTH,
        "not held for territories [MX]");
  }

  @Test
  void a_window_licensed_exclusively_elsewhere_is_refused_naming_the_contract() {
    Grant grant = new Grant("c-1", window("CA", "2026-07-01", "2026-07-31"), true);
    violates("window-not-available", avails(window("US,CA", "2026-06-01", "2026-12-31"), List.of(grant)),
        NEXT_MONTH, "exclusively licensed under contract c-1");
  }

  @Test
  void bidding_that_starts_now_or_earlier_is_refused() {
    Avails free = avails(window("US", "2026-06-01", "2026-12-31"), List.of());
    violates("schedule-in-past", free, new Schedule(NOW, NOW.plusSeconds(60), null), "not in the future");
    violates("schedule-in-past", free, new Schedule(NOW.minusSeconds(1), NOW.plusSeconds(60), null),
        "not in the future");
  }

  @Test
  void an_unavailable_window_is_reported_before_a_past_schedule() {
    violates("window-not-available", avails(window("MX", "2026-06-01", "2026-12-31"), List.of()),
        new Schedule(NOW, NOW.plusSeconds(60), null), "MX");
  }
}
