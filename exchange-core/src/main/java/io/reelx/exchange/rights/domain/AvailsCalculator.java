package io.reelx.exchange.rights.domain;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Avails = holdings minus grants. A request is held when every (territory, media leaf, language)
 * cell has its whole term covered by holdings with the needed exclusivity and sublicensability; it
 * is free of grants when no exclusive grant overlaps it and, for an exclusive request, no grant at
 * all overlaps it.
 *
 * <p>Cells are never enumerated one by one against the holdings: territories (and media leaves, and
 * languages) that lie in exactly the same holdings are interchangeable, so each dimension is split
 * into classes by the set of holdings containing it, and coverage is computed once per distinct
 * combination of classes. WORLD x ALL_MEDIA x many languages against a few dozen holdings stays a
 * handful of classes per dimension.
 */
public final class AvailsCalculator {

  public Avails check(
      AvailsRequest request, Collection<Holding> holdings, Collection<Grant> grants) {
    RightsWindow want = request.window();
    List<Blocker> blockers = new ArrayList<>(notHeld(request, holdings));
    for (Grant grant : grants) {
      if (request.exclusive() || grant.exclusive()) {
        grant
            .window()
            .intersection(want)
            .ifPresent(
                o -> blockers.add(new GrantedElsewhere(grant.contractId(), grant.exclusive(), o)));
      }
    }
    blockers.sort(BLOCKER_ORDER);

    Set<String> blocked = new HashSet<>();
    for (Blocker blocker : blockers) {
      if (blocker instanceof NotHeld n) {
        blocked.addAll(n.territories().codes());
      } else if (blocker instanceof GrantedElsewhere g) {
        blocked.addAll(g.overlap().territories().codes());
      }
    }
    List<String> free = new ArrayList<>();
    for (String code : want.territories().codes()) {
      if (!blocked.contains(code)) {
        free.add(code);
      }
    }
    return new Avails(request, blockers.isEmpty(), blockers, TerritorySet.of(free));
  }

  private static List<NotHeld> notHeld(AvailsRequest request, Collection<Holding> holdings) {
    RightsWindow want = request.window();
    // Only the part of each usable holding that falls inside the request matters.
    List<RightsWindow> usable = new ArrayList<>();
    for (Holding h : holdings) {
      if ((request.exclusive() && !h.exclusive())
          || (request.sublicensable() && !h.sublicensable())) {
        continue;
      }
      h.window().intersection(want).ifPresent(usable::add);
    }

    // Members of each dimension by position; bit i of a member's set = usable holding i has it.
    String[] territories = want.territories().codes().toArray(String[]::new);
    Media[] media = want.media().leaves().toArray(Media[]::new);
    String[] languages = want.languages().codes().toArray(String[]::new);
    BitSet[] territoryIn = memberships(territories, usable, w -> w.territories().codes());
    BitSet[] mediaIn = memberships(media, usable, w -> w.media().leaves());
    BitSet[] languageIn = memberships(languages, usable, w -> w.languages().codes());
    List<Map.Entry<BitSet, BitSet>> territoryClasses = classes(territoryIn);
    List<Map.Entry<BitSet, BitSet>> mediaClasses = classes(mediaIn);
    List<Map.Entry<BitSet, BitSet>> languageClasses = classes(languageIn);

    // gap list -> (media class, language class) -> territories (positions) with those gaps
    Map<List<Term>, Map<Long, BitSet>> uncovered = new HashMap<>();
    Map<BitSet, List<Term>> gapsByHoldings = new HashMap<>();
    for (int mc = 0; mc < mediaClasses.size(); mc++) {
      for (int lc = 0; lc < languageClasses.size(); lc++) {
        BitSet mediaAndLanguage = (BitSet) mediaClasses.get(mc).getKey().clone();
        mediaAndLanguage.and(languageClasses.get(lc).getKey());
        long classPair = ((long) mc << 32) | lc;
        for (Map.Entry<BitSet, BitSet> t : territoryClasses) {
          BitSet inCell = (BitSet) t.getKey().clone();
          inCell.and(mediaAndLanguage);
          List<Term> gaps =
              gapsByHoldings.computeIfAbsent(inCell, s -> gaps(want.term(), s, usable));
          if (!gaps.isEmpty()) {
            uncovered
                .computeIfAbsent(gaps, g -> new HashMap<>())
                .computeIfAbsent(classPair, k -> new BitSet(territories.length))
                .or(t.getValue());
          }
        }
      }
    }

    List<NotHeld> result = new ArrayList<>();
    uncovered.forEach(
        (gaps, byClassPair) -> {
          // expand class pairs to single (media, language) cells, then regroup into boxes
          Map<MediaLanguage, BitSet> cells = new HashMap<>();
          byClassPair.forEach(
              (classPair, territoryPositions) -> {
                BitSet mediaPositions = mediaClasses.get((int) (classPair >>> 32)).getValue();
                BitSet languagePositions = languageClasses.get((int) (long) classPair).getValue();
                for (int m = mediaPositions.nextSetBit(0);
                    m >= 0;
                    m = mediaPositions.nextSetBit(m + 1)) {
                  for (int l = languagePositions.nextSetBit(0);
                      l >= 0;
                      l = languagePositions.nextSetBit(l + 1)) {
                    cells
                        .computeIfAbsent(new MediaLanguage(m, l), k -> new BitSet())
                        .or(territoryPositions);
                  }
                }
              });
          result.addAll(boxes(gaps, cells, territories, media, languages));
        });
    return result;
  }

  /** For each member, the set of usable holdings (by index) whose window has that member. */
  private static <T> BitSet[] memberships(
      T[] members, List<RightsWindow> usable, Function<RightsWindow, Collection<T>> dimension) {
    Map<T, Integer> position = new HashMap<>();
    BitSet[] in = new BitSet[members.length];
    for (int p = 0; p < members.length; p++) {
      position.put(members[p], p);
      in[p] = new BitSet(usable.size());
    }
    for (int i = 0; i < usable.size(); i++) {
      for (T member : dimension.apply(usable.get(i))) {
        Integer p = position.get(member); // never null: usable windows lie inside the request
        in[p].set(i);
      }
    }
    return in;
  }

  /** Members lying in exactly the same holdings, as (holdings, member positions), in order. */
  private static List<Map.Entry<BitSet, BitSet>> classes(BitSet[] in) {
    Map<BitSet, BitSet> classes = new LinkedHashMap<>();
    for (int p = 0; p < in.length; p++) {
      classes.computeIfAbsent(in[p], k -> new BitSet(in.length)).set(p);
    }
    return new ArrayList<>(classes.entrySet());
  }

  private static List<Term> gaps(Term want, BitSet holdingsInCell, List<RightsWindow> usable) {
    List<Term> covering = new ArrayList<>();
    for (int i = holdingsInCell.nextSetBit(0); i >= 0; i = holdingsInCell.nextSetBit(i + 1)) {
      covering.add(usable.get(i).term());
    }
    return Term.minus(want, covering);
  }

  /**
   * Regroups uncovered cells that share a gap list into boxes (territories x media x languages)
   * whose union is exactly those cells, so that a blocker never names a cell that is held.
   */
  private static List<NotHeld> boxes(
      List<Term> gaps,
      Map<MediaLanguage, BitSet> cells,
      String[] territories,
      Media[] media,
      String[] languages) {
    Map<TerritoriesLanguage, BitSet> mediaByTerritoriesAndLanguage = new HashMap<>();
    cells.forEach(
        (cell, t) ->
            mediaByTerritoriesAndLanguage
                .computeIfAbsent(new TerritoriesLanguage(t, cell.language()), k -> new BitSet())
                .set(cell.media()));
    Map<TerritoriesMedia, BitSet> languagesByBox = new HashMap<>();
    mediaByTerritoriesAndLanguage.forEach(
        (key, m) ->
            languagesByBox
                .computeIfAbsent(new TerritoriesMedia(key.territories(), m), k -> new BitSet())
                .set(key.language()));
    List<NotHeld> result = new ArrayList<>();
    languagesByBox.forEach(
        (box, l) ->
            result.add(
                new NotHeld(
                    TerritorySet.of(pick(territories, box.territories())),
                    MediaSet.of(pick(media, box.media())),
                    LanguageSet.of(pick(languages, l)),
                    gaps)));
    return result;
  }

  private static <T> List<T> pick(T[] members, BitSet positions) {
    List<T> picked = new ArrayList<>(positions.cardinality());
    for (int p = positions.nextSetBit(0); p >= 0; p = positions.nextSetBit(p + 1)) {
      picked.add(members[p]);
    }
    return picked;
  }

  // positions into the request's territories, media leaves and languages

  private record MediaLanguage(int media, int language) {}

  private record TerritoriesLanguage(BitSet territories, int language) {}

  private record TerritoriesMedia(BitSet territories, BitSet media) {}

  // ---- deterministic order of blockers: NotHeld by gaps then region, then grants by contract --

  private static final Comparator<List<Term>> GAPS_ORDER = lexicographic(Term.ORDER);
  private static final Comparator<Iterable<String>> CODES_ORDER =
      lexicographic(Comparator.naturalOrder());
  private static final Comparator<Iterable<Media>> MEDIA_ORDER =
      lexicographic(Comparator.naturalOrder());

  static final Comparator<RightsWindow> WINDOW_ORDER =
      Comparator.<RightsWindow, Iterable<String>>comparing(
              w -> w.territories().codes(), CODES_ORDER)
          .thenComparing(w -> w.media().leaves(), MEDIA_ORDER)
          .thenComparing(w -> w.languages().codes(), CODES_ORDER)
          .thenComparing(RightsWindow::term, Term.ORDER);

  private static final Comparator<NotHeld> NOT_HELD_ORDER =
      Comparator.<NotHeld, List<Term>>comparing(NotHeld::gaps, GAPS_ORDER)
          .thenComparing(n -> n.territories().codes(), CODES_ORDER)
          .thenComparing(n -> n.media().leaves(), MEDIA_ORDER)
          .thenComparing(n -> n.languages().codes(), CODES_ORDER);

  private static final Comparator<GrantedElsewhere> GRANTED_ORDER =
      Comparator.comparing(GrantedElsewhere::contractId)
          .thenComparing(GrantedElsewhere::exclusive)
          .thenComparing(GrantedElsewhere::overlap, WINDOW_ORDER);

  static final Comparator<Blocker> BLOCKER_ORDER =
      (a, b) -> {
        if (a instanceof NotHeld x && b instanceof NotHeld y) {
          return NOT_HELD_ORDER.compare(x, y);
        }
        if (a instanceof GrantedElsewhere x && b instanceof GrantedElsewhere y) {
          return GRANTED_ORDER.compare(x, y);
        }
        return a instanceof NotHeld ? -1 : 1;
      };

  private static <T, I extends Iterable<T>> Comparator<I> lexicographic(
      Comparator<? super T> element) {
    return (a, b) -> {
      Iterator<T> x = a.iterator();
      Iterator<T> y = b.iterator();
      while (x.hasNext() && y.hasNext()) {
        int c = element.compare(x.next(), y.next());
        if (c != 0) {
          return c;
        }
      }
      return Boolean.compare(x.hasNext(), y.hasNext());
    };
  }
}
