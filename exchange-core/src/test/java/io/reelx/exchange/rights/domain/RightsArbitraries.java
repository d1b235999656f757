package io.reelx.exchange.rights.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Small universes, so that random windows meet often and properties run in milliseconds. */
final class RightsArbitraries {
  static final List<String> TERRITORIES = List.of("US", "CA", "MX", "GB", "FR", "CN");
  static final List<String> LANGUAGES = List.of("en", "fr", "es", "zh");
  static final LocalDate DAY_ZERO = LocalDate.parse("2026-01-01");
  static final RightsWindow EVERYTHING =
      new RightsWindow(
          TerritorySet.of(TERRITORIES),
          MediaSet.of(Media.ALL_MEDIA),
          LanguageSet.of(LANGUAGES),
          new Term(DAY_ZERO.minusYears(5), DAY_ZERO.plusYears(10)));

  private RightsArbitraries() {}

  static Arbitrary<RightsWindow> windows() {
    return Combinators.combine(territories(), media(), languages(), terms()).as(RightsWindow::new);
  }

  static Arbitrary<TerritorySet> territories() {
    return Arbitraries.subsetOf(TERRITORIES).ofMinSize(1).map(TerritorySet::of);
  }

  /** Parents included, so that hierarchy is exercised; one to three named media. */
  static Arbitrary<MediaSet> media() {
    return Arbitraries.subsetOf(Media.values()).ofMinSize(1).ofMaxSize(3).map(MediaSet::of);
  }

  static Arbitrary<LanguageSet> languages() {
    return Arbitraries.subsetOf(LANGUAGES).ofMinSize(1).map(LanguageSet::of);
  }

  /** Terms of one day to a year, starting within two years. */
  static Arbitrary<Term> terms() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 730), Arbitraries.integers().between(0, 365))
        .as(
            (start, length) ->
                new Term(DAY_ZERO.plusDays(start), DAY_ZERO.plusDays(start + length)));
  }

  /** A window drawn from inside {@code outer}: each dimension a non-empty part of outer's. */
  static Arbitrary<RightsWindow> inside(RightsWindow outer) {
    long days = ChronoUnit.DAYS.between(outer.term().start(), outer.term().end());
    Arbitrary<Term> term =
        Arbitraries.longs()
            .between(0, days)
            .list()
            .ofSize(2)
            .map(
                ends -> {
                  long a = Math.min(ends.get(0), ends.get(1));
                  long b = Math.max(ends.get(0), ends.get(1));
                  return new Term(
                      outer.term().start().plusDays(a), outer.term().start().plusDays(b));
                });
    return Combinators.combine(
            Arbitraries.subsetOf(outer.territories().codes()).ofMinSize(1).map(TerritorySet::of),
            Arbitraries.subsetOf(outer.media().leaves()).ofMinSize(1).map(MediaSet::of),
            Arbitraries.subsetOf(outer.languages().codes()).ofMinSize(1).map(LanguageSet::of),
            term)
        .as(RightsWindow::new);
  }

  static Arbitrary<Media> anyMedia() {
    return Arbitraries.of(Media.class);
  }

  static Arbitrary<Media> mediaUnder(Media parent) {
    return Arbitraries.of(Arrays.stream(Media.values()).filter(parent::covers).toList());
  }
}
