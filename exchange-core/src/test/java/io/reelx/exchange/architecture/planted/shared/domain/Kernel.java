package io.reelx.exchange.architecture.planted.shared.domain;

/** A shared-kernel value. */
public record Kernel(String code) {}
