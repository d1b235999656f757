package io.reelx.exchange.rights.domain;

import io.reelx.exchange.shared.domain.InvalidValue;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A set of ISO 639-1 language codes, lower case and sorted. The withdrawn codes the JDK still lists
 * (iw, in, ji, mo) are stored as their current codes (he, id, yi, ro), so that a holding in "iw"
 * and a request in "he" are recognised as the same language. May be empty (the result of {@link
 * #intersection} or {@link #minus}); {@link #parse} refuses empty input.
 */
public record LanguageSet(SortedSet<String> codes) {

  private static final Set<String> ISO_639_1 = Set.of(Locale.getISOLanguages());
  private static final Map<String, String> WITHDRAWN =
      Map.of("iw", "he", "in", "id", "ji", "yi", "mo", "ro");

  public LanguageSet {
    if (codes == null) {
      throw new InvalidValue("languages", "must not be null");
    }
    TreeSet<String> copy = new TreeSet<>();
    for (String code : codes) {
      if (code == null || !ISO_639_1.contains(code)) {
        throw new InvalidValue("languages", unknown(code));
      }
      copy.add(WITHDRAWN.getOrDefault(code, code));
    }
    codes = Collections.unmodifiableSortedSet(copy);
  }

  public static LanguageSet of(String... codes) {
    return of(Arrays.asList(codes));
  }

  public static LanguageSet of(Collection<String> codes) {
    return new LanguageSet(new TreeSet<>(codes));
  }

  public static LanguageSet empty() {
    return new LanguageSet(new TreeSet<>());
  }

  /** Parses language codes, case-insensitively, as they arrive at the edge. */
  public static LanguageSet parse(List<String> codes, String field) {
    if (codes == null || codes.isEmpty()) {
      throw new InvalidValue(field, "at least one language");
    }
    TreeSet<String> result = new TreeSet<>();
    for (int i = 0; i < codes.size(); i++) {
      String raw = codes.get(i);
      String key = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
      if (!ISO_639_1.contains(key)) {
        throw new InvalidValue(field + "[" + i + "]", unknown(raw));
      }
      result.add(key);
    }
    return new LanguageSet(result);
  }

  private static String unknown(String raw) {
    return "unknown language '" + raw + "': an ISO 639-1 two-letter code such as en, zh, es";
  }

  public boolean isEmpty() {
    return codes.isEmpty();
  }

  public int size() {
    return codes.size();
  }

  public boolean contains(String code) {
    return codes.contains(code);
  }

  public boolean intersects(LanguageSet other) {
    for (String code : other.codes) {
      if (codes.contains(code)) {
        return true;
      }
    }
    return false;
  }

  public boolean containsAll(LanguageSet other) {
    return codes.containsAll(other.codes);
  }

  public LanguageSet intersection(LanguageSet other) {
    TreeSet<String> result = new TreeSet<>(codes);
    result.retainAll(other.codes);
    return new LanguageSet(result);
  }

  public LanguageSet minus(LanguageSet other) {
    TreeSet<String> result = new TreeSet<>(codes);
    result.removeAll(other.codes);
    return new LanguageSet(result);
  }

  @Override
  public String toString() {
    return codes.toString();
  }
}
