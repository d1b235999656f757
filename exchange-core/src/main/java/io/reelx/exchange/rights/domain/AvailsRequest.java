package io.reelx.exchange.rights.domain;

import io.reelx.exchange.shared.domain.InvalidValue;

/** "Could this window be licensed now, with this exclusivity and sublicensability?" */
public record AvailsRequest(RightsWindow window, boolean exclusive, boolean sublicensable) {
  public AvailsRequest {
    if (window == null) {
      throw new InvalidValue("window", "is required");
    }
  }
}
