package io.reelx.settlement.report.domain;

import java.math.BigDecimal;

/**
 * One validated line of a revenue report: what one episode earned in one territory on one
 * channel. {@code watchHours} is exact with at most 3 decimals; {@code grossMinor} is in minor
 * units of {@code currency}. {@code lineNumber} is where it came from (1 = the CSV header).
 */
public record ReportLine(
    long lineNumber,
    String episode,
    String territory,
    String channel,
    long views,
    BigDecimal watchHours,
    long grossMinor,
    String currency) {}
