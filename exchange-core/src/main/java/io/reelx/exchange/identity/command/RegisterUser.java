package io.reelx.exchange.identity.command;

import io.reelx.exchange.identity.domain.OrganizationId;
import io.reelx.exchange.identity.domain.OrganizationKind;
import io.reelx.exchange.identity.domain.Role;
import io.reelx.exchange.identity.domain.UserId;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RegisterUser(
    @TargetAggregateIdentifier UserId userId,
    OrganizationId organizationId,
    OrganizationKind organizationKind,
    String username,
    String displayName,
    Set<Role> roles) {}
