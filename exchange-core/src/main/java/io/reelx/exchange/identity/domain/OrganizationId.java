package io.reelx.exchange.identity.domain;

import io.reelx.exchange.shared.domain.InvalidValue;
import java.util.UUID;

public record OrganizationId(String value) {
  public OrganizationId {
    if (value == null || value.isBlank()) {
      throw new InvalidValue("organizationId", "must not be blank");
    }
  }

  public static OrganizationId newId() {
    return new OrganizationId(UUID.randomUUID().toString());
  }

  @Override
  public String toString() {
    return value;
  }
}
