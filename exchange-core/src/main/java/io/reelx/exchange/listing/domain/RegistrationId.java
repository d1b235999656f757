package io.reelx.exchange.listing.domain;

import io.reelx.exchange.shared.domain.InvalidValue;
import java.util.UUID;

public record RegistrationId(String value) {
  public RegistrationId {
    if (value == null || value.isBlank()) {
      throw new InvalidValue("registrationId", "must not be blank");
    }
  }

  public static RegistrationId newId() {
    return new RegistrationId(UUID.randomUUID().toString());
  }

  @Override
  public String toString() {
    return value;
  }
}
