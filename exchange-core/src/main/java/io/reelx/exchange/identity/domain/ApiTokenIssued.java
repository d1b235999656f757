package io.reelx.exchange.identity.domain;

import java.time.Instant;

/** An API token was issued; its secret is never in the log, only its id. */
public record ApiTokenIssued(UserId userId, String tokenId, String name, Instant expiresAt)
    implements IdentityEvent {}
