package io.reelx.exchange.contract.domain;

import io.reelx.exchange.rights.domain.RightsGranted;
import io.reelx.exchange.rights.domain.WindowTerms;
import java.time.Instant;
import java.time.LocalDate;

/** Both parties signed and the window was free: the grant enters the rights register. */
public record ContractActivated(
    ContractId contractId,
    String titleId,
    WindowTerms window,
    boolean exclusive,
    String licensorOrganizationId,
    String licenseeOrganizationId,
    long balanceDue,
    String currency,
    LocalDate balanceDueOn,
    Instant activatedAt)
    implements ContractEvent, RightsGranted {

  /** The grant is known by the contract's id. */
  @Override
  public String grantId() {
    return contractId.value();
  }
}
