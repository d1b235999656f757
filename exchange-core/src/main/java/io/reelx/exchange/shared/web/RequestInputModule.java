package io.reelx.exchange.shared.web;

import io.reelx.exchange.shared.domain.Text;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Limits on what a request body may hold, wherever a value stands (fields, list elements, nested
 * objects), checked before any command sees it; the 400 names the field and the reason:
 * <ul>
 *   <li>text without control characters ({@link Text}) and at most {@value #MAX_TEXT} characters;
 *   <li>whole numbers (money is in minor units: {@code 1234.9} is refused, never truncated) of at
 *       most {@value #MAX_INTEGER} in size, so that sums of amounts cannot overflow;
 *   <li>dates and date-times in ISO 8601 within the years {@value #MIN_YEAR} to {@value #MAX_YEAR}.
 * </ul>
 */
final class RequestInputModule extends SimpleModule {

  /** The longest text any field takes; fields declare shorter limits of their own. */
  static final int MAX_TEXT = 20_000;

  /** The largest whole number a request may carry: 10^15, e.g. ten trillion yuan in fen. */
  static final long MAX_INTEGER = 1_000_000_000_000_000L;

  RequestInputModule() {
    super("reelx-request-input");
    addDeserializer(String.class, new CheckedString());
    addDeserializer(Long.class, new BoundedLong(Long.class));
    addDeserializer(long.class, new BoundedLong(long.class));
    addDeserializer(LocalDate.class, new BoundedDate());
    addDeserializer(OffsetDateTime.class, new BoundedDateTime());
  }

  /** Dates and instants lie within these years (a contract term, a schedule, a bank receipt). */
  static final int MIN_YEAR = 1900;
  static final int MAX_YEAR = 2999;

  private static void checkYear(JsonParser p, int year, String text, Class<?> type) {
    if (year < MIN_YEAR || year > MAX_YEAR) {
      throw new RefusedValue(p, "must be in the years " + MIN_YEAR + " to " + MAX_YEAR, text, type);
    }
  }

  /** An ISO 8601 calendar date ({@code 2027-01-31}) within the allowed years. */
  private static final class BoundedDate extends StdScalarDeserializer<LocalDate> {
    BoundedDate() {
      super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
      String text = p.hasToken(JsonToken.VALUE_STRING) ? p.getString() : null;
      LocalDate date;
      try {
        date = text == null ? null : LocalDate.parse(text);
      } catch (DateTimeParseException e) {
        date = null;
      }
      if (date == null) {
        throw new RefusedValue(p, "must be a date as YYYY-MM-DD", text, LocalDate.class);
      }
      checkYear(p, date.getYear(), text, LocalDate.class);
      return date;
    }
  }

  /** An ISO 8601 date-time with its offset ({@code 2027-01-31T08:00:00Z}) within the allowed years. */
  private static final class BoundedDateTime extends StdScalarDeserializer<OffsetDateTime> {
    BoundedDateTime() {
      super(OffsetDateTime.class);
    }

    @Override
    public OffsetDateTime deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
      String text = p.hasToken(JsonToken.VALUE_STRING) ? p.getString() : null;
      OffsetDateTime at;
      try {
        at = text == null ? null : OffsetDateTime.parse(text);
      } catch (DateTimeParseException e) {
        at = null;
      }
      if (at == null) {
        throw new RefusedValue(p, "must be a date-time with its offset, e.g. 2027-01-31T08:00:00Z", text,
            OffsetDateTime.class);
      }
      checkYear(p, at.getYear(), text, OffsetDateTime.class);
      return at;
    }
  }

  /** A refused value; {@link ProblemHandler} answers it with its reason. */
  static final class RefusedValue extends InvalidFormatException {
    final String reason;

    RefusedValue(JsonParser parser, String reason, Object value, Class<?> type) {
      super(parser, reason, value, type);
      this.reason = reason;
    }
  }

  private static final class CheckedString extends StringDeserializer {
    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
      String value = super.deserialize(p, ctxt);
      if (value != null && value.length() > MAX_TEXT) {
        throw new RefusedValue(p, "must be at most " + MAX_TEXT + " characters", null, String.class);
      }
      String refusal = Text.refusal(value);
      if (refusal != null) {
        throw new RefusedValue(p, refusal, value, String.class);
      }
      return value;
    }
  }

  private static final class BoundedLong extends StdScalarDeserializer<Long> {
    BoundedLong(Class<?> type) {
      super(type);
    }

    @Override
    public Long deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
      if (!p.hasToken(JsonToken.VALUE_NUMBER_INT)) {
        throw new RefusedValue(p, "must be a whole number", p.getString(), Long.class);
      }
      if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER || Math.abs(p.getLongValue()) > MAX_INTEGER) {
        throw new RefusedValue(p, "must be at most " + MAX_INTEGER + " in size", p.getString(), Long.class);
      }
      return p.getLongValue();
    }
  }
}
