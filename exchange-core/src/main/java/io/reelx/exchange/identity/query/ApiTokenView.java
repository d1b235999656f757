package io.reelx.exchange.identity.query;

import io.reelx.exchange.identity.domain.UserId;
import java.time.Instant;

/** An API token as its owner sees it: never its secret (only a hash of it is stored). */
public record ApiTokenView(
    String id,
    UserId userId,
    String name,
    Instant createdAt,
    Instant expiresAt,
    Instant lastUsedAt,
    Instant revokedAt) {}
