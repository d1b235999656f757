package io.reelx.exchange.listing.domain;

import io.reelx.exchange.shared.domain.InvalidValue;
import java.util.UUID;

public record ListingId(String value) {
  public ListingId {
    if (value == null || value.isBlank()) {
      throw new InvalidValue("listingId", "must not be blank");
    }
  }

  public static ListingId newId() {
    return new ListingId(UUID.randomUUID().toString());
  }

  @Override
  public String toString() {
    return value;
  }
}
