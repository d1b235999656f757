package io.reelx.exchange.rights.domain;

import static io.reelx.exchange.rights.domain.Fixtures.term;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelx.exchange.shared.domain.InvalidValue;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TermTest {

  @Test
  void a_term_of_a_single_day_is_valid() {
    assertThat(term("2026-03-01", "2026-03-01").contains(LocalDate.parse("2026-03-01"))).isTrue();
  }

  @Test
  void an_end_before_the_start_is_refused_on_term_end() {
    assertThatThrownBy(() -> term("2026-03-02", "2026-03-01"))
        .isInstanceOfSatisfying(
            InvalidValue.class, e -> assertThat(e.field()).isEqualTo("term.end"));
  }

  @Test
  void missing_dates_are_refused_on_the_missing_end() {
    assertThatThrownBy(() -> new Term(LocalDate.parse("2026-01-01"), null))
        .isInstanceOfSatisfying(
            InvalidValue.class, e -> assertThat(e.field()).isEqualTo("term.end"));
    assertThatThrownBy(() -> new Term(null, LocalDate.parse("2026-01-01")))
        .isInstanceOfSatisfying(
            InvalidValue.class, e -> assertThat(e.field()).isEqualTo("term.start"));
  }

  @Test
  void terms_sharing_one_day_overlap_and_adjacent_terms_do_not() {
    Term january = term("2026-01-01", "2026-01-31");
    assertThat(january.overlaps(term("2026-01-31", "2026-02-28"))).isTrue();
    assertThat(january.overlaps(term("2026-02-01", "2026-02-28"))).isFalse();
    assertThat(term("2026-02-01", "2026-02-28").overlaps(january)).isFalse();
  }

  @Test
  void containment_and_intersection() {
    Term year = term("2026-01-01", "2026-12-31");
    assertThat(year.contains(term("2026-01-01", "2026-12-31"))).isTrue();
    assertThat(year.contains(term("2025-12-31", "2026-06-30"))).isFalse();
    assertThat(year.intersection(term("2026-12-01", "2027-01-31")))
        .contains(term("2026-12-01", "2026-12-31"));
    assertThat(year.intersection(term("2027-01-01", "2027-01-31"))).isEmpty();
  }

  @Test
  void removing_march_from_a_year_leaves_the_end_of_february_and_april_onwards() {
    assertThat(
            Term.minus(term("2026-01-01", "2026-12-31"), List.of(term("2026-03-01", "2026-03-31"))))
        .containsExactly(term("2026-01-01", "2026-02-28"), term("2026-04-01", "2026-12-31"));
    assertThat(
            Term.minus(term("2028-01-01", "2028-12-31"), List.of(term("2028-03-01", "2028-03-31"))))
        .containsExactly(term("2028-01-01", "2028-02-29"), term("2028-04-01", "2028-12-31"));
  }

  @Test
  void removing_nothing_leaves_the_base_and_removing_a_superset_leaves_nothing() {
    Term base = term("2026-01-01", "2026-12-31");
    assertThat(Term.minus(base, List.of())).containsExactly(base);
    assertThat(Term.minus(base, List.of(term("2025-01-01", "2027-01-01")))).isEmpty();
    assertThat(Term.minus(base, List.of(base))).isEmpty();
  }

  @Test
  void cuts_outside_the_base_change_nothing() {
    Term base = term("2026-01-01", "2026-12-31");
    assertThat(
            Term.minus(
                base, List.of(term("2025-01-01", "2025-12-31"), term("2027-01-01", "2027-12-31"))))
        .containsExactly(base);
  }

  @Test
  void cuts_at_the_edges_trim_the_base_by_whole_days() {
    Term base = term("2026-01-01", "2026-12-31");
    assertThat(
            Term.minus(
                base, List.of(term("2026-12-31", "2026-12-31"), term("2025-06-01", "2026-01-01"))))
        .containsExactly(term("2026-01-02", "2026-12-30"));
  }

  @Test
  void overlapping_touching_and_unsorted_cuts_merge() {
    Term base = term("2026-01-01", "2026-12-31");
    assertThat(
            Term.minus(
                base,
                List.of(
                    term("2026-06-01", "2026-06-30"),
                    term("2026-02-01", "2026-03-15"),
                    term("2026-03-01", "2026-03-31"),
                    term("2026-04-01", "2026-04-30"),
                    term("2026-06-10", "2026-06-20"))))
        .containsExactly(
            term("2026-01-01", "2026-01-31"),
            term("2026-05-01", "2026-05-31"),
            term("2026-07-01", "2026-12-31"));
  }

  @Test
  void a_cut_running_to_the_end_of_time_does_not_overflow() {
    Term base = new Term(LocalDate.parse("2026-01-01"), LocalDate.MAX);
    assertThat(Term.minus(base, List.of(new Term(LocalDate.parse("2026-02-01"), LocalDate.MAX))))
        .containsExactly(term("2026-01-01", "2026-01-31"));
  }
}
