package io.reelx.exchange.identity.domain;

/** An operator enabled a disabled user again (its revoked tokens stay revoked). */
public record UserEnabled(UserId userId) implements IdentityEvent {}
