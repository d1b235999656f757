package io.reelx.settlement.statement.domain;

import io.reelx.settlement.money.Money;
import io.reelx.settlement.terms.domain.Basis;
import java.util.List;

/**
 * What one report version pays, step by step, all in the terms currency except {@code
 * reportGross}. The identities always hold:
 *
 * <pre>
 * basisAmount  = gross - sum(deductions)          (NET) or gross (GROSS)
 * share        = sum(tiers.amount)
 * shareAfterRecoupment = share - recoupedThisPeriod
 * payable      = flatFee + shareAfterRecoupment
 * payable      = exchangeFee + sum(payees.part)
 * payees.part  = payees.withholdingTax + payees.net
 * </pre>
 */
public record Statement(
    StatementId id,
    String currency,
    Money reportGross,
    FxRate fxRate,
    Money gross,
    List<DeductionLine> deductions,
    Basis basis,
    Money basisAmount,
    List<TierLine> tiers,
    Money share,
    Money recoupedThisPeriod,
    Money recoupedToDate,
    Money minimumGuaranteeOutstanding,
    Money shareAfterRecoupment,
    Money flatFee,
    Money payable,
    Money exchangeFee,
    List<PayeeLine> payees,
    Money withholdingTax,
    SettlementPosition openingPosition,
    SettlementPosition closingPosition) {

  public Statement {
    deductions = List.copyOf(deductions);
    tiers = List.copyOf(tiers);
    payees = List.copyOf(payees);
  }

  /** What the licensor side receives after the exchange fee and withholding tax. */
  public Money netPaid() {
    Money total = Money.zero(currency);
    for (PayeeLine payee : payees) {
      total = total.plus(payee.net());
    }
    return total;
  }
}
