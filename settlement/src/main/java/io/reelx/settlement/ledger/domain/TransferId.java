package io.reelx.settlement.ledger.domain;

import java.util.Objects;

/** A transfer's id, which is also its idempotency key: derived from what caused it, never random. */
public record TransferId(String value) {
  public TransferId {
    Objects.requireNonNull(value, "value");
    if (value.isBlank() || value.length() > 200) {
      throw new IllegalArgumentException("a transfer id is 1-200 characters");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
