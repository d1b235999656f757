package io.reelx.settlement.report.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects line errors, keeping the first {@link #MAX_KEPT} and counting the rest: a file of a
 * million bad lines must not become a million error objects.
 */
public final class ErrorSink {

  public static final int MAX_KEPT = 1_000;

  private final List<LineError> errors = new ArrayList<>();
  private int count;
  private long lastLine = -1;
  private long linesWithErrors;

  public void add(LineError error) {
    count++;
    if (error.lineNumber() != lastLine) {
      lastLine = error.lineNumber();
      linesWithErrors++;
    }
    if (errors.size() < MAX_KEPT) {
      errors.add(error);
    }
  }

  public int count() {
    return count;
  }

  public long linesWithErrors() {
    return linesWithErrors;
  }

  public List<LineError> errors() {
    return List.copyOf(errors);
  }
}
