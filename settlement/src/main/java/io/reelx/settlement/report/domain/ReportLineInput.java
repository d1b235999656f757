package io.reelx.settlement.report.domain;

/**
 * A report line as submitted (a CSV record or a JSON object), every field still text so that
 * every problem can be reported: {@code null} means the field was missing. Numbers travel as
 * strings so that no JSON parser turns a watch-hour figure into a double on the way in.
 */
public record ReportLineInput(
    String episode,
    String territory,
    String channel,
    String views,
    String watchHours,
    String grossMinor,
    String currency) {}
