package io.reelx.exchange.rights.domain;

import static io.reelx.exchange.rights.domain.Fixtures.EVIDENCE;
import static io.reelx.exchange.rights.domain.RightsArbitraries.EVERYTHING;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.statistics.Statistics;

class AvailsProperties {

  private final AvailsCalculator calculator = new AvailsCalculator();
  private final List<Holding> holdEverything =
      List.of(new Holding(new HoldingId("all"), EVERYTHING, true, true, EVIDENCE));

  @Provide
  Arbitrary<RightsWindow> windows() {
    return RightsArbitraries.windows();
  }

  @Provide
  Arbitrary<Tuple2<RightsWindow, RightsWindow>> windowAndAWindowInsideIt() {
    return RightsArbitraries.windows()
        .flatMap(outer -> RightsArbitraries.inside(outer).map(inner -> Tuple.of(outer, inner)));
  }

  @Provide
  Arbitrary<Tuple2<Media, Media>> parentAndDescendant() {
    return RightsArbitraries.anyMedia()
        .flatMap(p -> RightsArbitraries.mediaUnder(p).map(c -> Tuple.of(p, c)));
  }

  record Scenario(AvailsRequest request, List<Holding> holdings, List<Grant> grants) {}

  /**
   * A held window split in two at a random day (each half with its own exclusivity and
   * sublicensability), a few unrelated holdings and grants, and a request drawn mostly from inside
   * the held window, so that requests are often fully held, partly held and blocked.
   */
  @Provide
  Arbitrary<Scenario> scenarios() {
    Arbitrary<Holding> randomHolding =
        Combinators.combine(
                RightsArbitraries.windows(),
                Arbitraries.of(true, false),
                Arbitraries.of(true, false),
                Arbitraries.integers().between(1, 9))
            .as((w, ex, sub, i) -> new Holding(new HoldingId("h-" + i), w, ex, sub, EVIDENCE));
    return RightsArbitraries.windows()
        .flatMap(
            held -> {
              Arbitrary<RightsWindow> nearHeld =
                  Arbitraries.frequencyOf(
                      Tuple.of(2, RightsArbitraries.inside(held)),
                      Tuple.of(2, widenedTerritories(RightsArbitraries.inside(held))),
                      Tuple.of(1, RightsArbitraries.windows()));
              return nearHeld.flatMap(want -> scenario(held, want, randomHolding));
            });
  }

  private static Arbitrary<Scenario> scenario(
      RightsWindow held, RightsWindow want, Arbitrary<Holding> randomHolding) {
    Arbitrary<List<Grant>> grants =
        Combinators.combine(
                Arbitraries.frequencyOf(
                    Tuple.of(2, RightsArbitraries.inside(want)),
                    Tuple.of(1, RightsArbitraries.windows())),
                Arbitraries.of(true, false),
                Arbitraries.integers().between(1, 3))
            .as((w, ex, i) -> new Grant("c-" + i, w, ex))
            .list()
            .ofMaxSize(3);
    return Combinators.combine(
            splitHolding(held),
            randomHolding.list().ofMaxSize(3),
            Arbitraries.of(true, false),
            Arbitraries.of(true, false),
            Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(List.<Grant>of())), Tuple.of(2, grants)))
        .as(
            (split, others, ex, sub, gs) -> {
              List<Holding> holdings = new ArrayList<>(split);
              holdings.addAll(others);
              return new Scenario(new AvailsRequest(want, ex, sub), holdings, gs);
            });
  }

  private static Arbitrary<RightsWindow> widenedTerritories(Arbitrary<RightsWindow> windows) {
    return Combinators.combine(windows, RightsArbitraries.territories())
        .as(
            (w, more) -> {
              java.util.TreeSet<String> codes = new java.util.TreeSet<>(w.territories().codes());
              codes.addAll(more.codes());
              return new RightsWindow(TerritorySet.of(codes), w.media(), w.languages(), w.term());
            });
  }

  private static Arbitrary<List<Holding>> splitHolding(RightsWindow held) {
    long days = java.time.temporal.ChronoUnit.DAYS.between(held.term().start(), held.term().end());
    return Combinators.combine(
            Arbitraries.longs().between(0, days), Arbitraries.of(true, false).list().ofSize(4))
        .as(
            (cut, flags) -> {
              LocalDate split = held.term().start().plusDays(cut);
              List<Holding> halves = new ArrayList<>();
              halves.add(
                  new Holding(
                      new HoldingId("first"),
                      withTerm(held, new Term(held.term().start(), split)),
                      flags.get(0),
                      flags.get(1),
                      EVIDENCE));
              if (split.isBefore(held.term().end())) {
                halves.add(
                    new Holding(
                        new HoldingId("second"),
                        withTerm(held, new Term(split.plusDays(1), held.term().end())),
                        flags.get(2),
                        flags.get(3),
                        EVIDENCE));
              }
              return halves;
            });
  }

  @Property
  void overlap_is_symmetric(@ForAll("windows") RightsWindow a, @ForAll("windows") RightsWindow b) {
    Statistics.label("overlaps").collect(a.overlaps(b));
    assertThat(a.overlaps(b)).isEqualTo(b.overlaps(a));
    assertThat(a.intersection(b).isPresent()).isEqualTo(a.overlaps(b));
  }

  @Property
  void a_window_overlaps_and_contains_itself(@ForAll("windows") RightsWindow w) {
    assertThat(w.overlaps(w)).isTrue();
    assertThat(w.containsAll(w)).isTrue();
    assertThat(w.intersection(w)).contains(w);
  }

  @Property
  void a_window_with_a_parent_media_overlaps_and_contains_the_same_window_with_a_child_media(
      @ForAll("windows") RightsWindow w,
      @ForAll("parentAndDescendant") Tuple2<Media, Media> media) {
    RightsWindow parent = withMedia(w, media.get1());
    RightsWindow child = withMedia(w, media.get2());
    assertThat(parent.overlaps(child)).isTrue();
    assertThat(child.overlaps(parent)).isTrue();
    assertThat(parent.containsAll(child)).isTrue();
  }

  @Property
  void a_window_overlaps_every_window_inside_it_and_their_intersection_is_the_inner_one(
      @ForAll("windowAndAWindowInsideIt") Tuple2<RightsWindow, RightsWindow> pair) {
    RightsWindow outer = pair.get1();
    RightsWindow inner = pair.get2();
    assertThat(outer.containsAll(inner)).isTrue();
    assertThat(outer.overlaps(inner)).isTrue();
    assertThat(outer.intersection(inner)).contains(inner);
  }

  @Property(tries = 300)
  void a_holding_of_a_window_makes_every_request_inside_it_available(
      @ForAll("windowAndAWindowInsideIt") Tuple2<RightsWindow, RightsWindow> pair,
      @ForAll boolean exclusive,
      @ForAll boolean sublicensable) {
    Holding holding = new Holding(new HoldingId("h"), pair.get1(), true, true, EVIDENCE);

    Avails avails =
        calculator.check(
            new AvailsRequest(pair.get2(), exclusive, sublicensable), List.of(holding), List.of());

    assertThat(avails.available()).isTrue();
    assertThat(avails.availableTerritories()).isEqualTo(pair.get2().territories());
  }

  @Property
  void an_exclusive_grant_blocks_exactly_the_requests_that_overlap_it(
      @ForAll("windows") RightsWindow granted,
      @ForAll("windows") RightsWindow requested,
      @ForAll boolean exclusiveRequest) {
    Grant grant = new Grant("c-1", granted, true);
    boolean overlaps = requested.overlaps(granted);
    Statistics.label("overlaps").collect(overlaps);

    Avails avails =
        calculator.check(
            new AvailsRequest(requested, exclusiveRequest, false), holdEverything, List.of(grant));

    if (overlaps) {
      assertThat(avails.available()).isFalse();
      assertThat(avails.blockers())
          .containsExactly(
              new GrantedElsewhere("c-1", true, requested.intersection(granted).orElseThrow()));
    } else {
      assertThat(avails.available()).isTrue();
    }
    Statistics.label("overlaps")
        .coverage(
            c -> {
              c.check(true).percentage(p -> p > 5);
              c.check(false).percentage(p -> p > 5);
            });
  }

  @Property
  void a_non_exclusive_grant_never_blocks_a_non_exclusive_request(
      @ForAll("windows") RightsWindow granted,
      @ForAll("windows") RightsWindow requested,
      @ForAll boolean sublicensable) {
    Avails avails =
        calculator.check(
            new AvailsRequest(requested, false, sublicensable),
            holdEverything,
            List.of(new Grant("c-1", granted, false)));

    assertThat(avails.available()).isTrue();
  }

  /**
   * The calculator against a literal reading of the rules, cell by cell and day by day. Days are
   * sampled at every date where either side can change its answer, so the comparison is exact.
   */
  @Property(tries = 200)
  void the_calculator_agrees_with_a_cell_by_cell_reading_of_the_rules(
      @ForAll("scenarios") Scenario scenario) {
    AvailsRequest request = scenario.request();
    RightsWindow want = request.window();
    boolean exclusive = request.exclusive();
    boolean sublicensable = request.sublicensable();
    List<Holding> holdings = scenario.holdings();
    List<Grant> grants = scenario.grants();
    Avails avails = calculator.check(request, holdings, grants);
    List<NotHeld> notHeld = new ArrayList<>();
    List<GrantedElsewhere> granted = new ArrayList<>();
    for (Blocker b : avails.blockers()) {
      if (b instanceof NotHeld n) {
        notHeld.add(n);
      } else {
        granted.add((GrantedElsewhere) b);
      }
    }
    Statistics.label("available").collect(avails.available());
    Statistics.label("not held blockers").collect(Math.min(notHeld.size(), 3));
    Statistics.label("granted elsewhere").collect(granted.isEmpty() ? "none" : "some");
    Statistics.label("free territories")
        .collect(
            avails.availableTerritories().isEmpty()
                ? "none"
                : avails.availableTerritories().equals(want.territories()) ? "all" : "some");

    List<Holding> usable =
        holdings.stream()
            .filter(h -> (!exclusive || h.exclusive()) && (!sublicensable || h.sublicensable()))
            .toList();
    TreeSet<LocalDate> days = new TreeSet<>();
    days.add(want.term().start());
    for (Holding h : usable) {
      days.add(h.window().term().start());
      days.add(h.window().term().end().plusDays(1));
    }
    for (NotHeld n : notHeld) {
      for (Term gap : n.gaps()) {
        days.add(gap.start());
        days.add(gap.end().plusDays(1));
      }
    }
    days.removeIf(d -> !want.term().contains(d));

    TreeSet<String> expectedFree = new TreeSet<>(want.territories().codes());
    List<String> mismatches = new ArrayList<>();
    for (String t : want.territories().codes()) {
      for (Media m : want.media().leaves()) {
        for (String l : want.languages().codes()) {
          List<Term> heldTerms = new ArrayList<>();
          for (Holding h : usable) {
            RightsWindow w = h.window();
            if (w.territories().contains(t) && w.media().contains(m) && w.languages().contains(l)) {
              heldTerms.add(w.term());
            }
          }
          List<NotHeld> naming = new ArrayList<>();
          for (NotHeld n : notHeld) {
            if (n.territories().contains(t) && n.media().contains(m) && n.languages().contains(l)) {
              naming.add(n);
            }
          }
          if (naming.size() > 1) {
            mismatches.add(t + " " + m + " " + l + " named by " + naming.size() + " blockers");
          }
          List<Term> reportedGaps = naming.isEmpty() ? List.of() : naming.get(0).gaps();
          for (LocalDate d : days) {
            boolean held = heldTerms.stream().anyMatch(term -> term.contains(d));
            boolean reported = reportedGaps.stream().anyMatch(gap -> gap.contains(d));
            if (reported == held) {
              mismatches.add(t + " " + m + " " + l + " on " + d + " held=" + held);
            }
            if (!held) {
              expectedFree.remove(t);
            }
          }
        }
      }
    }
    assertThat(mismatches).isEmpty();
    for (NotHeld n : notHeld) {
      assertThat(want.territories().containsAll(n.territories())).isTrue();
      assertThat(want.media().containsAll(n.media())).isTrue();
      assertThat(want.languages().containsAll(n.languages())).isTrue();
      assertThat(n.gaps())
          .isNotEmpty()
          .allSatisfy(g -> assertThat(want.term().contains(g)).isTrue());
    }

    List<GrantedElsewhere> expectedGranted = new ArrayList<>();
    for (Grant g : grants) {
      if ((exclusive || g.exclusive()) && g.window().overlaps(want)) {
        RightsWindow overlap = g.window().intersection(want).orElseThrow();
        expectedGranted.add(new GrantedElsewhere(g.contractId(), g.exclusive(), overlap));
        expectedFree.removeAll(overlap.territories().codes());
      }
    }
    assertThat(granted).containsExactlyInAnyOrderElementsOf(expectedGranted);
    assertThat(avails.availableTerritories().codes()).containsExactlyElementsOf(expectedFree);
    assertThat(avails.available()).isEqualTo(notHeld.isEmpty() && granted.isEmpty());

    // the same question asked with the inputs in another order gets the same answer
    assertThat(calculator.check(request, reversed(holdings), reversed(grants))).isEqualTo(avails);

    Statistics.label("available").coverage(c -> c.check(true).percentage(p -> p > 10));
    // thresholds far enough below the usual rates (about 10% each) not to fail by chance
    Statistics.label("free territories").coverage(c -> c.check("some").percentage(p -> p >= 3));
    Statistics.label("granted elsewhere").coverage(c -> c.check("some").percentage(p -> p >= 3));
  }

  private static <T> List<T> reversed(List<T> list) {
    List<T> copy = new ArrayList<>(list);
    java.util.Collections.reverse(copy);
    return copy;
  }

  private static RightsWindow withTerm(RightsWindow w, Term term) {
    return new RightsWindow(w.territories(), w.media(), w.languages(), term);
  }

  private static RightsWindow withMedia(RightsWindow w, Media media) {
    return new RightsWindow(w.territories(), MediaSet.of(media), w.languages(), w.term());
  }
}
