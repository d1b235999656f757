package io.reelx.exchange.contract.domain;

import io.reelx.exchange.rights.domain.RightsGrantCut;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An operator ended the licence: from {@code effectiveFrom} on the grant no longer applies, so the
 * rights register keeps it only for the days before.
 */
public record ContractTerminated(
    ContractId contractId, String titleId, String reason, LocalDate effectiveFrom, String userId,
    Instant terminatedAt) implements ContractEvent, RightsGrantCut {

  /** The grant is known by the contract's id. */
  @Override
  public String grantId() {
    return contractId.value();
  }
}
