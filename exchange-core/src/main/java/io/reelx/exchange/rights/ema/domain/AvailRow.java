package io.reelx.exchange.rights.ema.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * One row of an EMA Avails sheet: one title x licence type x territory x term, with the languages
 * allowed and what the row says (available, granted under a contract, not held). Dates and
 * languages are empty on a not-held row.
 */
public record AvailRow(
    String licensor,
    String territory,
    String workType,
    String contentId,
    String title,
    String originalTitle,
    String originalLanguage,
    int releaseYear,
    String titleKind,
    int episodeCount,
    int episodeMinutes,
    String licenseType,
    LocalDate start,
    LocalDate end,
    List<String> allowedLanguages,
    boolean exclusive,
    boolean sublicensable,
    String formatProfile,
    String contractId,
    AvailStatus status) {

  public AvailRow {
    allowedLanguages = List.copyOf(allowedLanguages);
  }

  /** The cells as written, in {@link EmaColumn} order. */
  public List<String> cells() {
    return java.util.Arrays.stream(EmaColumn.values()).map(c -> c.write(this)).toList();
  }
}
