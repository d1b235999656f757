package io.reelx.exchange.contract.domain;

/** A party as the contract names it: its organisation and that organisation's name at drafting. */
public record PartyTerms(String organizationId, String organizationName) {}
