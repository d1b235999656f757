package io.reelx.settlement.statement.domain;

import io.reelx.settlement.money.Money;
import io.reelx.settlement.terms.domain.OrganizationId;

/** One payee's part of the distributable amount, the tax withheld from it, and what it is paid. */
public record PayeeLine(OrganizationId organization, long shareBasisPoints, Money part, Money withholdingTax, Money net) {}
