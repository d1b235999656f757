package io.reelx.settlement.report.domain;

/** Receives valid report lines one at a time, so that no report is ever held in memory. */
@FunctionalInterface
public interface LineSink {
  void accept(ReportLine line);
}
