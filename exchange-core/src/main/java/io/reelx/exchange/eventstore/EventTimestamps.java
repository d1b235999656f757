package io.reelx.exchange.eventstore;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.common.DateTimeUtils;

/**
 * The event table's timestamps, {@code 2026-11-26T13:58:46.123Z}, written and read without a
 * {@link java.time.format.DateTimeFormatter}. The text is exactly what Axon's {@link
 * DateTimeUtils#formatInstant} writes (UTC, milliseconds truncated, so it sorts as text), and
 * anything outside that shape (years past 9999, another offset) goes through Axon's own
 * formatter and parser, so stored rows read the same either way.
 */
public final class EventTimestamps {

  private static final int LENGTH = 24;

  private EventTimestamps() {}

  /** The instant as Axon stores it: UTC, three digits of milliseconds, {@code Z}. */
  public static String format(Instant instant) {
    long epochSecond = instant.getEpochSecond();
    long epochDay = Math.floorDiv(epochSecond, 86_400);
    LocalDate date = LocalDate.ofEpochDay(epochDay);
    int year = date.getYear();
    if (year < 0 || year > 9999) {
      return DateTimeUtils.formatInstant(instant);
    }
    int secondOfDay = (int) Math.floorMod(epochSecond, 86_400);
    char[] text = new char[LENGTH];
    digits(text, 0, year, 4);
    text[4] = '-';
    digits(text, 5, date.getMonthValue(), 2);
    text[7] = '-';
    digits(text, 8, date.getDayOfMonth(), 2);
    text[10] = 'T';
    digits(text, 11, secondOfDay / 3600, 2);
    text[13] = ':';
    digits(text, 14, secondOfDay / 60 % 60, 2);
    text[16] = ':';
    digits(text, 17, secondOfDay % 60, 2);
    text[19] = '.';
    digits(text, 20, instant.getNano() / 1_000_000, 3);
    text[23] = 'Z';
    return new String(text);
  }

  /** Reads what {@link #format} (or Axon) wrote; any ISO-8601 date-time with an offset is accepted. */
  public static Instant parse(CharSequence text) {
    if (text.length() == LENGTH && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
        && text.charAt(13) == ':' && text.charAt(16) == ':' && text.charAt(19) == '.' && text.charAt(23) == 'Z') {
      int year = number(text, 0, 4);
      int month = number(text, 5, 2);
      int day = number(text, 8, 2);
      int hour = number(text, 11, 2);
      int minute = number(text, 14, 2);
      int second = number(text, 17, 2);
      int millis = number(text, 20, 3);
      if (year >= 0 && month >= 0 && day >= 0 && hour >= 0 && hour < 24 && minute >= 0 && minute < 60
          && second >= 0 && second < 60 && millis >= 0) {
        try {
          long epochDay = LocalDate.of(year, month, day).toEpochDay();
          return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3600L + minute * 60L + second, millis * 1_000_000L);
        } catch (DateTimeException invalidDate) {
          // e.g. February 30th: let Axon's parser report it
        }
      }
    }
    return DateTimeUtils.parseInstant(text);
  }

  private static void digits(char[] into, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      into[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }

  /** The decimal number in {@code width} characters from {@code at}, or -1 if one is not a digit. */
  private static int number(CharSequence text, int at, int width) {
    int value = 0;
    for (int i = at; i < at + width; i++) {
      int digit = text.charAt(i) - '0';
      if (digit < 0 || digit > 9) {
        return -1;
      }
      value = value * 10 + digit;
    }
    return value;
  }
}
