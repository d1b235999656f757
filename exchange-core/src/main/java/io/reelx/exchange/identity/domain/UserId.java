package io.reelx.exchange.identity.domain;

import io.reelx.exchange.shared.domain.InvalidValue;
import java.util.UUID;

public record UserId(String value) {
  public UserId {
    if (value == null || value.isBlank()) {
      throw new InvalidValue("userId", "must not be blank");
    }
  }

  public static UserId newId() {
    return new UserId(UUID.randomUUID().toString());
  }

  @Override
  public String toString() {
    return value;
  }
}
