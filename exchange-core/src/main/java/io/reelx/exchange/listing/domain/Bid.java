package io.reelx.exchange.listing.domain;

import java.time.Instant;

/** An accepted bid as the auction remembers it. */
public record Bid(
    String bidId,
    long number,
    RegistrationId registrationId,
    String organizationId,
    String bidderCode,
    long amount,
    Instant placedAt) {

  /** Higher price wins; at the same price the earlier accepted bid wins. */
  public boolean beats(Bid other) {
    return other == null || amount > other.amount || amount == other.amount && number < other.number;
  }
}
