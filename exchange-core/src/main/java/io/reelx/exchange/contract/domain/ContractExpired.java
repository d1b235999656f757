package io.reelx.exchange.contract.domain;

import java.time.Instant;

/** The licence term ended. */
public record ContractExpired(ContractId contractId, Instant expiredAt) implements ContractEvent {}
