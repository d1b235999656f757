package io.reelx.exchange.web.holder;

import io.reelx.exchange.listing.domain.ListingSettlementTerms;
import io.reelx.exchange.listing.domain.ListingSettlementTerms.DeductionShare;
import io.reelx.exchange.listing.domain.ListingSettlementTerms.PayeeShare;
import io.reelx.exchange.listing.domain.ListingSettlementTerms.Share;
import io.reelx.exchange.listing.domain.ListingSettlementTerms.ShareSchedule;
import io.reelx.exchange.listing.domain.ListingSettlementTerms.TierRate;
import io.reelx.exchange.listing.domain.SaleMode;
import io.reelx.exchange.listing.domain.SaleTerms;
import io.reelx.exchange.listing.domain.Schedule;
import io.reelx.exchange.rights.domain.RightsWindow;
import io.reelx.exchange.rights.domain.WindowTerms;
import io.reelx.exchange.shared.domain.InvalidValue;
import io.reelx.exchange.web.Formats;
import io.reelx.exchange.web.forms.FormInput;
import io.reelx.exchange.web.forms.Refusals;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The listing form read into the values the CreateListing command takes, every problem collected
 * under the API's field name ({@code window.territories}, {@code startingPrice},
 * {@code settlementTerms.revenueShare.schedule.tiers[1].from}); the values themselves are
 * checked by the domain's own constructors, not here. Amounts are typed in major units of the
 * currency; times in Asia/Shanghai.
 */
final class ListingForm {

  static final int DEDUCTION_ROWS = 3;
  static final int TIER_ROWS = 4;
  static final int PAYEE_ROWS = 3;
  static final int SAMPLE_ROWS = 3;

  /** The fields the form shows next to their inputs; any other problem is listed at the top. */
  static final List<String> FIELDS = fields();

  record Parsed(RightsWindow window, boolean exclusive, boolean sublicensable, SaleTerms sale, Schedule schedule,
      int signingDays, ListingSettlementTerms terms, String description) {}

  private ListingForm() {}

  static Parsed parse(FormInput f, Formats formats, Refusals problems) {
    String currency = f.v("currency").isEmpty() ? "CNY" : f.v("currency").toUpperCase(Locale.ROOT);
    RightsWindow window = problems.collect(() -> WindowTerms.parse("window.", list(f.v("territories")),
        f.all("media").stream().filter(s -> !s.isEmpty()).toList(), list(f.v("languages")),
        date(f, "termStart", "window.termStart"), date(f, "termEnd", "window.termEnd")));
    SaleMode mode = problems.collect(() -> {
      try {
        return SaleMode.valueOf(f.v("saleMode"));
      } catch (IllegalArgumentException e) {
        throw new InvalidValue("saleMode", "must be one of " + Arrays.toString(SaleMode.values()));
      }
    });
    Long starting = money(f, "startingPrice", currency, formats, problems, true);
    Long increment = money(f, "increment", currency, formats, problems, false);
    Long reserve = money(f, "reservePrice", currency, formats, problems, false);
    Long deposit = money(f, "deposit", currency, formats, problems, false);
    SaleTerms sale = mode == null || starting == null || problems.has("increment") || problems.has("reservePrice")
        || problems.has("deposit") ? null
        : problems.collect(() -> new SaleTerms(mode, currency, starting, reserve, increment,
            deposit == null ? 0 : deposit));
    Instant starts = problems.collect(() -> time(f, "biddingStartsAt", "schedule.biddingStartsAt"));
    Instant ends = problems.collect(() -> time(f, "biddingEndsAt", "schedule.biddingEndsAt"));
    Integer timed = integer(f, "timedPeriodSeconds", "schedule.timedPeriodSeconds", problems, false);
    Schedule schedule = starts == null || ends == null || problems.has("schedule.timedPeriodSeconds") ? null
        : problems.collect(() -> new Schedule(starts, ends, timed));
    Integer signingDays = integer(f, "signingDays", "signingDays", problems, true);
    ListingSettlementTerms terms = terms(f, currency, formats, problems);
    if (problems.isEmpty()) {
      return new Parsed(window, f.checked("exclusive"), f.checked("sublicensable"), sale, schedule, signingDays,
          terms, f.orNull("description"));
    }
    return null;
  }

  /** The settlement terms built on the form, or null when none were entered. */
  static ListingSettlementTerms terms(FormInput f, String currency, Formats formats, Refusals problems) {
    String p = "settlementTerms.";
    Long mg = money(f, "minimumGuarantee", currency, formats, problems, false, p + "minimumGuarantee");
    Long fee = money(f, "licenceFee", currency, formats, problems, false, p + "licenceFee");
    String basis = f.orNull("basis");
    Share share = null;
    if (basis != null) {
      List<DeductionShare> deductions = new ArrayList<>();
      for (int i = 0; i < f.rows("deductionName", DEDUCTION_ROWS); i++) {
        if (f.v("deductionName", i).isEmpty() && f.v("deductionBasisPoints", i).isEmpty()) {
          continue;
        }
        int row = deductions.size();
        Long bp = longValue(f.v("deductionBasisPoints", i), p + "revenueShare.deductions[" + row + "].basisPoints",
            problems, true);
        deductions.add(new DeductionShare(f.orNullRow("deductionName", i), bp == null ? -1 : bp));
      }
      ShareSchedule schedule = null;
      if (f.orNull("scheduleMode") != null) {
        List<TierRate> tiers = new ArrayList<>();
        for (int i = 0; i < f.rows("tierFrom", TIER_ROWS); i++) {
          if (f.v("tierFrom", i).isEmpty() && f.v("tierBasisPoints", i).isEmpty()) {
            continue;
          }
          int row = tiers.size();
          Long bp = longValue(f.v("tierBasisPoints", i), p + "revenueShare.schedule.tiers[" + row + "].basisPoints",
              problems, true);
          tiers.add(new TierRate(f.v("tierFrom", i).isEmpty() ? null : f.v("tierFrom", i), bp, null));
        }
        schedule = new ShareSchedule(f.v("scheduleMetric").isEmpty() ? "REVENUE" : f.v("scheduleMetric"),
            f.v("scheduleMode"), f.orNull("accumulation"), tiers);
      }
      Long rate = schedule != null ? null
          : longValue(f.v("rateBasisPoints"), p + "revenueShare.rateBasisPoints", problems, false);
      share = new Share(basis, rate, deductions, schedule);
    }
    List<PayeeShare> payees = new ArrayList<>();
    for (int i = 0; i < f.rows("payeeOrganizationId", PAYEE_ROWS); i++) {
      if (f.v("payeeOrganizationId", i).isEmpty() && f.v("payeeShareBasisPoints", i).isEmpty()) {
        continue;
      }
      int row = payees.size();
      Long bp = longValue(f.v("payeeShareBasisPoints", i), p + "payees[" + row + "].shareBasisPoints", problems, true);
      payees.add(new PayeeShare(f.orNullRow("payeeOrganizationId", i), bp == null ? 0 : bp,
          f.v("payeeCountry", i).isEmpty() ? "CN" : f.v("payeeCountry", i).toUpperCase(Locale.ROOT)));
    }
    if (mg == null && fee == null && share == null && payees.isEmpty()) {
      return null;
    }
    return new ListingSettlementTerms(fee, fee == null ? null : "ONCE", mg, share, payees, null, null, null, null);
  }

  static List<String> list(String typed) {
    return Arrays.stream(typed.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
  }

  private static LocalDate date(FormInput f, String name, String field) {
    String typed = f.v(name);
    if (typed.isEmpty()) {
      return null;
    }
    try {
      return LocalDate.parse(typed);
    } catch (DateTimeParseException e) {
      throw new InvalidValue(field, "must be a date like 2027-01-31");
    }
  }

  /** A {@code datetime-local} value, read in Asia/Shanghai. */
  static Instant time(FormInput f, String name, String field) {
    String typed = f.v(name);
    if (typed.isEmpty()) {
      throw new InvalidValue(field, "is required");
    }
    try {
      return LocalDateTime.parse(typed).atZone(Formats.SHANGHAI).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidValue(field, "must be a date and time like 2027-01-31T20:00");
    }
  }

  private static Long money(FormInput f, String name, String currency, Formats formats, Refusals problems,
      boolean required) {
    return money(f, name, currency, formats, problems, required, name);
  }

  private static Long money(FormInput f, String name, String currency, Formats formats, Refusals problems,
      boolean required, String field) {
    if (!required && f.v(name).isEmpty()) {
      return null;
    }
    return problems.collect(() -> formats.toMinor(f.v(name), currency, field));
  }

  private static Integer integer(FormInput f, String name, String field, Refusals problems, boolean required) {
    Long value = longValue(f.v(name), field, problems, required);
    if (value == null) {
      return null;
    }
    if (value > Integer.MAX_VALUE) {
      problems.add(field, "invalid-value", "is too large");
      return null;
    }
    return value.intValue();
  }

  private static Long longValue(String typed, String field, Refusals problems, boolean required) {
    if (typed.isEmpty()) {
      if (required) {
        problems.add(field, "invalid-value", "is required");
      }
      return null;
    }
    if (!typed.matches("-?[0-9]{1,15}")) {
      problems.add(field, "invalid-value", "must be a whole number");
      return null;
    }
    return Long.parseLong(typed);
  }

  private static List<String> fields() {
    List<String> fields = new ArrayList<>(List.of("titleId", "window.territories", "window.media", "window.languages",
        "window.termStart", "window.termEnd", "window.term", "saleMode", "currency", "startingPrice", "increment",
        "reservePrice", "deposit", "schedule.biddingStartsAt", "schedule.biddingEndsAt",
        "schedule.timedPeriodSeconds", "signingDays", "description",
        "settlementTerms.minimumGuarantee", "settlementTerms.licenceFee", "settlementTerms.revenueShare.basis",
        "settlementTerms.revenueShare.rateBasisPoints", "settlementTerms.revenueShare.schedule.mode",
        "settlementTerms.revenueShare.schedule.accumulation"));
    return List.copyOf(fields);
  }
}
