package io.reelx.exchange.contract.domain;

/** Where a contract is in its life; see {@code io.reelx.exchange.contract.command.Contract}. */
public enum ContractStatus {
  AWAITING_SIGNATURES,
  ACTIVE,
  LAPSED,
  VOID,
  EXPIRED,
  TERMINATED;

  public boolean isEnded() {
    return this != AWAITING_SIGNATURES && this != ACTIVE;
  }
}
