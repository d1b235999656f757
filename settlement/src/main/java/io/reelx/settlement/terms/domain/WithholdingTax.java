package io.reelx.settlement.terms.domain;

/**
 * Withholding tax on cross-border payments: it applies to every payee whose country differs from
 * {@code payerCountry} (the licensee's country), at {@code basisPoints} of that payee's part.
 */
public record WithholdingTax(long basisPoints, String payerCountry) {

  public boolean appliesTo(Payee payee) {
    return !payerCountry.equals(payee.country());
  }
}
