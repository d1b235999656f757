package io.reelx.exchange.identity.command;

import io.reelx.exchange.identity.domain.UserId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record IssueApiToken(
    @TargetAggregateIdentifier UserId userId, String tokenId, String name, Instant expiresAt) {}
