package io.reelx.exchange.identity.domain;

public record OrganizationCreated(
    OrganizationId organizationId, String name, OrganizationKind kind, String country)
    implements IdentityEvent {}
