package io.reelx.settlement.terms.domain;

import io.reelx.settlement.money.Money;
import io.reelx.settlement.money.Rounding;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks settlement terms and reports every problem at once, each with a JSON-pointer-ish path
 * ({@code payees[1].shareBasisPoints}). Limits are deliberate: terms are data typed in by people.
 */
public final class TermsValidator {

  public static final int MAX_TIERS = 100;
  public static final int MAX_PAYEES = 50;
  public static final int MAX_DEDUCTIONS = 20;
  /** A bonus coefficient may reach 100x (1,000,000 bp); beyond that it is a typo. */
  public static final long MAX_RATE_BASIS_POINTS = 1_000_000;
  public static final int MAX_UNIT_PRICE_SCALE = 9;

  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

  private TermsValidator() {}

  public static List<FieldError> validate(SettlementTerms terms) {
    List<FieldError> errors = new ArrayList<>();
    if (terms == null) {
      errors.add(new FieldError("", "terms are required"));
      return errors;
    }
    if (terms.currency() == null || !Money.isCurrency(terms.currency())) {
      errors.add(new FieldError("currency", "must be an ISO 4217 currency code"));
    }
    if (terms.flatFee() == null && terms.minimumGuarantee() == null && terms.revenueShare() == null) {
      errors.add(new FieldError("", "terms must have a flatFee, a minimumGuarantee or a revenueShare"));
    }
    if (terms.flatFee() != null) {
      if (terms.flatFee().amountMinor() <= 0) {
        errors.add(new FieldError("flatFee.amountMinor", "must be positive"));
      }
      if (terms.flatFee().recurrence() == null) {
        errors.add(new FieldError("flatFee.recurrence", "is required (ONCE or EACH_PERIOD)"));
      }
    }
    if (terms.minimumGuarantee() != null) {
      if (terms.minimumGuarantee().amountMinor() <= 0) {
        errors.add(new FieldError("minimumGuarantee.amountMinor", "must be positive"));
      }
      if (terms.revenueShare() == null) {
        errors.add(new FieldError("minimumGuarantee", "needs a revenueShare to be recouped from"));
      }
    }
    if (terms.revenueShare() != null) {
      revenueShare(terms.revenueShare(), "revenueShare", errors);
    }
    payees(terms.payees(), errors);
    basisPoints(terms.exchangeFeeBasisPoints(), 0, 10_000, "exchangeFeeBasisPoints", errors);
    if (terms.withholdingTax() != null) {
      basisPoints(terms.withholdingTax().basisPoints(), 0, 10_000, "withholdingTax.basisPoints", errors);
      country(terms.withholdingTax().payerCountry(), "withholdingTax.payerCountry", errors);
    }
    if (terms.declaredPayableToleranceMinor() < 0) {
      errors.add(new FieldError("declaredPayableToleranceMinor", "must not be negative"));
    }
    return errors;
  }

  /** Throws {@link InvalidTermsException} carrying every error, or returns the terms. */
  public static SettlementTerms requireValid(SettlementTerms terms) {
    List<FieldError> errors = validate(terms);
    if (!errors.isEmpty()) {
      throw new InvalidTermsException(errors);
    }
    return terms;
  }

  private static void revenueShare(RevenueShare share, String path, List<FieldError> errors) {
    if (share.basis() == null) {
      errors.add(new FieldError(path + ".basis", "is required (GROSS or NET)"));
    } else if (share.basis() == Basis.GROSS && !share.deductions().isEmpty()) {
      errors.add(new FieldError(path + ".deductions", "deductions apply only to a NET basis"));
    }
    if (share.deductions().size() > MAX_DEDUCTIONS) {
      errors.add(new FieldError(path + ".deductions", "at most " + MAX_DEDUCTIONS + " deductions"));
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < share.deductions().size(); i++) {
      Deduction deduction = share.deductions().get(i);
      String at = path + ".deductions[" + i + "]";
      if (deduction == null) {
        errors.add(new FieldError(at, "is required"));
        continue;
      }
      if (deduction.name() == null || deduction.name().isBlank()) {
        errors.add(new FieldError(at + ".name", "is required"));
      } else if (!names.add(deduction.name())) {
        errors.add(new FieldError(at + ".name", "duplicate deduction name '" + deduction.name() + "'"));
      }
      basisPoints(deduction.basisPoints(), 0, 10_000, at + ".basisPoints", errors);
    }
    if (share.schedule() == null) {
      errors.add(new FieldError(path + ".schedule", "is required"));
    } else {
      schedule(share.schedule(), path + ".schedule", errors);
    }
  }

  private static void schedule(RateSchedule schedule, String path, List<FieldError> errors) {
    if (schedule.metric() == null) {
      errors.add(new FieldError(path + ".metric", "is required (REVENUE, VIEWS or WATCH_HOURS)"));
    }
    if (schedule.mode() == null) {
      errors.add(new FieldError(path + ".mode", "is required (MARGINAL or STEP)"));
    }
    if (schedule.accumulation() == null) {
      errors.add(new FieldError(path + ".accumulation", "is required (PER_PERIOD or CUMULATIVE)"));
    }
    List<Tier> tiers = schedule.tiers();
    if (tiers == null || tiers.isEmpty()) {
      errors.add(new FieldError(path + ".tiers", "at least one tier is required"));
      return;
    }
    if (tiers.size() > MAX_TIERS) {
      errors.add(new FieldError(path + ".tiers", "at most " + MAX_TIERS + " tiers"));
    }
    BigDecimal previous = null;
    for (int i = 0; i < tiers.size(); i++) {
      Tier tier = tiers.get(i);
      String at = path + ".tiers[" + i + "]";
      if (tier == null) {
        errors.add(new FieldError(at, "is required"));
        continue;
      }
      BigDecimal from = tier.from();
      if (from == null) {
        errors.add(new FieldError(at + ".from", "is required"));
      } else {
        if (i == 0 && from.signum() != 0) {
          errors.add(new FieldError(at + ".from", "the first tier must start at 0"));
        }
        if (from.signum() < 0) {
          errors.add(new FieldError(at + ".from", "must not be negative"));
        }
        if (previous != null && from.compareTo(previous) <= 0) {
          errors.add(new FieldError(at + ".from", "must be greater than the previous tier's from (" + previous.toPlainString() + ")"));
        }
        if (schedule.metric() == Metric.WATCH_HOURS ? !fitsScale(from, 3) : !fitsScale(from, 0)) {
          errors.add(new FieldError(at + ".from", schedule.metric() == Metric.WATCH_HOURS
              ? "watch hours have at most 3 decimals" : "must be a whole number of " + unit(schedule.metric())));
        }
        previous = from;
      }
      rate(tier.rate(), schedule.metric(), at + ".rate", errors);
    }
  }

  private static void rate(Rate rate, Metric metric, String path, List<FieldError> errors) {
    if (rate == null) {
      errors.add(new FieldError(path, "is required"));
      return;
    }
    if (rate instanceof Rate.Percent percent) {
      basisPoints(percent.basisPoints(), 0, MAX_RATE_BASIS_POINTS, path + ".basisPoints", errors);
    } else if (rate instanceof Rate.PerUnit perUnit) {
      if (metric == Metric.REVENUE) {
        errors.add(new FieldError(path, "a REVENUE schedule takes percentages, not unit prices"));
      }
      if (perUnit.minorPerUnit() == null) {
        errors.add(new FieldError(path + ".minorPerUnit", "is required"));
      } else {
        if (perUnit.minorPerUnit().signum() < 0) {
          errors.add(new FieldError(path + ".minorPerUnit", "must not be negative"));
        }
        if (!fitsScale(perUnit.minorPerUnit(), MAX_UNIT_PRICE_SCALE)) {
          errors.add(new FieldError(path + ".minorPerUnit", "at most " + MAX_UNIT_PRICE_SCALE + " decimals"));
        }
      }
    }
  }

  private static void payees(List<Payee> payees, List<FieldError> errors) {
    if (payees == null || payees.isEmpty()) {
      errors.add(new FieldError("payees", "at least one payee is required"));
      return;
    }
    if (payees.size() > MAX_PAYEES) {
      errors.add(new FieldError("payees", "at most " + MAX_PAYEES + " payees"));
    }
    long sum = 0;
    Set<OrganizationId> seen = new HashSet<>();
    for (int i = 0; i < payees.size(); i++) {
      Payee payee = payees.get(i);
      String at = "payees[" + i + "]";
      if (payee == null) {
        errors.add(new FieldError(at, "is required"));
        continue;
      }
      if (payee.organization() == null || payee.organization().value().isBlank()) {
        errors.add(new FieldError(at + ".organization", "is required"));
      } else if (!seen.add(payee.organization())) {
        errors.add(new FieldError(at + ".organization", "duplicate payee " + payee.organization()));
      }
      basisPoints(payee.shareBasisPoints(), 1, 10_000, at + ".shareBasisPoints", errors);
      sum += Math.max(0, Math.min(payee.shareBasisPoints(), 10_000));
      country(payee.country(), at + ".country", errors);
    }
    if (sum != Rounding.BASIS_POINTS_PER_UNIT) {
      errors.add(new FieldError("payees", "shares must sum to 10000 basis points, not " + sum));
    }
  }

  private static void basisPoints(long value, long min, long max, String path, List<FieldError> errors) {
    if (value < min || value > max) {
      errors.add(new FieldError(path, "must be between " + min + " and " + max + " basis points, not " + value));
    }
  }

  private static void country(String code, String path, List<FieldError> errors) {
    if (code == null || !COUNTRY.matcher(code).matches()) {
      errors.add(new FieldError(path, "must be an ISO 3166-1 alpha-2 code"));
    }
  }

  private static boolean fitsScale(BigDecimal value, int scale) {
    return value.stripTrailingZeros().scale() <= scale;
  }

  private static String unit(Metric metric) {
    return metric == Metric.VIEWS ? "views" : "minor units";
  }
}
