package io.reelx.settlement.report.domain;

/** One problem on one line of a report; {@code field} is the CSV column or JSON property name. */
public record LineError(long lineNumber, String field, String reason) {}
