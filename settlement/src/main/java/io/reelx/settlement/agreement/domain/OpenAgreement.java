package io.reelx.settlement.agreement.domain;

import io.reelx.settlement.terms.domain.SettlementTerms;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Tells settlement that a contract became active. {@code priceDue} is what the licensee still
 * owes of the price after its deposit ({@code depositApplied}), due on {@code priceDueOn}.
 */
public record OpenAgreement(
    String contractId,
    String listingId,
    String currency,
    String licensorOrganizationId,
    String licenseeOrganizationId,
    SettlementTerms terms,
    long priceDue,
    LocalDate priceDueOn,
    Instant activatedAt) {}
