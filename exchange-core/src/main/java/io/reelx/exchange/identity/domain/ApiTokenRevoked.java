package io.reelx.exchange.identity.domain;

/** An API token was revoked by its owner; it stops working at once on every node. */
public record ApiTokenRevoked(UserId userId, String tokenId) implements IdentityEvent {}
