package io.reelx.settlement.terms.domain;

import java.util.List;

/**
 * What a contract says about money after signing. Every component but {@code currency} and
 * {@code payees} may be absent ({@code null}). Amounts are minor units of {@code currency};
 * percentages are basis points. Build freely, then run {@link TermsValidator}: it reports every
 * problem at once.
 *
 * @param declaredPayableToleranceMinor how far a platform's declared payable may differ from the
 *     computed one before reconciliation raises a discrepancy (0 = exact)
 * @param outOfWindowLines what becomes of report lines outside the licensed territories and media
 *     ({@link OutOfWindowLines#REFUSE} when absent)
 */
public record SettlementTerms(
    String currency,
    FlatFee flatFee,
    MinimumGuarantee minimumGuarantee,
    RevenueShare revenueShare,
    List<Payee> payees,
    long exchangeFeeBasisPoints,
    WithholdingTax withholdingTax,
    long declaredPayableToleranceMinor,
    OutOfWindowLines outOfWindowLines) {

  public SettlementTerms {
    payees = payees == null ? null : List.copyOf(payees);
    outOfWindowLines = outOfWindowLines == null ? OutOfWindowLines.REFUSE : outOfWindowLines;
  }

  /** Terms that refuse out-of-window report lines (the default). */
  public SettlementTerms(String currency, FlatFee flatFee, MinimumGuarantee minimumGuarantee, RevenueShare revenueShare,
      List<Payee> payees, long exchangeFeeBasisPoints, WithholdingTax withholdingTax, long declaredPayableToleranceMinor) {
    this(currency, flatFee, minimumGuarantee, revenueShare, payees, exchangeFeeBasisPoints, withholdingTax,
        declaredPayableToleranceMinor, OutOfWindowLines.REFUSE);
  }
}
