package io.reelx.exchange.rights.domain;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** Terse builders so that tests read like rights sheets: window("US,CA", "VOD", "en", ...). */
final class Fixtures {
  static final String EVIDENCE = "a".repeat(64);

  private Fixtures() {}

  static RightsWindow window(
      String territories, String media, String languages, String start, String end) {
    return new RightsWindow(
        TerritorySet.parse(split(territories), "territories"),
        MediaSet.parse(split(media), "media"),
        LanguageSet.parse(split(languages), "languages"),
        term(start, end));
  }

  static Term term(String start, String end) {
    return new Term(LocalDate.parse(start), LocalDate.parse(end));
  }

  static Holding holding(String id, RightsWindow window, boolean exclusive, boolean sublicensable) {
    return new Holding(new HoldingId(id), window, exclusive, sublicensable, EVIDENCE);
  }

  static Holding exclusiveHolding(String id, RightsWindow window) {
    return holding(id, window, true, true);
  }

  static List<String> split(String csv) {
    return Arrays.asList(csv.split(","));
  }
}
