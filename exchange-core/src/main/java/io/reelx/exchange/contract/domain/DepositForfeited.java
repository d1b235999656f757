package io.reelx.exchange.contract.domain;

/** The licensee did not sign in time: the deposit it had applied toward the price is forfeited to the licensor. */
public record DepositForfeited(
    ContractId contractId, String listingId, String organizationId, String beneficiaryOrganizationId, long amount,
    String currency) implements ContractEvent {}
