package io.reelx.exchange.contract.domain;

/** The contract did not take effect through no fault of the licensee: its deposit goes back to it. */
public record DepositRefunded(
    ContractId contractId, String listingId, String organizationId, long amount, String currency)
    implements ContractEvent {}
