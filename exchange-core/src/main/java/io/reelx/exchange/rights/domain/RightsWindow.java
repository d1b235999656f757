package io.reelx.exchange.rights.domain;

import io.reelx.exchange.shared.domain.InvalidValue;
import java.util.Optional;

/**
 * Territories x media x languages x term. Each dimension is non-empty: a window that covers nothing
 * is not a window, and {@link #intersection} answers empty instead.
 */
public record RightsWindow(
    TerritorySet territories, MediaSet media, LanguageSet languages, Term term) {

  public RightsWindow {
    if (territories == null || territories.isEmpty()) {
      throw new InvalidValue("territories", "at least one territory");
    }
    if (media == null || media.isEmpty()) {
      throw new InvalidValue("media", "at least one media");
    }
    if (languages == null || languages.isEmpty()) {
      throw new InvalidValue("languages", "at least one language");
    }
    if (term == null) {
      throw new InvalidValue("term", "is required");
    }
  }

  /** Territories intersect, media intersect (by leaves), languages intersect and terms overlap. */
  public boolean overlaps(RightsWindow other) {
    return term.overlaps(other.term)
        && media.intersects(other.media)
        && languages.intersects(other.languages)
        && territories.intersects(other.territories);
  }

  public boolean containsAll(RightsWindow other) {
    return term.contains(other.term)
        && media.containsAll(other.media)
        && languages.containsAll(other.languages)
        && territories.containsAll(other.territories);
  }

  public Optional<RightsWindow> intersection(RightsWindow other) {
    if (!overlaps(other)) {
      return Optional.empty();
    }
    return Optional.of(
        new RightsWindow(
            territories.intersection(other.territories),
            media.intersection(other.media),
            languages.intersection(other.languages),
            term.intersection(other.term).orElseThrow()));
  }
}
