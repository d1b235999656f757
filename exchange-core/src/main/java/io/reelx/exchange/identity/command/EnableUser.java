package io.reelx.exchange.identity.command;

import io.reelx.exchange.identity.domain.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record EnableUser(@TargetAggregateIdentifier UserId userId) {}
