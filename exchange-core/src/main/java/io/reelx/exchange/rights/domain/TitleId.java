package io.reelx.exchange.rights.domain;

import io.reelx.exchange.shared.domain.InvalidValue;
import java.util.UUID;

public record TitleId(String value) {
  public TitleId {
    if (value == null || value.isBlank()) {
      throw new InvalidValue("titleId", "must not be blank");
    }
  }

  public static TitleId newId() {
    return new TitleId(UUID.randomUUID().toString());
  }

  @Override
  public String toString() {
    return value;
  }
}
