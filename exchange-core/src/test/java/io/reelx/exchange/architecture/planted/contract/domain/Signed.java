package io.reelx.exchange.architecture.planted.contract.domain;

import io.reelx.exchange.architecture.planted.rights.domain.Window;

/** A contract event that carries a rights value: contract may use rights. */
public record Signed(String contractId, Window window) {}
