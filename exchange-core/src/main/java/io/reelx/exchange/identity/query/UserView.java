package io.reelx.exchange.identity.query;

import io.reelx.exchange.identity.domain.OrganizationId;
import io.reelx.exchange.identity.domain.Role;
import io.reelx.exchange.identity.domain.UserId;
import java.time.Instant;
import java.util.Set;

public record UserView(
    UserId id,
    String username,
    String displayName,
    OrganizationId organizationId,
    Set<Role> roles,
    Instant createdAt,
    Instant disabledAt) {

  public boolean disabled() {
    return disabledAt != null;
  }
}
