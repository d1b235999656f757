package io.reelx.exchange.contract.domain;

import java.time.Instant;

/** Both parties signed, but the window had been licensed elsewhere first: the contract cannot take effect. */
public record ContractVoided(ContractId contractId, String reason, Instant voidedAt) implements ContractEvent {}
