package io.reelx.exchange.rights.ema.domain;

import java.util.List;

/**
 * An imported avails file is refused as a whole (not a spreadsheet, too large, formulas, macros ...)
 * or because some of its rows are invalid; nothing is stored. Answered 400 with every row error.
 */
public class AvailsFileRefused extends RuntimeException {
  private final String code;
  private final List<RowError> errors;

  public AvailsFileRefused(String code, String detail) {
    this(code, detail, List.of());
  }

  public AvailsFileRefused(String code, String detail, List<RowError> errors) {
    super(detail);
    this.code = code;
    this.errors = List.copyOf(errors);
  }

  public String code() {
    return code;
  }

  public List<RowError> errors() {
    return errors;
  }
}
