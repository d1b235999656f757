package io.reelx.settlement.report.domain;

import java.math.BigDecimal;
import java.util.List;

/** The totals of one report (one contract, one period, one version), in the report currency. */
public record ReportSummary(String currency, long lines, long views, BigDecimal watchHours, long grossMinor) {

  public static ReportSummary of(String currency, List<ReportLine> lines) {
    ReportTotals totals = new ReportTotals(currency);
    lines.forEach(totals::accept);
    return totals.toSummary();
  }
}
