package io.reelx.settlement.report.domain;

import java.math.BigDecimal;

/**
 * A period's report reduced to what the calculator needs: line count, views, watch hours and
 * gross, exact. Used as a {@link LineSink} while streaming, then frozen by {@link #toSummary()}.
 */
public final class ReportTotals implements LineSink {

  private final String currency;
  private long lines;
  private long views;
  private BigDecimal watchHours = BigDecimal.ZERO;
  private long grossMinor;

  public ReportTotals(String currency) {
    this.currency = currency;
  }

  @Override
  public void accept(ReportLine line) {
    if (!line.currency().equals(currency)) {
      throw new IllegalArgumentException("line " + line.lineNumber() + " is in " + line.currency() + ", totals in " + currency);
    }
    lines++;
    views = Math.addExact(views, line.views());
    watchHours = watchHours.add(line.watchHours());
    grossMinor = Math.addExact(grossMinor, line.grossMinor());
  }

  public ReportSummary toSummary() {
    return new ReportSummary(currency, lines, views, watchHours, grossMinor);
  }
}
