package io.reelx.exchange.rights.ema.domain;

import java.util.Map;

/** A data row as read from a sheet or CSV: its number in the file (the header is row 1) and its cells. */
public record RawRow(int number, Map<EmaColumn, String> cells) {
  public String get(EmaColumn column) {
    String value = cells.get(column);
    return value == null ? "" : value.strip();
  }
}
