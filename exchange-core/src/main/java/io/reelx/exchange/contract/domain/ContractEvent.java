package io.reelx.exchange.contract.domain;

/** Facts in a contract's life, from drafting through signatures to its end. */
public sealed interface ContractEvent
    permits ContractDrafted, ContractSigned, ContractActivated, ContractVoided, ContractLapsed,
        ContractExpired, ContractTerminated, DepositForfeited, DepositRefunded {
  ContractId contractId();
}
