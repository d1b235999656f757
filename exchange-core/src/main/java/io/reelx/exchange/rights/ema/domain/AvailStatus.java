package io.reelx.exchange.rights.ema.domain;

import java.util.Optional;

/** What an avails row says about its cell (ReelX column {@code AvailStatus}). */
public enum AvailStatus {
  /** Held and not licensed to anyone for this cell: it can be licensed as the row says. */
  AVAILABLE("Available"),
  /** Held, but (part of) it is licensed under the row's ContractID. */
  GRANTED("Granted"),
  /** The title is not held here (a title with no holdings at all). */
  NOT_HELD("NotHeld");

  private final String label;

  AvailStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Optional<AvailStatus> parse(String text) {
    for (AvailStatus s : values()) {
      if (s.label.equalsIgnoreCase(text.strip())) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
