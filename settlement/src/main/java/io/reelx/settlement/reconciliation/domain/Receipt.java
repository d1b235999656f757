package io.reelx.settlement.reconciliation.domain;

import io.reelx.settlement.money.Money;
import io.reelx.settlement.terms.domain.OrganizationId;

/**
 * Money finance recorded as received from a counterparty, with the bank reference and the invoice
 * number it quoted ({@code null} when it quoted none).
 */
public record Receipt(String bankReference, OrganizationId counterparty, String invoiceNumber, Money amount) {}
