package io.reelx.exchange.rights.ema.domain;

import io.reelx.exchange.rights.domain.RightsWindow;
import io.reelx.exchange.rights.domain.WindowTerms;

/** A canonical text for a window and its flags, from which imported holding ids are derived. */
public final class WindowKey {

  private WindowKey() {}

  public static String of(RightsWindow window, boolean exclusive, boolean sublicensable) {
    WindowTerms w = WindowTerms.of(window);
    return w.territories() + "|" + w.media() + "|" + w.languages() + "|" + w.termStart() + "|" + w.termEnd() + "|"
        + exclusive + "|" + sublicensable;
  }
}
