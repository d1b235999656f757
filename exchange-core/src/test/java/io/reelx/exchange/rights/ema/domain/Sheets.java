package io.reelx.exchange.rights.ema.domain;

import io.reelx.exchange.rights.domain.Grant;
import io.reelx.exchange.rights.domain.Holding;
import io.reelx.exchange.rights.domain.HoldingId;
import io.reelx.exchange.rights.domain.LanguageSet;
import io.reelx.exchange.rights.domain.MediaSet;
import io.reelx.exchange.rights.domain.RightsWindow;
import io.reelx.exchange.rights.domain.Term;
import io.reelx.exchange.rights.domain.TerritorySet;
import io.reelx.exchange.rights.domain.TitleId;
import io.reelx.exchange.rights.domain.TitleKind;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Terse builders: window("CN,HK", "SVOD", "zh", "2026-01-01", "2026-12-31"), rows as maps. */
public final class Sheets {
  public static final String EVIDENCE = "b".repeat(64);

  private Sheets() {}

  public static RightsWindow window(String territories, String media, String languages, String start, String end) {
    return new RightsWindow(TerritorySet.parse(split(territories), "territories"), MediaSet.parse(split(media), "media"),
        LanguageSet.parse(split(languages), "languages"), new Term(LocalDate.parse(start), LocalDate.parse(end)));
  }

  public static Holding holding(String id, RightsWindow window, boolean exclusive) {
    return new Holding(new HoldingId(id), window, exclusive, false, EVIDENCE);
  }

  public static CatalogueTitle title(String id, List<Holding> holdings, List<Grant> grants) {
    return new CatalogueTitle(new TitleId(id), "Lotus Pictures", "Moon River", "月河", TitleKind.SERIES, 24, 45, "zh",
        2025, holdings, grants);
  }

  /** A data row; {@code cells} alternate column and value. */
  public static RawRow row(int number, Object... cells) {
    Map<EmaColumn, String> map = new EnumMap<>(EmaColumn.class);
    for (int i = 0; i < cells.length; i += 2) {
      map.put((EmaColumn) cells[i], (String) cells[i + 1]);
    }
    return new RawRow(number, map);
  }

  /** A complete row for a new title "Moon River" (no ContentID). */
  public static RawRow newTitleRow(int number, String territory, String licenseType, String start, String end,
      String languages, String exclusive) {
    return row(number, EmaColumn.TITLE, "Moon River", EmaColumn.TITLE_KIND, "SERIES", EmaColumn.EPISODE_COUNT, "24",
        EmaColumn.EPISODE_MINUTES, "45", EmaColumn.ORIGINAL_LANGUAGE, "zh", EmaColumn.RELEASE_YEAR, "2025",
        EmaColumn.TERRITORY, territory, EmaColumn.LICENSE_TYPE, licenseType, EmaColumn.START, start,
        EmaColumn.END, end, EmaColumn.ALLOWED_LANGUAGES, languages, EmaColumn.EXCLUSIVE, exclusive);
  }

  static List<String> split(String csv) {
    return Arrays.asList(csv.split(","));
  }
}
