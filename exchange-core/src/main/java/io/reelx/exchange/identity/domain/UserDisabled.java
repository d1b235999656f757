package io.reelx.exchange.identity.domain;

/** An operator disabled the user: it can no longer log in, and all its API tokens were revoked. */
public record UserDisabled(UserId userId) implements IdentityEvent {}
