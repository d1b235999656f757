package io.reelx.exchange.web;

import io.reelx.exchange.shared.domain.InvalidValue;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * How pages show and read times and money, the same in both languages: times in Asia/Shanghai
 * with their offset ({@code 2026-12-03 22:40:05 +08:00}); money with its currency and grouping
 * ({@code CNY 1,000,000.00}), entered in major units and converted exactly to minor units
 * (BigDecimal all the way: never a floating-point number). Templates call it as {@code @formats}.
 */
@Component("formats")
public class Formats {

  public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx", Locale.ROOT).withZone(SHANGHAI);
  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(SHANGHAI);

  public String time(Instant instant) {
    return instant == null ? "" : TIME.format(instant);
  }

  /** The machine-readable form for {@code <time datetime>}. */
  public String isoTime(Instant instant) {
    return instant == null ? "" : ISO.format(instant);
  }

  public String money(long minor, String currency) {
    return currency + " " + amount(minor, currency);
  }

  /** The amount alone in major units with grouping, e.g. {@code 1,000,000.00}. */
  public String amount(long minor, String currency) {
    int digits = digits(currency);
    DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
    format.setMinimumFractionDigits(digits);
    format.setMaximumFractionDigits(digits);
    return format.format(BigDecimal.valueOf(minor).movePointLeft(digits));
  }

  /** The amount in major units without grouping, as a form field shows it: {@code 1000000.00}. */
  public String input(long minor, String currency) {
    return BigDecimal.valueOf(minor).movePointLeft(digits(currency)).toPlainString();
  }

  /**
   * An amount typed in major units ({@code 1,000,000.5} or {@code 1000000.50}) in minor units,
   * exactly; refused (InvalidValue on {@code field}) when it is not a number, has more decimals than
   * the currency has, or does not fit.
   */
  public long toMinor(String typed, String currency, String field) {
    if (typed == null || typed.isBlank()) {
      throw new InvalidValue(field, "is required");
    }
    String plain = typed.strip().replace(",", "").replace(" ", "");
    if (!plain.matches("[0-9]{1,16}(\\.[0-9]{1,6})?")) {
      throw new InvalidValue(field, "must be an amount in " + currency + ", like 1,000,000.00");
    }
    BigDecimal major = new BigDecimal(plain);
    int digits = digits(currency);
    if (major.stripTrailingZeros().scale() > digits) {
      throw new InvalidValue(field, "has more than " + digits + " decimals");
    }
    try {
      return major.movePointRight(digits).longValueExact();
    } catch (ArithmeticException tooLarge) {
      throw new InvalidValue(field, "is too large");
    }
  }

  /** What remains from {@code now} to {@code until}, as {@code m:ss} (never negative). */
  public String countdown(Instant now, Instant until) {
    long seconds = Math.max(0, java.time.Duration.between(now, until).toSeconds());
    return seconds / 60 + ":" + String.format(Locale.ROOT, "%02d", seconds % 60);
  }

  public int fractionDigits(String currency) {
    return digits(currency);
  }

  static int digits(String currency) {
    try {
      return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    } catch (IllegalArgumentException | NullPointerException unknown) {
      return 2;
    }
  }
}
