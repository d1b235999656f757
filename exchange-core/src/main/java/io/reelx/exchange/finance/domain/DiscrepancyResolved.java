package io.reelx.exchange.finance.domain;

import java.time.Instant;

/** Finance resolved a reconciliation discrepancy: the audit trail keeps who, when, how and why. */
public record DiscrepancyResolved(
    String discrepancyId,
    String kind,
    String period,
    String subject,
    long expected,
    long actual,
    String currency,
    String outcome,
    String reason,
    String resolvedBy,
    Instant resolvedAt)
    implements FinanceEvent {}
