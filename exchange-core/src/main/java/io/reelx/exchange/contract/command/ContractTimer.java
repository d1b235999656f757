package io.reelx.exchange.contract.command;

/** Payload of the contract's deadlines; the deadline's name says which one it is. */
public record ContractTimer(String purpose) {}
