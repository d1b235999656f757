package io.reelx.exchange.contract.domain;

import io.reelx.exchange.listing.domain.ListingId;
import io.reelx.exchange.shared.domain.InvalidValue;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A contract's id. Derived from the listing it is drafted from, so drafting twice (a replayed
 * award) names the same contract and is refused as a duplicate instead of creating a second one.
 */
public record ContractId(String value) {
  public ContractId {
    if (value == null || value.isBlank()) {
      throw new InvalidValue("contractId", "must not be blank");
    }
  }

  public static ContractId forListing(ListingId listing) {
    return new ContractId(
        UUID.nameUUIDFromBytes(("contract/" + listing.value()).getBytes(StandardCharsets.UTF_8)).toString());
  }

  @Override
  public String toString() {
    return value;
  }
}
