package io.reelx.exchange.listing.domain;

import io.reelx.exchange.shared.domain.InvalidValue;
import io.reelx.settlement.terms.domain.Accumulation;
import io.reelx.settlement.terms.domain.Basis;
import io.reelx.settlement.terms.domain.Deduction;
import io.reelx.settlement.terms.domain.FieldError;
import io.reelx.settlement.terms.domain.FlatFee;
import io.reelx.settlement.terms.domain.Metric;
import io.reelx.settlement.terms.domain.MinimumGuarantee;
import io.reelx.settlement.terms.domain.OrganizationId;
import io.reelx.settlement.terms.domain.OutOfWindowLines;
import io.reelx.settlement.terms.domain.Payee;
import io.reelx.settlement.terms.domain.Rate;
import io.reelx.settlement.terms.domain.RateSchedule;
import io.reelx.settlement.terms.domain.RevenueShare;
import io.reelx.settlement.terms.domain.SettlementTerms;
import io.reelx.settlement.terms.domain.TermsValidator;
import io.reelx.settlement.terms.domain.Tier;
import io.reelx.settlement.terms.domain.TierMode;
import io.reelx.settlement.terms.domain.WithholdingTax;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The settlement terms a listing offers and its contract carries, as they are written into events:
 * plain numbers, codes and decimal strings, so the stored form does not change when the
 * settlement module's classes do. {@link #toTerms} turns them into the settlement module's
 * {@link SettlementTerms} and refuses them with every problem at once, each named by its field
 * ({@code settlementTerms.revenueShare.schedule.tiers[1].from}).
 *
 * <p>Amounts are minor units of the listing currency. The simple form (a licence fee, an MG and
 * one rate on GROSS or NET) stays simple: {@code revenueShare.rateBasisPoints} is a one-tier
 * schedule on revenue. Without {@code payees} the whole licensor share goes to the holder.
 */
public record ListingSettlementTerms(
    Long licenceFee,
    String licenceFeeRecurrence,
    Long minimumGuarantee,
    Share revenueShare,
    List<PayeeShare> payees,
    Long exchangeFeeBasisPoints,
    Withholding withholdingTax,
    Long declaredPayableTolerance,
    String notes,
    String outOfWindowLines) {

  /** Above 10,000 basis points is a bonus coefficient; the ceiling is the settlement module's. */
  public static final long MAX_BASIS_POINTS = TermsValidator.MAX_RATE_BASIS_POINTS;

  /**
   * Country of the default payee when only the shape of the terms is checked (listing creation):
   * the user-assigned ISO code for "unknown". The settlement intake uses the holder's real country.
   */
  public static final String UNKNOWN_COUNTRY = "ZZ";

  private static final String FIELD = "settlementTerms.";

  public ListingSettlementTerms {
    payees = copy(payees);
  }

  /** Terms that leave out-of-window report lines to the default (refused). */
  public ListingSettlementTerms(Long licenceFee, String licenceFeeRecurrence, Long minimumGuarantee, Share revenueShare,
      List<PayeeShare> payees, Long exchangeFeeBasisPoints, Withholding withholdingTax, Long declaredPayableTolerance,
      String notes) {
    this(licenceFee, licenceFeeRecurrence, minimumGuarantee, revenueShare, payees, exchangeFeeBasisPoints, withholdingTax,
        declaredPayableTolerance, notes, null);
  }

  /** An unmodifiable copy that keeps null elements, so that {@link #toTerms} can name them. */
  private static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : java.util.Collections.unmodifiableList(new ArrayList<>(list));
  }

  /** A share of GROSS or NET revenue: one rate, or a tiered schedule; NET lists its deductions. */
  public record Share(String basis, Long rateBasisPoints, List<DeductionShare> deductions, ShareSchedule schedule) {
    public Share {
      deductions = copy(deductions);
    }
  }

  /** Taken off gross, one after another, to reach NET (e.g. app-store fee 3000, then VAT 600). */
  public record DeductionShare(String name, long basisPoints) {}

  /** Tiers over a metric, applied MARGINAL or STEP, per period or CUMULATIVE. */
  public record ShareSchedule(String metric, String mode, String accumulation, List<TierRate> tiers) {
    public ShareSchedule {
      tiers = copy(tiers);
    }
  }

  /** From {@code from} (a decimal) on: a percentage in basis points, or a unit price in minor units. */
  public record TierRate(String from, Long basisPoints, String minorPerUnit) {}

  /** A licensor-side payee and its share of the licensor's money. */
  public record PayeeShare(String organizationId, long shareBasisPoints, String country) {}

  /** Withheld from payees outside {@code payerCountry}. */
  public record Withholding(long basisPoints, String payerCountry) {}

  /** The simple form: flat fee once, MG, one rate on GROSS or NET. */
  public static ListingSettlementTerms simple(Long licenceFee, Long minimumGuarantee, String basis,
      Integer rateBasisPoints, String notes) {
    Share share = basis == null && rateBasisPoints == null ? null
        : new Share(basis, rateBasisPoints == null ? null : rateBasisPoints.longValue(), List.of(), null);
    return new ListingSettlementTerms(licenceFee, null, minimumGuarantee, share, List.of(), null, null, null, notes);
  }

  /**
   * The settlement module's terms in {@code currency}. Without payees the holder takes the whole
   * licensor share, from {@code holderCountry} (which matters only for withholding tax; when not
   * known yet, any valid code checks the shape).
   *
   * @throws InvalidValue naming every invalid field
   */
  public SettlementTerms toTerms(String currency, String holderOrganizationId, String holderCountry) {
    List<InvalidValue.Field> problems = new ArrayList<>();
    FlatFee flatFee = null;
    if (licenceFee != null) {
      FlatFee.Recurrence recurrence = parse(FlatFee.Recurrence.class, licenceFeeRecurrence == null ? "ONCE"
          : licenceFeeRecurrence, "licenceFeeRecurrence", problems);
      flatFee = new FlatFee(licenceFee, recurrence);
    }
    RevenueShare share = revenueShare == null ? null : share(revenueShare, problems);
    List<Payee> payeeList = new ArrayList<>();
    if (payees.isEmpty()) {
      payeeList.add(new Payee(new OrganizationId(holderOrganizationId), 10_000, holderCountry));
    } else {
      for (int i = 0; i < payees.size(); i++) {
        PayeeShare p = payees.get(i);
        if (p == null) {
          problems.add(new InvalidValue.Field(FIELD + "payees[" + i + "]", "is required"));
          continue;
        }
        payeeList.add(new Payee(p.organizationId() == null ? null : new OrganizationId(p.organizationId()),
            p.shareBasisPoints(), p.country()));
      }
    }
    OutOfWindowLines outside = outOfWindowLines == null ? OutOfWindowLines.REFUSE
        : parse(OutOfWindowLines.class, outOfWindowLines, "outOfWindowLines", problems);
    SettlementTerms terms = new SettlementTerms(currency, flatFee,
        minimumGuarantee == null ? null : new MinimumGuarantee(minimumGuarantee), share, payeeList,
        exchangeFeeBasisPoints == null ? 0 : exchangeFeeBasisPoints,
        withholdingTax == null ? null : new WithholdingTax(withholdingTax.basisPoints(), withholdingTax.payerCountry()),
        declaredPayableTolerance == null ? 0 : declaredPayableTolerance, outside);
    if (problems.isEmpty()) {
      for (FieldError e : TermsValidator.validate(terms)) {
        problems.add(new InvalidValue.Field(apiField(e.field()), e.reason()));
      }
    }
    if (notes != null && notes.length() > 4000) {
      problems.add(new InvalidValue.Field(FIELD + "notes", "at most 4000 characters"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidValue(problems);
    }
    return terms;
  }

  /**
   * The settlement module's terms written as a listing takes them: the inverse of {@link #toTerms},
   * so that an agreement shows its terms in the shape they were written. Components that have a
   * default are shown with it (payees, exchange fee, tolerance, recurrence, accumulation, what
   * becomes of out-of-window lines); a plain rate on revenue (one MARGINAL PER_PERIOD tier from 0)
   * is {@code rateBasisPoints}. Notes are the contract's words and are not part of settlement terms.
   */
  public static ListingSettlementTerms of(SettlementTerms t) {
    Share share = null;
    RevenueShare r = t.revenueShare();
    if (r != null) {
      List<DeductionShare> deductions = r.deductions().stream().map(d -> new DeductionShare(d.name(), d.basisPoints())).toList();
      RateSchedule schedule = r.schedule();
      if (schedule != null && schedule.metric() == Metric.REVENUE && schedule.mode() == TierMode.MARGINAL
          && schedule.accumulation() == Accumulation.PER_PERIOD && schedule.tiers().size() == 1
          && schedule.tiers().get(0).from().signum() == 0 && schedule.tiers().get(0).rate() instanceof Rate.Percent p) {
        share = new Share(r.basis() == null ? null : r.basis().name(), p.basisPoints(), deductions, null);
      } else {
        ShareSchedule written = schedule == null ? null : new ShareSchedule(name(schedule.metric()), name(schedule.mode()),
            name(schedule.accumulation()), schedule.tiers().stream().map(tier -> new TierRate(tier.from().toPlainString(),
                tier.rate() instanceof Rate.Percent p ? Long.valueOf(p.basisPoints()) : null,
                tier.rate() instanceof Rate.PerUnit u ? u.minorPerUnit().toPlainString() : null)).toList());
        share = new Share(name(r.basis()), null, deductions, written);
      }
    }
    return new ListingSettlementTerms(
        t.flatFee() == null ? null : t.flatFee().amountMinor(),
        t.flatFee() == null ? null : name(t.flatFee().recurrence()),
        t.minimumGuarantee() == null ? null : t.minimumGuarantee().amountMinor(),
        share,
        t.payees() == null ? List.of() : t.payees().stream().map(p -> new PayeeShare(
            p.organization() == null ? null : p.organization().value(), p.shareBasisPoints(), p.country())).toList(),
        t.exchangeFeeBasisPoints(),
        t.withholdingTax() == null ? null : new Withholding(t.withholdingTax().basisPoints(), t.withholdingTax().payerCountry()),
        t.declaredPayableToleranceMinor(),
        null,
        t.outOfWindowLines().name());
  }

  private static String name(Enum<?> value) {
    return value == null ? null : value.name();
  }

  private static RevenueShare share(Share s, List<InvalidValue.Field> problems) {
    Basis basis = s.basis() == null ? null : parse(Basis.class, s.basis(), "revenueShare.basis", problems);
    List<Deduction> deductions = new ArrayList<>();
    for (int i = 0; i < s.deductions().size(); i++) {
      DeductionShare d = s.deductions().get(i);
      if (d == null) {
        problems.add(new InvalidValue.Field(FIELD + "revenueShare.deductions[" + i + "]", "is required"));
      } else {
        deductions.add(new Deduction(d.name(), d.basisPoints()));
      }
    }
    RateSchedule schedule;
    if (s.schedule() != null && s.rateBasisPoints() != null) {
      problems.add(new InvalidValue.Field(FIELD + "revenueShare.rateBasisPoints", "give either one rate or a schedule"));
      return null;
    } else if (s.rateBasisPoints() != null) {
      schedule = RateSchedule.flat(Metric.REVENUE, Rate.percent(s.rateBasisPoints()));
    } else if (s.schedule() != null) {
      ShareSchedule t = s.schedule();
      String at = "revenueShare.schedule.";
      List<Tier> tiers = new ArrayList<>();
      for (int i = 0; i < t.tiers().size(); i++) {
        TierRate tier = t.tiers().get(i);
        String tierAt = at + "tiers[" + i + "]";
        if (tier == null) {
          problems.add(new InvalidValue.Field(FIELD + tierAt, "is required"));
          continue;
        }
        BigDecimal from = decimal(tier.from(), tierAt + ".from", problems);
        Rate rate;
        if ((tier.basisPoints() == null) == (tier.minorPerUnit() == null)) {
          problems.add(new InvalidValue.Field(FIELD + tierAt, "needs either basisPoints or minorPerUnit"));
          rate = null;
        } else if (tier.basisPoints() != null) {
          rate = Rate.percent(tier.basisPoints());
        } else {
          BigDecimal price = decimal(tier.minorPerUnit(), tierAt + ".minorPerUnit", problems);
          rate = price == null ? null : new Rate.PerUnit(price);
        }
        tiers.add(new Tier(from, rate));
      }
      schedule = new RateSchedule(
          t.metric() == null ? null : parse(Metric.class, t.metric(), at + "metric", problems),
          t.mode() == null ? null : parse(TierMode.class, t.mode(), at + "mode", problems),
          t.accumulation() == null ? Accumulation.PER_PERIOD : parse(Accumulation.class, t.accumulation(),
              at + "accumulation", problems),
          tiers);
    } else {
      schedule = null;
    }
    return new RevenueShare(basis, deductions, schedule);
  }

  private static BigDecimal decimal(String text, String field, List<InvalidValue.Field> problems) {
    if (text == null) {
      problems.add(new InvalidValue.Field(FIELD + field, "is required"));
      return null;
    }
    try {
      return new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      problems.add(new InvalidValue.Field(FIELD + field, "must be a decimal number such as 0.35, not '" + text + "'"));
      return null;
    }
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String value, String field,
      List<InvalidValue.Field> problems) {
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.add(new InvalidValue.Field(FIELD + field, "must be one of "
          + java.util.Arrays.toString(type.getEnumConstants()) + ", not '" + value + "'"));
      return null;
    }
  }

  /** The settlement module's field names, as this API names them. */
  static String apiField(String field) {
    String f = field
        .replace("flatFee.amountMinor", "licenceFee")
        .replace("flatFee.recurrence", "licenceFeeRecurrence")
        .replace("minimumGuarantee.amountMinor", "minimumGuarantee")
        .replace("declaredPayableToleranceMinor", "declaredPayableTolerance")
        .replaceAll("\\.organization$", ".organizationId")
        .replace(".rate.basisPoints", ".basisPoints")
        .replace(".rate.minorPerUnit", ".minorPerUnit")
        .replaceAll("\\.rate$", "");
    return f.isEmpty() ? FIELD.substring(0, FIELD.length() - 1) : FIELD + f;
  }
}
