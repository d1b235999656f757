package io.reelx.exchange.rights.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * A rights window as it is written into events: plain codes and dates, so the stored form does
 * not change when the value classes do. {@link #toWindow()} validates on the way back in.
 */
public record WindowTerms(
    List<String> territories,
    List<String> media,
    List<String> languages,
    LocalDate termStart,
    LocalDate termEnd) {

  public static WindowTerms of(RightsWindow window) {
    return new WindowTerms(
        List.copyOf(window.territories().codes()),
        window.media().leaves().stream().sorted().map(Enum::name).toList(),
        List.copyOf(window.languages().codes()),
        window.term().start(),
        window.term().end());
  }

  /** Parses and validates request input; field names are prefixed with {@code prefix}. */
  public static RightsWindow parse(
      String prefix,
      List<String> territories,
      List<String> media,
      List<String> languages,
      LocalDate start,
      LocalDate end) {
    return new RightsWindow(
        TerritorySet.parse(territories, prefix + "territories"),
        MediaSet.parse(media, prefix + "media"),
        LanguageSet.parse(languages, prefix + "languages"),
        Term.of(start, end));
  }

  public RightsWindow toWindow() {
    return parse("", territories, media, languages, termStart, termEnd);
  }
}
