package io.reelx.settlement.reconciliation.domain;

import io.reelx.settlement.money.Money;
import io.reelx.settlement.terms.domain.OrganizationId;

/** What a counterparty was asked to pay, under an invoice number. */
public record Invoice(String number, OrganizationId counterparty, Money amount) {}
