package io.reelx.exchange.rights.ema.domain;

import io.reelx.exchange.rights.domain.Avails;
import io.reelx.exchange.rights.domain.AvailsCalculator;
import io.reelx.exchange.rights.domain.AvailsRequest;
import io.reelx.exchange.rights.domain.GrantedElsewhere;
import io.reelx.exchange.rights.domain.Holding;
import io.reelx.exchange.rights.domain.LanguageSet;
import io.reelx.exchange.rights.domain.Media;
import io.reelx.exchange.rights.domain.MediaSet;
import io.reelx.exchange.rights.domain.RightsWindow;
import io.reelx.exchange.rights.domain.Term;
import io.reelx.exchange.rights.domain.TerritorySet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * A title's avails as EMA rows: each holding cut into one row per territory x licence type, each
 * term cut where a grant begins or ends, each row saying whether that part is available or granted
 * (and under which contracts). Which grants take which part is asked of the {@link
 * AvailsCalculator}, the one place that rule lives. A title's rows come out in a canonical order
 * (territory, licence type, start, end, languages, status) without duplicates, so the same rights
 * give the same sheet however they were recorded.
 */
public final class AvailsRows {

  private static final Comparator<AvailRow> ORDER =
      Comparator.comparing(AvailRow::territory)
          .thenComparing(r -> licenseTypeOrder(r.licenseType()))
          .thenComparing(AvailRow::start, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(AvailRow::end, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(r -> String.join(",", r.allowedLanguages()))
          .thenComparing(AvailRow::exclusive)
          .thenComparing(AvailRow::sublicensable)
          .thenComparing(AvailRow::status)
          .thenComparing(AvailRow::contractId);

  private final AvailsCalculator calculator = new AvailsCalculator();

  /** The title's rows, in canonical order; a title with no holdings is one NotHeld row. */
  public void rows(CatalogueTitle title, Consumer<AvailRow> out) {
    if (title.holdings().isEmpty()) {
      out.accept(row(title, "", "", null, null, List.of(), false, false, "", AvailStatus.NOT_HELD));
      return;
    }
    TreeSet<AvailRow> rows = new TreeSet<>(ORDER);
    for (Holding h : title.holdings()) {
      RightsWindow w = h.window();
      for (String territory : w.territories().codes()) {
        for (Media leaf : new TreeSet<>(w.media().leaves())) {
          RightsWindow cell = new RightsWindow(TerritorySet.of(territory), MediaSet.of(leaf), w.languages(), w.term());
          cells(title, h, cell, rows);
        }
      }
    }
    rows.forEach(out);
  }

  public List<AvailRow> rows(CatalogueTitle title) {
    List<AvailRow> rows = new ArrayList<>();
    rows(title, rows::add);
    return rows;
  }

  private void cells(CatalogueTitle title, Holding h, RightsWindow cell, Set<AvailRow> rows) {
    Avails avails = calculator.check(new AvailsRequest(cell, h.exclusive(), h.sublicensable()),
        title.holdings(), title.grants());
    List<GrantedElsewhere> granted = avails.blockers().stream()
        .filter(GrantedElsewhere.class::isInstance).map(GrantedElsewhere.class::cast).toList();
    String territory = cell.territories().codes().first();
    String licenseType = LicenseTypes.of(cell.media().leaves().iterator().next());
    for (Term segment : segments(cell.term(), granted)) {
      // languages grouped by the contracts that take this segment in them (none: available)
      Map<String, List<String>> languagesByContracts = new TreeMap<>();
      for (String language : cell.languages().codes()) {
        TreeSet<String> contracts = new TreeSet<>();
        for (GrantedElsewhere g : granted) {
          if (g.overlap().languages().contains(language) && g.overlap().term().overlaps(segment)) {
            contracts.add(g.contractId());
          }
        }
        languagesByContracts.computeIfAbsent(String.join(" ", contracts), k -> new ArrayList<>()).add(language);
      }
      languagesByContracts.forEach((contracts, languages) -> rows.add(row(title, territory, licenseType,
          segment.start(), segment.end(), LanguageSet.of(languages).codes().stream().toList(), h.exclusive(),
          h.sublicensable(), contracts, contracts.isEmpty() ? AvailStatus.AVAILABLE : AvailStatus.GRANTED)));
    }
  }

  /** The term cut at every day a grant's overlap starts or ends after. */
  static List<Term> segments(Term term, List<GrantedElsewhere> granted) {
    TreeSet<LocalDate> starts = new TreeSet<>();
    starts.add(term.start());
    for (GrantedElsewhere g : granted) {
      Term t = g.overlap().term();
      if (t.start().isAfter(term.start())) {
        starts.add(t.start());
      }
      if (t.end().isBefore(term.end())) {
        starts.add(t.end().plusDays(1));
      }
    }
    List<Term> segments = new ArrayList<>();
    LocalDate[] cuts = starts.toArray(LocalDate[]::new);
    for (int i = 0; i < cuts.length; i++) {
      LocalDate end = i + 1 < cuts.length ? cuts[i + 1].minusDays(1) : term.end();
      segments.add(new Term(cuts[i], end));
    }
    return segments;
  }

  private static AvailRow row(CatalogueTitle t, String territory, String licenseType, LocalDate start, LocalDate end,
      List<String> languages, boolean exclusive, boolean sublicensable, String contracts, AvailStatus status) {
    return new AvailRow(t.licensor(), territory, CatalogueTitle.workType(t.kind()), t.id().value(), t.name(),
        t.originalName() == null ? "" : t.originalName(), t.originalLanguage() == null ? "" : t.originalLanguage(),
        t.productionYear(), t.kind().name(), t.episodes(), t.minutesPerEpisode(), licenseType, start, end, languages,
        exclusive, sublicensable, "", contracts, status);
  }

  private static int licenseTypeOrder(String licenseType) {
    return LicenseTypes.parse(licenseType).map(Enum::ordinal).orElse(-1);
  }
}
