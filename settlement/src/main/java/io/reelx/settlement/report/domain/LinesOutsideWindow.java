package io.reelx.settlement.report.domain;

import io.reelx.settlement.money.Money;
import io.reelx.settlement.reconciliation.domain.Discrepancy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Tallies the valid lines of a report that fall outside the licensed window, for terms that
 * accept such lines and record a discrepancy: how many, their gross, and the first {@link
 * #MAX_DETAILS} of them by line and field. Constant memory, like the rest of report streaming.
 * Without a window it tallies nothing.
 */
public final class LinesOutsideWindow implements LineSink {

  public static final int MAX_DETAILS = 20;

  private final LicensedWindow window;
  private final List<String> details = new ArrayList<>();
  private long lines;
  private long grossMinor;
  private String currency;

  /** @param window the licence's window; null tallies nothing */
  public LinesOutsideWindow(LicensedWindow window) {
    this.window = window;
  }

  @Override
  public void accept(ReportLine line) {
    if (window == null) {
      return;
    }
    List<LineError> errors = window.errors(line.lineNumber(), line.territory(), line.channel());
    if (errors.isEmpty()) {
      return;
    }
    lines++;
    grossMinor = Math.addExact(grossMinor, line.grossMinor());
    currency = line.currency();
    if (details.size() < MAX_DETAILS) {
      StringBuilder d = new StringBuilder("line ").append(line.lineNumber()).append(" (").append(line.episode()).append(", ")
          .append(line.territory()).append(", ").append(line.channel()).append(", gross ").append(line.grossMinor()).append(')');
      for (LineError e : errors) {
        d.append("; ").append(e.field()).append(": ").append(e.reason());
      }
      details.add(d.toString());
    }
  }

  public long lines() {
    return lines;
  }

  public long grossMinor() {
    return grossMinor;
  }

  /**
   * The discrepancy the tallied lines make, if any: nothing was expected outside the licence
   * (0) and {@link #grossMinor()} was reported there.
   *
   * @param id the discrepancy's id (derived from the report it was found in)
   * @param subject what it concerns, e.g. the statement id
   */
  public Optional<Discrepancy> discrepancy(String id, String subject) {
    if (lines == 0) {
      return Optional.empty();
    }
    Money actual = Money.of(grossMinor, currency);
    List<String> shown = new ArrayList<>(details);
    if (lines > details.size()) {
      shown.add("and " + (lines - details.size()) + " more line(s)");
    }
    return Optional.of(new Discrepancy(id, Discrepancy.Kind.OUT_OF_WINDOW_LINES, subject, Money.of(0, currency), actual, actual,
        lines + " line(s) report revenue outside the licensed territories or media (gross " + grossMinor + " " + currency
            + " minor units); the terms accept them with a discrepancy", shown, null));
  }
}
