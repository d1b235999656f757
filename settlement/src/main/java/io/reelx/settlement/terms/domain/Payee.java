package io.reelx.settlement.terms.domain;

/**
 * One organisation on the licensor side and its share of what is paid out, in basis points; all
 * payees' shares sum to 10000. {@code country} (ISO 3166-1 alpha-2) decides withholding tax.
 */
public record Payee(OrganizationId organization, long shareBasisPoints, String country) {}
