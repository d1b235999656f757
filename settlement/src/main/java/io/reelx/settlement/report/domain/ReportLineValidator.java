package io.reelx.settlement.report.domain;

import io.reelx.settlement.money.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Validates one line, adding every problem to the caller's error list (it never stops at the
 * first). The same rules serve CSV records and JSON objects; field names are the CSV column names.
 */
public final class ReportLineValidator {

  public static final int MAX_EPISODE_LENGTH = 100;
  /** 15 integer digits of watch hours is far beyond any platform; more is a corrupt file. */
  public static final int MAX_WATCH_HOUR_DIGITS = 15;

  private static final Pattern TERRITORY = Pattern.compile("[A-Z]{2}");
  private static final Pattern CHANNEL = Pattern.compile("[A-Za-z0-9_.-]{1,50}");
  private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,15}(\\.[0-9]{1,3})?");

  private final String reportCurrency;
  private final LicensedWindow window;

  /** @param reportCurrency the currency every line of the report must be in */
  public ReportLineValidator(String reportCurrency) {
    this(reportCurrency, null);
  }

  /**
   * @param window when given, a line outside it is an error like any other (named by line and
   *     field); null checks no window
   */
  public ReportLineValidator(String reportCurrency, LicensedWindow window) {
    if (!Money.isCurrency(reportCurrency)) {
      throw new IllegalArgumentException("Unknown ISO 4217 currency: " + reportCurrency);
    }
    this.reportCurrency = reportCurrency;
    this.window = window;
  }

  public String reportCurrency() {
    return reportCurrency;
  }

  /** The valid line, or {@code null} after adding at least one error to {@code errors}. */
  public ReportLine validate(long lineNumber, ReportLineInput in, ErrorSink errors) {
    int before = errors.count();
    String episode = in.episode();
    if (episode == null || episode.isBlank()) {
      errors.add(new LineError(lineNumber, CsvFormat.EPISODE, "is required"));
    } else if (episode.length() > MAX_EPISODE_LENGTH) {
      errors.add(new LineError(lineNumber, CsvFormat.EPISODE, "at most " + MAX_EPISODE_LENGTH + " characters"));
    }
    boolean territory = in.territory() != null && TERRITORY.matcher(in.territory()).matches();
    if (!territory) {
      errors.add(new LineError(lineNumber, CsvFormat.TERRITORY, "must be an ISO 3166-1 alpha-2 code, not '" + show(in.territory()) + "'"));
    }
    boolean channel = in.channel() != null && CHANNEL.matcher(in.channel()).matches();
    if (!channel) {
      errors.add(new LineError(lineNumber, CsvFormat.CHANNEL, "must be 1-50 letters, digits, '_', '.' or '-', not '" + show(in.channel()) + "'"));
    }
    if (window != null && territory && channel) {
      window.errors(lineNumber, in.territory(), in.channel()).forEach(errors::add);
    }
    long views = wholeNumber(lineNumber, CsvFormat.VIEWS, in.views(), errors);
    BigDecimal watchHours = null;
    if (in.watchHours() == null || !DECIMAL.matcher(in.watchHours()).matches()) {
      errors.add(new LineError(lineNumber, CsvFormat.WATCH_HOURS,
          "must be a non-negative decimal with at most 3 decimals, not '" + show(in.watchHours()) + "'"));
    } else {
      watchHours = new BigDecimal(in.watchHours());
    }
    long gross = wholeNumber(lineNumber, CsvFormat.GROSS_MINOR, in.grossMinor(), errors);
    if (in.currency() == null || !Money.isCurrency(in.currency())) {
      errors.add(new LineError(lineNumber, CsvFormat.CURRENCY, "must be an ISO 4217 code, not '" + show(in.currency()) + "'"));
    } else if (!in.currency().equals(reportCurrency)) {
      errors.add(new LineError(lineNumber, CsvFormat.CURRENCY, "the report is in " + reportCurrency + ", not " + in.currency()));
    }
    if (errors.count() != before) {
      return null;
    }
    return new ReportLine(lineNumber, episode, in.territory(), in.channel(), views, watchHours, gross, in.currency());
  }

  /** Validates lines given as objects (JSON); numbers them from 1. */
  public ValidationOutcome validateAll(List<ReportLineInput> lines, LineSink sink) {
    ErrorSink errors = new ErrorSink();
    long n = 0;
    for (ReportLineInput input : lines) {
      n++;
      ReportLine line = validate(n, input, errors);
      if (line != null) {
        sink.accept(line);
      }
    }
    return new ValidationOutcome(n, n - errors.linesWithErrors(), errors.errors(), errors.count());
  }

  /** A non-negative whole number of at most 18 digits, parsed without exceptions. */
  private static long wholeNumber(long lineNumber, String field, String text, ErrorSink errors) {
    if (text == null || text.isEmpty() || text.length() > 18) {
      errors.add(new LineError(lineNumber, field, "must be a non-negative whole number, not '" + show(text) + "'"));
      return 0;
    }
    long value = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        errors.add(new LineError(lineNumber, field, "must be a non-negative whole number, not '" + show(text) + "'"));
        return 0;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static String show(String text) {
    if (text == null) {
      return "(missing)";
    }
    return text.length() > 40 ? text.substring(0, 40) + "..." : text;
  }
}
