package io.reelx.exchange.rights.query;

import io.reelx.exchange.rights.domain.LanguageSet;
import io.reelx.exchange.rights.domain.MediaSet;
import io.reelx.exchange.rights.domain.RightsWindow;
import io.reelx.exchange.rights.domain.Term;
import io.reelx.exchange.rights.domain.TerritorySet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Windows read back from the register's rows, each dimension parsed once per distinct stored
 * value: a title's holdings and grants repeat a few territory, media and language lists many
 * times, and an avails check would otherwise parse and validate every one of them on every check.
 * The parsed sets are immutable, so one instance serves every row and thread. The text is the
 * array as PostgreSQL writes it ({@code territories::text}); the parse is exactly {@link
 * io.reelx.exchange.rights.domain.WindowTerms#toWindow()}'s.
 */
final class StoredWindows {

  /** Distinct values remembered per dimension; past that the memory starts again (a safety net). */
  private static final int LIMIT = 10_000;

  private final Map<String, TerritorySet> territories = new ConcurrentHashMap<>();
  private final Map<String, MediaSet> media = new ConcurrentHashMap<>();
  private final Map<String, LanguageSet> languages = new ConcurrentHashMap<>();

  RightsWindow window(String territoriesText, String mediaText, String languagesText, LocalDate start,
      LocalDate end) {
    return new RightsWindow(
        parsed(territories, territoriesText, t -> TerritorySet.parse(elements(t), "territories")),
        parsed(media, mediaText, t -> MediaSet.parse(elements(t), "media")),
        parsed(languages, languagesText, t -> LanguageSet.parse(elements(t), "languages")),
        Term.of(start, end));
  }

  private static <T> T parsed(Map<String, T> memory, String text, Function<String, T> parse) {
    T known = memory.get(text);
    if (known != null) {
      return known;
    }
    T value = parse.apply(text); // throws on a value that does not parse: nothing remembered
    if (memory.size() >= LIMIT) {
      memory.clear();
    }
    memory.put(text, value);
    return value;
  }

  /**
   * The elements of a one-dimensional text array in PostgreSQL's output form: {@code {a,b}},
   * elements in double quotes (with backslash escapes) when they hold a comma, quote, backslash,
   * brace or space or are empty. A NULL element (never stored here) reads as null.
   */
  static List<String> elements(String text) {
    if (text == null || text.length() < 2 || text.charAt(0) != '{' || text.charAt(text.length() - 1) != '}') {
      throw new IllegalArgumentException("not a one-dimensional array: " + text);
    }
    List<String> result = new ArrayList<>();
    int end = text.length() - 1;
    if (end == 1) {
      return result;
    }
    int i = 1;
    while (i <= end) {
      StringBuilder element = new StringBuilder();
      boolean quoted = i < end && text.charAt(i) == '"';
      if (quoted) {
        i++;
        while (text.charAt(i) != '"') {
          if (text.charAt(i) == '\\') {
            i++;
          }
          element.append(text.charAt(i++));
        }
        i++; // the closing quote
      } else {
        while (i < end && text.charAt(i) != ',') {
          element.append(text.charAt(i++));
        }
      }
      String value = element.toString();
      result.add(!quoted && value.equalsIgnoreCase("NULL") ? null : value);
      i++; // the comma, or past the closing brace
    }
    return result;
  }
}
