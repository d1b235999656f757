package io.reelx.exchange.rights.domain;

import io.reelx.exchange.shared.domain.InvalidValue;

public record HoldingId(String value) {
  public HoldingId {
    if (value == null || value.isBlank()) {
      throw new InvalidValue("holdingId", "must not be blank");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
