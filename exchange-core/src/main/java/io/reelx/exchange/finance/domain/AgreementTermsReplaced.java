package io.reelx.exchange.finance.domain;

import java.time.Instant;

/**
 * Finance replaced the settlement terms of a contract's agreement. No longer published: the
 * agreement's own {@code AgreementEvent.TermsReplaced} (in its stream, with the rule version) is the
 * one record of a replacement. Kept because event class names are stored forever: logs written
 * before still hold it.
 */
public record AgreementTermsReplaced(String contractId, String terms, String replacedBy, Instant replacedAt)
    implements FinanceEvent {}
