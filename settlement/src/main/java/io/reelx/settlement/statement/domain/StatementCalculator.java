package io.reelx.settlement.statement.domain;

import io.reelx.settlement.money.Allocation;
import io.reelx.settlement.money.Money;
import io.reelx.settlement.money.Rounding;
import io.reelx.settlement.report.domain.ReportSummary;
import io.reelx.settlement.terms.domain.Basis;
import io.reelx.settlement.terms.domain.Deduction;
import io.reelx.settlement.terms.domain.FlatFee;
import io.reelx.settlement.terms.domain.Metric;
import io.reelx.settlement.terms.domain.Payee;
import io.reelx.settlement.terms.domain.RevenueShare;
import io.reelx.settlement.terms.domain.SettlementTerms;
import io.reelx.settlement.terms.domain.TermsValidator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes a {@link Statement} from terms, one report's totals, the contract's position so far
 * and, when the report is in another currency, an FX rate. Steps, each rounded once HALF_UP to
 * minor units ({@link Rounding}) unless it is an allocation:
 *
 * <ol>
 *   <li>gross: report gross x FX rate (contract currency);
 *   <li>deductions, successively: each = remaining x bp, rounded; net = what remains;
 *   <li>share: the schedule's exact total on the basis (gross or net), rounded once; per-band
 *       amounts are allocated from it by largest remainder;
 *   <li>recoupment: min(share, MG outstanding); the rest of the share is payable;
 *   <li>payable = flat fee due + share after recoupment;
 *   <li>exchange fee = payable x fee bp, rounded;
 *   <li>payee parts = (payable - exchange fee) split by share bp, largest remainder, ties to the
 *       earlier payee;
 *   <li>withholding per cross-border payee = part x tax bp, rounded; net = part - withholding.
 * </ol>
 */
public final class StatementCalculator {

  private StatementCalculator() {}

  public static Statement calculate(StatementId id, SettlementTerms terms, ReportSummary report, SettlementPosition opening, FxRate fx) {
    TermsValidator.requireValid(terms);
    String currency = terms.currency();
    Money reportGross = Money.of(report.grossMinor(), report.currency());
    long gross = convert(report, currency, fx);

    // 2. deductions, successively
    RevenueShare revenueShare = terms.revenueShare();
    List<DeductionLine> deductions = new ArrayList<>();
    long remaining = gross;
    if (revenueShare != null && revenueShare.basis() == Basis.NET) {
      for (Deduction deduction : revenueShare.deductions()) {
        long amount = Rounding.basisPointsOf(remaining, deduction.basisPoints());
        remaining = Math.subtractExact(remaining, amount);
        deductions.add(new DeductionLine(deduction.name(), deduction.basisPoints(), money(amount, currency), money(remaining, currency)));
      }
    }
    Basis basis = revenueShare == null ? Basis.GROSS : revenueShare.basis();
    long basisAmount = basis == Basis.NET ? remaining : gross;

    // 3. share
    List<TierLine> tierLines = new ArrayList<>();
    long share = 0;
    BigDecimal volume = BigDecimal.ZERO;
    if (revenueShare != null) {
      volume = volume(revenueShare.schedule().metric(), report, basisAmount);
      TierCalculator.Result result = TierCalculator.apply(revenueShare.schedule(), volume, opening.cumulativeVolume(), basisAmount);
      share = result.roundedTotal();
      List<BigDecimal> exact = new ArrayList<>();
      for (TierCalculator.Band band : result.bands()) {
        // truncated, so that the floors never exceed the rounded share
        exact.add(band.numerator().divide(result.denominator(), TierCalculator.DISPLAY_SCALE, RoundingMode.DOWN));
      }
      long[] amounts = Allocation.roundToTotal(share, exact);
      for (int i = 0; i < amounts.length; i++) {
        TierCalculator.Band band = result.bands().get(i);
        tierLines.add(new TierLine(band.band(), band.from(), band.to(), band.volume(), band.rate(),
            plain(exact.get(i)), money(amounts[i], currency)));
      }
    }

    // 4. recoupment
    long mg = terms.minimumGuarantee() == null ? 0 : terms.minimumGuarantee().amountMinor();
    long outstanding = Math.max(0, mg - opening.mgRecoupedMinor());
    long recouped = Math.min(share, outstanding);
    long afterRecoupment = share - recouped;

    // 5. payable
    FlatFee flatFee = terms.flatFee();
    boolean feeDue = flatFee != null && (flatFee.recurrence() == FlatFee.Recurrence.EACH_PERIOD || !opening.flatFeeCharged());
    long fee = feeDue ? flatFee.amountMinor() : 0;
    long payable = Math.addExact(fee, afterRecoupment);

    // 6-8. exchange fee, payee split, withholding
    long exchangeFee = Rounding.basisPointsOf(payable, terms.exchangeFeeBasisPoints());
    long distributable = payable - exchangeFee;
    List<Payee> payees = terms.payees();
    long[] weights = new long[payees.size()];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = payees.get(i).shareBasisPoints();
    }
    long[] parts = Allocation.byWeights(distributable, weights);
    List<PayeeLine> payeeLines = new ArrayList<>();
    long withholdingTotal = 0;
    for (int i = 0; i < parts.length; i++) {
      Payee payee = payees.get(i);
      long withheld = terms.withholdingTax() != null && terms.withholdingTax().appliesTo(payee)
          ? Rounding.basisPointsOf(parts[i], terms.withholdingTax().basisPoints()) : 0;
      withholdingTotal += withheld;
      payeeLines.add(new PayeeLine(payee.organization(), payee.shareBasisPoints(), money(parts[i], currency),
          money(withheld, currency), money(parts[i] - withheld, currency)));
    }

    SettlementPosition closing = new SettlementPosition(opening.mgRecoupedMinor() + recouped,
        opening.cumulativeVolume().add(volume), opening.flatFeeCharged() || feeDue);
    return new Statement(id, currency, reportGross, fx, money(gross, currency), deductions, basis, money(basisAmount, currency),
        tierLines, money(share, currency), money(recouped, currency), money(closing.mgRecoupedMinor(), currency),
        money(outstanding - recouped, currency), money(afterRecoupment, currency), money(fee, currency), money(payable, currency),
        money(exchangeFee, currency), payeeLines, money(withholdingTotal, currency), opening, closing);
  }

  /** Step 1: the report's gross in the contract currency. */
  private static long convert(ReportSummary report, String currency, FxRate fx) {
    if (report.currency().equals(currency)) {
      if (fx != null && !(fx.from().equals(currency) && fx.to().equals(currency) && fx.rate().compareTo(BigDecimal.ONE) == 0)) {
        throw new IllegalArgumentException("report and contract are both in " + currency + ": no FX rate applies, got " + fx);
      }
      return report.grossMinor();
    }
    if (fx == null || !fx.from().equals(report.currency()) || !fx.to().equals(currency)) {
      throw new IllegalArgumentException("report in " + report.currency() + " needs an FX rate " + report.currency() + " -> " + currency + ", got " + fx);
    }
    // minor units differ between currencies (JPY has none, CNY two): convert whole units
    int fromDigits = java.util.Currency.getInstance(report.currency()).getDefaultFractionDigits();
    int toDigits = java.util.Currency.getInstance(currency).getDefaultFractionDigits();
    BigDecimal converted = BigDecimal.valueOf(report.grossMinor()).multiply(fx.rate()).movePointRight(toDigits - fromDigits);
    return Rounding.toMinor(converted);
  }

  private static BigDecimal volume(Metric metric, ReportSummary report, long basisAmount) {
    switch (metric) {
      case VIEWS:
        return BigDecimal.valueOf(report.views());
      case WATCH_HOURS:
        return report.watchHours();
      default:
        return BigDecimal.valueOf(basisAmount);
    }
  }

  /** Without trailing zeros but never in exponent form: 200000000, not 2E+8. */
  static BigDecimal plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  private static Money money(long minor, String currency) {
    return Money.of(minor, currency);
  }
}
