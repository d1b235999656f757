package io.reelx.exchange.finance.domain;

import java.time.Instant;

/**
 * Finance resolved a reconciliation discrepancy: who, when, how and why. No longer published: a
 * resolution is now the period reconciliation's own event
 * ({@code io.reelx.settlement.reconciliation.domain.ReconciliationEvent.DiscrepancyResolved}); the
 * type stays so that event logs written before still read.
 */
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
