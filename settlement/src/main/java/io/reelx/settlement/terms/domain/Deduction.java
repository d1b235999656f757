package io.reelx.settlement.terms.domain;

/**
 * A named deduction from gross (app-store fee, VAT, ...). Deductions apply SUCCESSIVELY in the
 * order listed, each on what the previous ones left: with a 30% store fee then 6% VAT, net =
 * gross x 0.70 x 0.94. Each deduction is rounded once to minor units.
 */
public record Deduction(String name, long basisPoints) {}
