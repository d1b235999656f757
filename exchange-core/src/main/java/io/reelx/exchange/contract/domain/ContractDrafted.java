package io.reelx.exchange.contract.domain;

/** A contract was drafted from an award; {@code documentSha256} is what the parties must sign. */
public record ContractDrafted(ContractId contractId, ContractTerms terms, String documentSha256)
    implements ContractEvent {}
