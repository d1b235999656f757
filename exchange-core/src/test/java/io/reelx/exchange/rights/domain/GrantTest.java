package io.reelx.exchange.rights.domain;

import static io.reelx.exchange.rights.domain.Fixtures.window;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class GrantTest {

  private final Grant grant = new Grant("c", window("CN", "SVOD", "zh", "2026-01-01", "2026-12-31"), true);

  @Test
  void terminated_before_it_starts_a_grant_is_gone() {
    assertThat(grant.terminatedFrom(LocalDate.parse("2026-01-01"))).isEmpty();
    assertThat(grant.terminatedFrom(LocalDate.parse("2025-06-01"))).isEmpty();
  }

  @Test
  void terminated_during_its_term_a_grant_keeps_the_days_before() {
    assertThat(grant.terminatedFrom(LocalDate.parse("2026-07-01"))).get()
        .satisfies(g -> assertThat(g.window().term()).isEqualTo(Fixtures.term("2026-01-01", "2026-06-30")));
  }

  @Test
  void terminated_after_its_term_a_grant_is_unchanged() {
    assertThat(grant.terminatedFrom(LocalDate.parse("2027-01-01"))).contains(grant);
  }
}
