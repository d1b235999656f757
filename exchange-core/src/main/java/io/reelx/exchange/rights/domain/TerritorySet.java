package io.reelx.exchange.rights.domain;

import io.reelx.exchange.shared.domain.InvalidValue;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A set of ISO 3166-1 alpha-2 territory codes, upper case and sorted; groups are expanded on parse.
 * May be empty (the result of {@link #intersection} or {@link #minus}, or an avails answer with no
 * territory free); {@link #parse} refuses empty input.
 */
public record TerritorySet(SortedSet<String> codes) {

  private static final TerritorySet EMPTY = new TerritorySet(new TreeSet<>());

  public TerritorySet {
    if (codes == null) {
      throw new InvalidValue("territories", "must not be null");
    }
    for (String code : codes) {
      if (!Territories.isCode(code)) {
        throw new InvalidValue("territories", unknown(code));
      }
    }
    // a naturally ordered input copies in linear time; any other order is re-sorted
    TreeSet<String> copy = new TreeSet<>();
    copy.addAll(codes.comparator() == null ? codes : new java.util.ArrayList<>(codes));
    codes = Collections.unmodifiableSortedSet(copy);
  }

  /** Codes only, upper case; groups are for {@link #parse}. */
  public static TerritorySet of(String... codes) {
    return of(Arrays.asList(codes));
  }

  public static TerritorySet of(Collection<String> codes) {
    return new TerritorySet(new TreeSet<>(codes));
  }

  public static TerritorySet empty() {
    return EMPTY;
  }

  /** Parses codes and group names, case-insensitively, as they arrive at the edge. */
  public static TerritorySet parse(List<String> codesOrGroups, String field) {
    if (codesOrGroups == null || codesOrGroups.isEmpty()) {
      throw new InvalidValue(field, "at least one territory");
    }
    TreeSet<String> codes = new TreeSet<>();
    for (int i = 0; i < codesOrGroups.size(); i++) {
      String raw = codesOrGroups.get(i);
      String key = raw == null ? "" : raw.trim().toUpperCase(Locale.ROOT);
      Optional<SortedSet<String>> group = Territories.group(key);
      if (group.isPresent()) {
        codes.addAll(group.get());
      } else if (Territories.isCode(key)) {
        codes.add(key);
      } else {
        throw new InvalidValue(field + "[" + i + "]", unknown(raw));
      }
    }
    return new TerritorySet(codes);
  }

  private static String unknown(String raw) {
    return "unknown territory '"
        + raw
        + "': an ISO 3166-1 alpha-2 code or one of the groups "
        + String.join(", ", Territories.groupNames());
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

  public boolean intersects(TerritorySet other) {
    SortedSet<String> small = smaller(other);
    SortedSet<String> large = small == codes ? other.codes : codes;
    for (String code : small) {
      if (large.contains(code)) {
        return true;
      }
    }
    return false;
  }

  public boolean containsAll(TerritorySet other) {
    return codes.containsAll(other.codes);
  }

  public TerritorySet intersection(TerritorySet other) {
    SortedSet<String> small = smaller(other);
    SortedSet<String> large = small == codes ? other.codes : codes;
    TreeSet<String> result = new TreeSet<>();
    for (String code : small) {
      if (large.contains(code)) {
        result.add(code);
      }
    }
    return new TerritorySet(result);
  }

  public TerritorySet minus(TerritorySet other) {
    TreeSet<String> result = new TreeSet<>(codes);
    result.removeAll(other.codes);
    return new TerritorySet(result);
  }

  private SortedSet<String> smaller(TerritorySet other) {
    return codes.size() <= other.codes.size() ? codes : other.codes;
  }

  @Override
  public String toString() {
    return codes.toString();
  }
}
