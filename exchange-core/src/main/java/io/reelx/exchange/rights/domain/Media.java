package io.reelx.exchange.rights.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Media a right may be exercised in, as a hierarchy: a right in a parent covers every child.
 * Constants are declared in pre-order (each parent before its children), which {@link
 * MediaSet#compact()} relies on.
 */
public enum Media {
  ALL_MEDIA(null),
  TV(ALL_MEDIA),
  FREE_TV(TV),
  PAY_TV(TV),
  VOD(ALL_MEDIA),
  SVOD(VOD),
  AVOD(VOD),
  TVOD(VOD),
  FAST(VOD),
  SHORT_VIDEO_APP(ALL_MEDIA),
  THEATRICAL(ALL_MEDIA),
  INFLIGHT(ALL_MEDIA);

  private static final Map<Media, Set<Media>> LEAVES = new EnumMap<>(Media.class);

  static {
    for (Media m : values()) {
      EnumSet<Media> leaves = EnumSet.noneOf(Media.class);
      for (Media candidate : values()) {
        if (candidate.isLeaf() && m.covers(candidate)) {
          leaves.add(candidate);
        }
      }
      LEAVES.put(m, Collections.unmodifiableSet(leaves));
    }
  }

  private final Media parent;

  Media(Media parent) {
    this.parent = parent;
  }

  /** The enclosing media, or {@code null} for {@link #ALL_MEDIA}. */
  public Media parent() {
    return parent;
  }

  /** The leaf media this one stands for; a leaf stands for itself. */
  public Set<Media> leaves() {
    return LEAVES.get(this);
  }

  /** True when this is {@code other} or one of its ancestors. */
  public boolean covers(Media other) {
    for (Media m = other; m != null; m = m.parent) {
      if (m == this) {
        return true;
      }
    }
    return false;
  }

  boolean isLeaf() {
    for (Media m : values()) {
      if (m.parent == this) {
        return false;
      }
    }
    return true;
  }
}
