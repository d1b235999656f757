package io.reelx.exchange.rights.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class TermProperties {

  private static final LocalDate DAY_ZERO = LocalDate.parse("2026-01-01");

  /** Short terms around a small range, so that cuts often touch, overlap and straddle the base. */
  @Provide
  Arbitrary<Term> terms() {
    return Combinators.combine(
            Arbitraries.integers().between(-30, 150), Arbitraries.integers().between(0, 60))
        .as(
            (start, length) ->
                new Term(DAY_ZERO.plusDays(start), DAY_ZERO.plusDays(start + length)));
  }

  @Provide
  Arbitrary<List<Term>> cuts() {
    return terms().list().ofMaxSize(6);
  }

  @Property
  void what_is_left_and_what_was_cut_cover_the_base_and_never_meet(
      @ForAll("terms") Term base, @ForAll("cuts") List<Term> cuts) {
    List<Term> left = Term.minus(base, cuts);

    for (LocalDate d = base.start(); !d.isAfter(base.end()); d = d.plusDays(1)) {
      LocalDate day = d;
      boolean inLeft = left.stream().anyMatch(t -> t.contains(day));
      boolean inCut = cuts.stream().anyMatch(t -> t.contains(day));
      assertThat(inLeft).as("%s left", day).isNotEqualTo(inCut);
    }
    for (Term t : left) {
      assertThat(base.contains(t)).isTrue();
    }
  }

  @Property
  void what_is_left_is_in_order_and_as_few_terms_as_possible(
      @ForAll("terms") Term base, @ForAll("cuts") List<Term> cuts) {
    List<Term> left = Term.minus(base, cuts);

    for (int i = 1; i < left.size(); i++) {
      // a day strictly between: two results never touch, so none could be merged
      assertThat(left.get(i - 1).end().plusDays(1)).isBefore(left.get(i).start());
    }
  }
}
