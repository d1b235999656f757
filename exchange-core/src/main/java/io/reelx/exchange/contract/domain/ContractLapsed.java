package io.reelx.exchange.contract.domain;

import java.time.Instant;
import java.util.List;

/** The signing deadline passed with these parties' signatures missing. */
public record ContractLapsed(ContractId contractId, List<Party> unsigned, Instant lapsedAt) implements ContractEvent {}
