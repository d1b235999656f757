package io.reelx.exchange.identity.query;

import io.reelx.exchange.identity.domain.OrganizationId;
import io.reelx.exchange.identity.domain.OrganizationKind;
import java.time.Instant;

public record OrganizationView(
    OrganizationId id, String name, OrganizationKind kind, String country, Instant createdAt) {}
