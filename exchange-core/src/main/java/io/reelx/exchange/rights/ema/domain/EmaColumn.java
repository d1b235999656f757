package io.reelx.exchange.rights.ema.domain;

import java.util.Locale;
import java.util.function.Function;

/**
 * The columns of the ReelX EMA Avails sheet, in order. EMA names where EMA has the field; the
 * ReelX additions (TitleKind, EpisodeCount, EpisodeRuntimeMinutes, Sublicensable, AvailStatus) are
 * what an import needs to register a title and record a holding without loss.
 */
public enum EmaColumn {
  LICENSOR("Licensor", AvailRow::licensor),
  TERRITORY("Territory", AvailRow::territory),
  WORK_TYPE("WorkType", AvailRow::workType),
  CONTENT_ID("ContentID", AvailRow::contentId),
  TITLE("TitleDisplayUnlimited", AvailRow::title),
  ORIGINAL_TITLE("TitleInternalAlias", AvailRow::originalTitle),
  ORIGINAL_LANGUAGE("OriginalLanguage", AvailRow::originalLanguage),
  RELEASE_YEAR("ReleaseYear", r -> r.releaseYear() == 0 ? "" : Integer.toString(r.releaseYear())),
  TITLE_KIND("TitleKind", AvailRow::titleKind),
  EPISODE_COUNT("EpisodeCount", r -> Integer.toString(r.episodeCount())),
  EPISODE_MINUTES("EpisodeRuntimeMinutes", r -> Integer.toString(r.episodeMinutes())),
  LICENSE_TYPE("LicenseType", AvailRow::licenseType),
  START("Start", r -> r.start() == null ? "" : r.start().toString()),
  END("End", r -> r.end() == null ? "" : r.end().toString()),
  ALLOWED_LANGUAGES("AllowedLanguages", r -> String.join(",", r.allowedLanguages())),
  EXCLUSIVE("Exclusive", r -> r.exclusive() ? "Yes" : "No"),
  SUBLICENSABLE("Sublicensable", r -> r.sublicensable() ? "Yes" : "No"),
  FORMAT_PROFILE("FormatProfile", AvailRow::formatProfile),
  CONTRACT_ID("ContractID", AvailRow::contractId),
  AVAIL_STATUS("AvailStatus", r -> r.status().label());

  private final String header;
  private final Function<AvailRow, String> writer;

  EmaColumn(String header, Function<AvailRow, String> writer) {
    this.header = header;
    this.writer = writer;
  }

  public String header() {
    return header;
  }

  public String write(AvailRow row) {
    String value = writer.apply(row);
    return value == null ? "" : value;
  }

  /** The column a header names, case- and space-insensitively. */
  public static java.util.Optional<EmaColumn> byHeader(String header) {
    String key = header.replace(" ", "").toLowerCase(Locale.ROOT);
    for (EmaColumn c : values()) {
      if (c.header.toLowerCase(Locale.ROOT).equals(key)) {
        return java.util.Optional.of(c);
      }
    }
    return java.util.Optional.empty();
  }

  public static java.util.List<String> headers() {
    return java.util.Arrays.stream(values()).map(EmaColumn::header).toList();
  }
}
