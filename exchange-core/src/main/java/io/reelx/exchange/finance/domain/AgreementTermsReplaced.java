package io.reelx.exchange.finance.domain;

import java.time.Instant;

/**
 * Finance replaced the settlement terms of a contract's agreement (before its first statement):
 * the audit trail keeps who, when, and the terms as recorded (JSON).
 */
public record AgreementTermsReplaced(String contractId, String terms, String replacedBy, Instant replacedAt)
    implements FinanceEvent {}
