package io.reelx.exchange.rights.domain;

/** Why (part of) an avails request cannot be licensed. */
public sealed interface Blocker permits NotHeld, GrantedElsewhere {}
