package io.reelx.settlement.terms.domain;

/**
 * A recoupable advance in minor units of the terms currency, paid under the contract's payment
 * terms (not by statements). Every statement's share first recoups what is left of it; only the
 * excess is payable.
 */
public record MinimumGuarantee(long amountMinor) {}
