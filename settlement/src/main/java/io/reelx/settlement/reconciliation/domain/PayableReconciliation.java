package io.reelx.settlement.reconciliation.domain;

import io.reelx.settlement.money.Money;
import io.reelx.settlement.statement.domain.DeductionLine;
import io.reelx.settlement.statement.domain.Statement;
import io.reelx.settlement.statement.domain.TierLine;
import io.reelx.settlement.terms.domain.Rate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Compares the payable a platform declared with its report against the computed statement. Within
 * the terms' tolerance (0 unless the terms say otherwise) there is nothing to look at; beyond it a
 * discrepancy lists the statement's steps and names the usual causes when the declared figure
 * matches one of them (MG not recouped, flat fee left out, deductions or exchange fee applied by
 * the platform).
 */
public final class PayableReconciliation {

  private PayableReconciliation() {}

  public static Optional<Discrepancy> reconcile(Statement computed, Money declared, long toleranceMinor) {
    Money difference = declared.minus(computed.payable());
    if (Math.abs(difference.minor()) <= toleranceMinor) {
      return Optional.empty();
    }
    List<String> details = new ArrayList<>();
    details.add("report gross " + computed.reportGross()
        + (computed.fxRate() == null ? "" : " at " + computed.fxRate().rate().toPlainString() + " = " + computed.gross()));
    for (DeductionLine deduction : computed.deductions()) {
      details.add("deduction " + deduction.name() + " " + percent(deduction.basisPoints()) + " = " + deduction.amount()
          + ", leaving " + deduction.remaining());
    }
    details.add("basis " + computed.basis() + " = " + computed.basisAmount());
    for (TierLine tier : computed.tiers()) {
      details.add("band " + tier.band() + " from " + tier.from().toPlainString() + (tier.to() == null ? "" : " to " + tier.to().toPlainString())
          + ": volume " + tier.volume().toPlainString() + " at " + rate(tier.rate()) + " = " + tier.amount());
    }
    details.add("share " + computed.share() + ", MG recouped " + computed.recoupedThisPeriod() + ", flat fee " + computed.flatFee()
        + ", payable " + computed.payable());
    List<String> causes = new ArrayList<>();
    if (computed.recoupedThisPeriod().isPositive() && declared.equals(computed.share().plus(computed.flatFee()))) {
      causes.add("the declared payable equals the share before MG recoupment (" + computed.recoupedThisPeriod() + " recouped)");
    }
    if (computed.flatFee().isPositive() && declared.equals(computed.shareAfterRecoupment())) {
      causes.add("the declared payable leaves out the flat fee of " + computed.flatFee());
    }
    if (computed.exchangeFee().isPositive() && declared.equals(computed.payable().minus(computed.exchangeFee()))) {
      causes.add("the declared payable is net of the exchange fee of " + computed.exchangeFee());
    }
    if (!computed.deductions().isEmpty() && declared.isGreaterThan(computed.payable()) && computed.basisAmount().isPositive()) {
      causes.add("declared is higher than computed: check whether the deductions (" + computed.gross().minus(computed.basisAmount())
          + " in total) were applied");
    }
    details.addAll(causes);
    String explanation = "declared payable " + declared + " differs from computed " + computed.payable() + " by " + difference
        + " (tolerance " + Money.of(toleranceMinor, declared.currency()) + ")"
        + (causes.isEmpty() ? "" : ": " + causes.get(0));
    // the statement as the API names it under its contract (2027-03-v1), as statements and reports do
    return Optional.of(new Discrepancy("payable:" + computed.id().contractId() + ":" + computed.id().inContract(),
        Discrepancy.Kind.PAYABLE_MISMATCH, computed.id().inContract(),
        computed.payable(), declared, difference, explanation, details, null));
  }

  private static String percent(long basisPoints) {
    return java.math.BigDecimal.valueOf(basisPoints, 2).stripTrailingZeros().toPlainString() + "%";
  }

  private static String rate(Rate rate) {
    return rate instanceof Rate.Percent percent ? percent(percent.basisPoints())
        : ((Rate.PerUnit) rate).minorPerUnit().toPlainString() + " minor/unit";
  }
}
