package io.reelx.exchange.rights.domain;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The territory vocabulary: ISO 3166-1 alpha-2 codes as the JDK knows them, and the named groups
 * that licences are commonly written in, each expanding to codes.
 */
public final class Territories {

  private static final SortedSet<String> CODES =
      Collections.unmodifiableSortedSet(new TreeSet<>(Arrays.asList(Locale.getISOCountries())));

  private static final Set<String> LOOKUP = Set.copyOf(CODES);

  private static final Map<String, SortedSet<String>> GROUPS;

  static {
    Map<String, SortedSet<String>> groups = new TreeMap<>();
    groups.put("WORLD", CODES);
    groups.put("GREATER_CHINA", group("CN", "HK", "MO", "TW"));
    groups.put(
        "APEC",
        group(
            "AU", "BN", "CA", "CL", "CN", "HK", "ID", "JP", "KR", "MY", "MX", "NZ", "PG", "PE",
            "PH", "RU", "SG", "TW", "TH", "US", "VN"));
    groups.put("ASEAN", group("BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "VN"));
    groups.put(
        "EU",
        group(
            "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
            "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"));
    groups.put("NORTH_AMERICA", group("US", "CA", "MX"));
    GROUPS = Collections.unmodifiableMap(new LinkedHashMap<>(groups));
  }

  private Territories() {}

  /** Every ISO 3166-1 alpha-2 code, sorted. */
  public static SortedSet<String> codes() {
    return CODES;
  }

  public static boolean isCode(String code) {
    return code != null && LOOKUP.contains(code);
  }

  /** The group names, sorted. */
  public static Set<String> groupNames() {
    return GROUPS.keySet();
  }

  /** The codes a group stands for, if {@code name} (upper case) is a group. */
  public static Optional<SortedSet<String>> group(String name) {
    return Optional.ofNullable(GROUPS.get(name));
  }

  private static SortedSet<String> group(String... codes) {
    for (String code : codes) {
      if (!CODES.contains(code)) {
        // The JDK's country list is the source of truth; a group naming something else is a bug.
        throw new IllegalStateException("group member " + code + " is not an ISO 3166-1 code");
      }
    }
    return Collections.unmodifiableSortedSet(new TreeSet<>(Arrays.asList(codes)));
  }
}
