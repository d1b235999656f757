package io.reelx.exchange.rights.domain;

import io.reelx.exchange.shared.domain.InvalidValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A set of media, always held as leaves so that a parent and its children compare by what they
 * cover. May be empty (the result of {@link #intersection} or {@link #minus}); {@link #parse}
 * refuses empty input.
 */
public record MediaSet(Set<Media> leaves) {

  private static final String NAMES =
      Arrays.stream(Media.values()).map(Enum::name).collect(Collectors.joining(", "));

  public MediaSet {
    if (leaves == null) {
      throw new InvalidValue("media", "must not be null");
    }
    EnumSet<Media> normalised = EnumSet.noneOf(Media.class);
    for (Media m : leaves) {
      if (m == null) {
        throw new InvalidValue("media", "must not contain null");
      }
      normalised.addAll(m.leaves());
    }
    leaves = Collections.unmodifiableSet(normalised);
  }

  public static MediaSet of(Collection<Media> media) {
    return new MediaSet(Set.copyOf(media));
  }

  public static MediaSet of(Media... media) {
    return of(Arrays.asList(media));
  }

  public static MediaSet empty() {
    return new MediaSet(Set.of());
  }

  /** Parses media names (case-insensitive) as they arrive at the edge. */
  public static MediaSet parse(List<String> names, String field) {
    if (names == null || names.isEmpty()) {
      throw new InvalidValue(field, "at least one media");
    }
    EnumSet<Media> media = EnumSet.noneOf(Media.class);
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      String key = name == null ? "" : name.trim().toUpperCase(java.util.Locale.ROOT);
      try {
        media.add(Media.valueOf(key));
      } catch (IllegalArgumentException e) {
        throw new InvalidValue(
            field + "[" + i + "]", "unknown media '" + name + "'; one of " + NAMES);
      }
    }
    return new MediaSet(media);
  }

  public boolean isEmpty() {
    return leaves.isEmpty();
  }

  public boolean contains(Media media) {
    return leaves.containsAll(media.leaves());
  }

  public boolean intersects(MediaSet other) {
    for (Media m : other.leaves) {
      if (leaves.contains(m)) {
        return true;
      }
    }
    return false;
  }

  public boolean containsAll(MediaSet other) {
    return leaves.containsAll(other.leaves);
  }

  public MediaSet intersection(MediaSet other) {
    EnumSet<Media> result = copy();
    result.retainAll(other.leaves);
    return new MediaSet(result);
  }

  public MediaSet minus(MediaSet other) {
    EnumSet<Media> result = copy();
    result.removeAll(other.leaves);
    return new MediaSet(result);
  }

  /**
   * The leaves regrouped under the highest parents they fully cover, in declaration order, for
   * display: all leaves give {@code [ALL_MEDIA]}; SVOD, AVOD, TVOD and FAST give {@code [VOD]}.
   */
  public List<Media> compact() {
    List<Media> result = new ArrayList<>();
    for (Media m : Media.values()) {
      if (leaves.containsAll(m.leaves()) && !coveredByAny(result, m)) {
        result.add(m);
      }
    }
    return List.copyOf(result);
  }

  private static boolean coveredByAny(List<Media> chosen, Media m) {
    for (Media c : chosen) {
      if (c.covers(m)) {
        return true;
      }
    }
    return false;
  }

  private EnumSet<Media> copy() {
    return leaves.isEmpty() ? EnumSet.noneOf(Media.class) : EnumSet.copyOf(leaves);
  }

  @Override
  public String toString() {
    return compact().toString();
  }
}
