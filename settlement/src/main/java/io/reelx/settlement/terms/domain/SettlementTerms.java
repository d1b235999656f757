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
 */
public record SettlementTerms(
    String currency,
    FlatFee flatFee,
    MinimumGuarantee minimumGuarantee,
    RevenueShare revenueShare,
    List<Payee> payees,
    long exchangeFeeBasisPoints,
    WithholdingTax withholdingTax,
    long declaredPayableToleranceMinor) {

  public SettlementTerms {
    payees = payees == null ? null : List.copyOf(payees);
  }
}
