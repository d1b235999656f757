package io.reelx.exchange.rights.domain;

import io.reelx.exchange.shared.domain.InvalidValue;

/** A licence given out of a title's rights by an active contract. */
public record Grant(String contractId, RightsWindow window, boolean exclusive) {
  public Grant {
    if (contractId == null || contractId.isBlank()) {
      throw new InvalidValue("contractId", "must not be blank");
    }
    if (window == null) {
      throw new InvalidValue("window", "is required");
    }
  }

  /**
   * The grant after its contract was terminated with effect from {@code effectiveFrom}: only the
   * days before it remain, none when it had not started (the rights register applies the same rule
   * to its rows).
   */
  public java.util.Optional<Grant> terminatedFrom(java.time.LocalDate effectiveFrom) {
    if (!effectiveFrom.isAfter(window.term().start())) {
      return java.util.Optional.empty();
    }
    if (effectiveFrom.isAfter(window.term().end())) {
      return java.util.Optional.of(this);
    }
    return java.util.Optional.of(new Grant(contractId, new RightsWindow(window.territories(), window.media(),
        window.languages(), new Term(window.term().start(), effectiveFrom.minusDays(1))), exclusive));
  }
}
