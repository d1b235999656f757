package io.reelx.exchange.rights.domain;

import io.reelx.exchange.shared.domain.InvalidValue;

/** A licence given out of a title's rights by an active contract. */
public record Grant(String contractId, RightsWindow window, boolean exclusive) {
  public Grant {
    if (contractId == null || contractId.isBlank()) {
      throw new InvalidValue("contractId", "must not be blank");
    }
    if (window == null) {
      throw new InvalidValue("window", "is required");
    }
  }
}
