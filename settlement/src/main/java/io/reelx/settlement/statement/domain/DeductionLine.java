package io.reelx.settlement.statement.domain;

import io.reelx.settlement.money.Money;

/** One deduction taken from gross, in the order applied, and what was left after it. */
public record DeductionLine(String name, long basisPoints, Money amount, Money remaining) {}
