package io.reelx.exchange.rights.domain;

import static io.reelx.exchange.rights.domain.Fixtures.exclusiveHolding;
import static io.reelx.exchange.rights.domain.Fixtures.holding;
import static io.reelx.exchange.rights.domain.Fixtures.term;
import static io.reelx.exchange.rights.domain.Fixtures.window;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AvailsCalculatorTest {

  private final AvailsCalculator calculator = new AvailsCalculator();

  private final RightsWindow worldAllMedia2026 =
      window("WORLD", "ALL_MEDIA", "en,zh,es", "2026-01-01", "2028-12-31");

  private static AvailsRequest exclusive(RightsWindow window) {
    return new AvailsRequest(window, true, false);
  }

  private static AvailsRequest nonExclusive(RightsWindow window) {
    return new AvailsRequest(window, false, false);
  }

  @Test
  void a_request_inside_an_exclusive_holding_with_no_grants_is_available_everywhere() {
    RightsWindow want = window("GREATER_CHINA", "SVOD,AVOD", "zh", "2026-03-01", "2027-02-28");

    Avails avails =
        calculator.check(
            exclusive(want), List.of(exclusiveHolding("h1", worldAllMedia2026)), List.of());

    assertThat(avails.available()).isTrue();
    assertThat(avails.blockers()).isEmpty();
    assertThat(avails.availableTerritories()).isEqualTo(want.territories());
  }

  @Test
  void nothing_held_blocks_the_whole_request_with_one_not_held() {
    RightsWindow want = window("US,CA", "VOD", "en", "2026-01-01", "2026-12-31");

    Avails avails = calculator.check(nonExclusive(want), List.of(), List.of());

    assertThat(avails.available()).isFalse();
    assertThat(avails.blockers())
        .containsExactly(
            new NotHeld(want.territories(), want.media(), want.languages(), List.of(want.term())));
    assertThat(avails.availableTerritories().isEmpty()).isTrue();
  }

  @Test
  void a_holding_ending_early_leaves_the_rest_of_the_term_as_a_gap() {
    RightsWindow want = window("US", "SVOD", "en", "2026-01-01", "2026-12-31");
    Holding firstHalf =
        exclusiveHolding("h1", window("US", "VOD", "en", "2025-01-01", "2026-06-30"));

    Avails avails = calculator.check(nonExclusive(want), List.of(firstHalf), List.of());

    assertThat(avails.blockers())
        .containsExactly(
            new NotHeld(
                want.territories(),
                want.media(),
                want.languages(),
                List.of(term("2026-07-01", "2026-12-31"))));
  }

  @Test
  void consecutive_holdings_together_cover_a_request_neither_covers_alone() {
    RightsWindow want = window("US", "SVOD", "en", "2026-01-01", "2026-12-31");
    List<Holding> holdings =
        List.of(
            exclusiveHolding("h1", window("US", "VOD", "en", "2025-01-01", "2026-06-30")),
            exclusiveHolding("h2", window("US,CA", "SVOD", "en,fr", "2026-07-01", "2027-06-30")));

    assertThat(calculator.check(exclusive(want), holdings, List.of()).available()).isTrue();
  }

  @Test
  void a_parent_media_holding_covers_a_request_for_a_child_media() {
    RightsWindow want = window("US", "FAST", "en", "2026-01-01", "2026-12-31");
    Holding allMedia =
        exclusiveHolding("h1", window("US", "ALL_MEDIA", "en", "2026-01-01", "2026-12-31"));

    assertThat(calculator.check(exclusive(want), List.of(allMedia), List.of()).available())
        .isTrue();
  }

  @Test
  void an_exclusive_request_cannot_rest_on_a_non_exclusive_holding() {
    RightsWindow want = window("US", "SVOD", "en", "2026-01-01", "2026-12-31");
    Holding nonExclusiveHolding = holding("h1", worldAllMedia2026, false, true);

    assertThat(
            calculator.check(exclusive(want), List.of(nonExclusiveHolding), List.of()).blockers())
        .containsExactly(
            new NotHeld(want.territories(), want.media(), want.languages(), List.of(want.term())));
    assertThat(
            calculator
                .check(nonExclusive(want), List.of(nonExclusiveHolding), List.of())
                .available())
        .isTrue();
  }

  @Test
  void a_sublicensable_request_cannot_rest_on_a_holding_without_the_right_to_sublicense() {
    RightsWindow want = window("US", "SVOD", "en", "2026-01-01", "2026-12-31");
    Holding noSublicence = holding("h1", worldAllMedia2026, true, false);

    Avails sublicensable =
        calculator.check(new AvailsRequest(want, false, true), List.of(noSublicence), List.of());
    Avails plain =
        calculator.check(new AvailsRequest(want, true, false), List.of(noSublicence), List.of());

    assertThat(sublicensable.blockers()).singleElement().isInstanceOf(NotHeld.class);
    assertThat(plain.available()).isTrue();
  }

  @Test
  void an_exclusive_grant_blocks_a_non_exclusive_request_with_the_overlap() {
    RightsWindow want = window("US,CA,MX", "VOD", "en,es", "2026-01-01", "2026-12-31");
    Grant grant = new Grant("c-7", window("US", "SVOD,TV", "en", "2026-06-01", "2027-05-31"), true);

    Avails avails =
        calculator.check(
            nonExclusive(want), List.of(exclusiveHolding("h1", worldAllMedia2026)), List.of(grant));

    assertThat(avails.available()).isFalse();
    assertThat(avails.blockers())
        .containsExactly(
            new GrantedElsewhere(
                "c-7", true, window("US", "SVOD", "en", "2026-06-01", "2026-12-31")));
    assertThat(avails.availableTerritories()).isEqualTo(TerritorySet.of("CA", "MX"));
  }

  @Test
  void a_non_exclusive_grant_coexists_with_a_non_exclusive_request_but_blocks_an_exclusive_one() {
    RightsWindow want = window("US", "SVOD", "en", "2026-01-01", "2026-12-31");
    Grant grant = new Grant("c-1", window("US", "VOD", "en", "2026-01-01", "2026-12-31"), false);
    List<Holding> holdings = List.of(exclusiveHolding("h1", worldAllMedia2026));

    assertThat(calculator.check(nonExclusive(want), holdings, List.of(grant)).available()).isTrue();
    assertThat(calculator.check(exclusive(want), holdings, List.of(grant)).blockers())
        .containsExactly(new GrantedElsewhere("c-1", false, want));
  }

  @Test
  void grants_that_do_not_overlap_the_request_do_not_block() {
    RightsWindow want = window("US", "SVOD", "en", "2026-01-01", "2026-12-31");
    List<Grant> grants =
        List.of(
            new Grant(
                "other-territory", window("CA", "SVOD", "en", "2026-01-01", "2026-12-31"), true),
            new Grant("other-media", window("US", "TV", "en", "2026-01-01", "2026-12-31"), true),
            new Grant(
                "other-language", window("US", "SVOD", "fr", "2026-01-01", "2026-12-31"), true),
            new Grant("other-term", window("US", "SVOD", "en", "2027-01-01", "2027-12-31"), true));

    assertThat(
            calculator
                .check(exclusive(want), List.of(exclusiveHolding("h1", worldAllMedia2026)), grants)
                .available())
        .isTrue();
  }

  @Test
  void the_partial_window_lists_territories_free_for_the_whole_media_languages_and_term() {
    RightsWindow want = window("GREATER_CHINA", "VOD", "zh,en", "2026-01-01", "2026-12-31");
    List<Holding> holdings =
        List.of(
            exclusiveHolding(
                "h1", window("CN,HK,MO", "ALL_MEDIA", "zh,en", "2025-01-01", "2027-12-31")),
            // Taiwan is held only in Chinese
            exclusiveHolding("h2", window("TW", "ALL_MEDIA", "zh", "2025-01-01", "2027-12-31")));
    // one day of one language in one media in Hong Kong is already licensed exclusively
    Grant grant = new Grant("c-9", window("HK", "AVOD", "en", "2026-12-31", "2027-12-31"), true);

    Avails avails = calculator.check(nonExclusive(want), holdings, List.of(grant));

    assertThat(avails.available()).isFalse();
    assertThat(avails.availableTerritories()).isEqualTo(TerritorySet.of("CN", "MO"));
    assertThat(avails.blockers())
        .containsExactly(
            new NotHeld(
                TerritorySet.of("TW"), want.media(), LanguageSet.of("en"), List.of(want.term())),
            new GrantedElsewhere(
                "c-9", true, window("HK", "AVOD", "en", "2026-12-31", "2026-12-31")));
  }

  @Test
  void cells_with_the_same_gaps_are_reported_together_and_different_gaps_apart() {
    RightsWindow want = window("US,CA,MX,GB", "VOD", "en", "2026-01-01", "2026-12-31");
    List<Holding> holdings =
        List.of(
            exclusiveHolding("h1", window("US,GB", "VOD", "en", "2026-01-01", "2026-12-31")),
            exclusiveHolding("h2", window("CA", "VOD", "en", "2026-01-01", "2026-06-30")));

    Avails avails = calculator.check(exclusive(want), holdings, List.of());

    assertThat(avails.blockers())
        .containsExactly(
            new NotHeld(
                TerritorySet.of("MX"), want.media(), want.languages(), List.of(want.term())),
            new NotHeld(
                TerritorySet.of("CA"),
                want.media(),
                want.languages(),
                List.of(term("2026-07-01", "2026-12-31"))));
    assertThat(avails.availableTerritories()).isEqualTo(TerritorySet.of("GB", "US"));
  }

  @Test
  void a_not_held_blocker_never_names_a_cell_that_is_held() {
    // US is held for VOD only, Canada for TV only: the missing cells are US-TV and CA-VOD,
    // which is not one box; reporting US,CA x TV,VOD would wrongly deny US-VOD.
    RightsWindow want = window("US,CA", "TV,VOD", "en", "2026-01-01", "2026-12-31");
    List<Holding> holdings =
        List.of(
            exclusiveHolding("h1", window("US", "VOD", "en", "2026-01-01", "2026-12-31")),
            exclusiveHolding("h2", window("CA", "TV", "en", "2026-01-01", "2026-12-31")));

    Avails avails = calculator.check(exclusive(want), holdings, List.of());

    assertThat(avails.blockers())
        .containsExactly(
            new NotHeld(
                TerritorySet.of("CA"),
                MediaSet.of(Media.VOD),
                want.languages(),
                List.of(want.term())),
            new NotHeld(
                TerritorySet.of("US"),
                MediaSet.of(Media.TV),
                want.languages(),
                List.of(want.term())));
  }

  @Test
  void blockers_come_out_in_the_same_order_whatever_the_input_order() {
    RightsWindow want = window("WORLD", "ALL_MEDIA", "en,fr,zh", "2026-01-01", "2026-12-31");
    List<Holding> holdings = new ArrayList<>();
    holdings.add(exclusiveHolding("h1", window("EU", "VOD", "en,fr", "2026-01-01", "2026-09-30")));
    holdings.add(
        exclusiveHolding("h2", window("APEC", "ALL_MEDIA", "zh,en", "2026-01-01", "2026-12-31")));
    holdings.add(
        exclusiveHolding("h3", window("FR", "ALL_MEDIA", "fr", "2026-06-01", "2026-12-31")));
    List<Grant> grants = new ArrayList<>();
    grants.add(new Grant("c-2", window("FR", "SVOD", "fr", "2026-01-01", "2026-12-31"), true));
    grants.add(new Grant("c-1", window("CN", "AVOD", "zh", "2026-01-01", "2026-12-31"), true));
    grants.add(new Grant("c-1", window("HK", "AVOD", "zh", "2026-01-01", "2026-12-31"), true));
    grants.add(new Grant("c-3", window("US", "TV", "en", "2026-01-01", "2026-12-31"), false));

    List<Blocker> first = calculator.check(nonExclusive(want), holdings, grants).blockers();
    Random random = new Random(42);
    for (int i = 0; i < 20; i++) {
      Collections.shuffle(holdings, random);
      Collections.shuffle(grants, random);
      assertThat(calculator.check(nonExclusive(want), holdings, grants).blockers())
          .isEqualTo(first);
    }
    assertThat(
            first.stream()
                .filter(GrantedElsewhere.class::isInstance)
                .map(b -> ((GrantedElsewhere) b).contractId()))
        .containsExactly("c-1", "c-1", "c-2");
  }

  @Test
  void the_world_in_all_media_and_ten_languages_against_fifty_holdings_is_answered_exactly() {
    // Correctness at the size the exchange quotes; speed is measured by the benchmark.
    String languages = "en,zh,es,fr,de,ja,ko,pt,ar,ru";
    RightsWindow want = window("WORLD", "ALL_MEDIA", languages, "2026-01-01", "2030-12-31");
    List<Holding> holdings = new ArrayList<>();
    String[] groups = {"EU", "APEC", "ASEAN", "GREATER_CHINA", "NORTH_AMERICA"};
    String[] media = {"TV", "VOD", "SVOD,AVOD", "SHORT_VIDEO_APP", "THEATRICAL,INFLIGHT"};
    for (int i = 0; i < 50; i++) {
      holdings.add(
          exclusiveHolding(
              "h" + i,
              window(
                  groups[i % 5],
                  media[(i / 5) % 5],
                  i % 2 == 0 ? languages : "en,zh",
                  "2026-01-01",
                  2026 + i % 5 + "-12-31")));
    }
    holdings.add(
        exclusiveHolding(
            "everything-but-2030",
            window("WORLD", "ALL_MEDIA", languages, "2020-01-01", "2029-12-31")));

    Avails avails = calculator.check(exclusive(want), holdings, List.of());

    // Only 2030 can be missing; the NORTH_AMERICA holdings run to 2030 in every media and
    // language (i % 5 == 4 takes every media at least once with all languages), no other does.
    assertThat(avails.blockers())
        .isNotEmpty()
        .allSatisfy(
            b ->
                assertThat(((NotHeld) b).gaps()).containsExactly(term("2030-01-01", "2030-12-31")));
    assertThat(avails.availableTerritories()).isEqualTo(TerritorySet.of("CA", "MX", "US"));
  }
}
