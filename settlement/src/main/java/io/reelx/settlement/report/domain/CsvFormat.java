package io.reelx.settlement.report.domain;

import java.util.List;

/**
 * The revenue-report CSV: UTF-8, comma-separated, one header line naming exactly these columns
 * (any order), then one line per episode x territory x channel. Fields may be double-quoted
 * (a quote inside is doubled); a quoted field may not span lines. Blank lines are skipped.
 *
 * <pre>
 * episode,territory,channel,views,watch_hours,gross_minor,currency
 * S01E01,CN,SVOD,120000,35210.5,1250000,CNY
 * </pre>
 */
public final class CsvFormat {

  public static final String EPISODE = "episode";
  public static final String TERRITORY = "territory";
  public static final String CHANNEL = "channel";
  public static final String VIEWS = "views";
  public static final String WATCH_HOURS = "watch_hours";
  public static final String GROSS_MINOR = "gross_minor";
  public static final String CURRENCY = "currency";

  public static final List<String> COLUMNS = List.of(EPISODE, TERRITORY, CHANNEL, VIEWS, WATCH_HOURS, GROSS_MINOR, CURRENCY);
  public static final String HEADER = String.join(",", COLUMNS);

  /** Longer lines are refused (and skipped) rather than buffered. */
  public static final int MAX_LINE_CHARS = 4_096;

  private CsvFormat() {}
}
