package io.reelx.exchange.architecture.planted.rights.domain;

/** A rights value, fine for contract to use. */
public record Window(String territory) {}
