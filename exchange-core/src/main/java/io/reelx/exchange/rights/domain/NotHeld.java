package io.reelx.exchange.rights.domain;

import java.util.List;

/**
 * Every cell of territories x media x languages is missing, on each of the {@code gaps} days, a
 * holding with the exclusivity and sublicensability the request needs.
 */
public record NotHeld(
    TerritorySet territories, MediaSet media, LanguageSet languages, List<Term> gaps)
    implements Blocker {
  public NotHeld {
    gaps = List.copyOf(gaps);
  }
}
