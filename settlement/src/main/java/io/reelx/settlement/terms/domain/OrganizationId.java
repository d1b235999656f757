package io.reelx.settlement.terms.domain;

import java.util.Objects;

/** An organisation known to settlement (a licensor, co-producer, author or platform). */
public record OrganizationId(String value) {
  public OrganizationId {
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String toString() {
    return value;
  }
}
