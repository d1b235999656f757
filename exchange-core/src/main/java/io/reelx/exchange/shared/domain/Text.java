package io.reelx.exchange.shared.domain;

/**
 * What free text may contain: no control characters but tab, line feed and carriage return, and no
 * lone surrogates. PostgreSQL refuses NUL in text and JSON, so a NUL accepted into an event could
 * never be projected; the other controls are never typed by a person and only smuggle.
 */
public final class Text {

  private Text() {}

  /** The first character that is refused, as a reason; null if the text is acceptable. */
  public static String refusal(CharSequence text) {
    if (text == null) {
      return null;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F || c >= 0x80 && c <= 0x9F) {
        return String.format("must not contain control characters (U+%04X at position %d)", (int) c, i);
      }
      if (Character.isHighSurrogate(c) && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))
          || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)))) {
        return String.format("must not contain a lone surrogate (U+%04X at position %d)", (int) c, i);
      }
    }
    return null;
  }
}
