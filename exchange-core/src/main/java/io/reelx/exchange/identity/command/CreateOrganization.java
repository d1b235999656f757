package io.reelx.exchange.identity.command;

import io.reelx.exchange.identity.domain.OrganizationId;
import io.reelx.exchange.identity.domain.OrganizationKind;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CreateOrganization(
    @TargetAggregateIdentifier OrganizationId organizationId,
    String name,
    OrganizationKind kind,
    String country) {}
