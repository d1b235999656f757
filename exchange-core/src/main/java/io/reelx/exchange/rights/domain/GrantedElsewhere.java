package io.reelx.exchange.rights.domain;

/** An existing grant takes {@code overlap}, the part of the request it shares. */
public record GrantedElsewhere(String contractId, boolean exclusive, RightsWindow overlap)
    implements Blocker {}
