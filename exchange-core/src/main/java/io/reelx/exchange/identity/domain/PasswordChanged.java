package io.reelx.exchange.identity.domain;

/** The user's password was set or changed (the hash itself is never in the log). */
public record PasswordChanged(UserId userId) implements IdentityEvent {}
