package io.reelx.exchange.architecture.planted.rights.query;

import io.reelx.exchange.architecture.planted.contract.domain.Signed;

/** Offender: rights reads contract's own event, so rights and contract loop. */
public class ReadsContractEvents {
  public String on(Signed e) {
    return e.contractId();
  }
}
