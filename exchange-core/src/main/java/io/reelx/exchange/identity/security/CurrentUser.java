package io.reelx.exchange.identity.security;

import io.reelx.exchange.identity.domain.OrganizationId;
import io.reelx.exchange.identity.domain.Role;
import io.reelx.exchange.identity.domain.UserId;
import java.io.Serializable;
import java.util.Set;

/** The authenticated principal of a request. */
public record CurrentUser(
    UserId userId, String username, OrganizationId organizationId, Set<Role> roles)
    implements Serializable {

  public boolean has(Role role) {
    return roles.contains(role);
  }

  public boolean hasAny(Role... any) {
    for (Role role : any) {
      if (roles.contains(role)) {
        return true;
      }
    }
    return false;
  }

  /** Operators and auditors see every organisation's data; nobody else does. */
  public boolean seesAllOrganizations() {
    return hasAny(Role.OPERATOR, Role.AUDITOR);
  }

  public boolean belongsTo(OrganizationId organization) {
    return organizationId.equals(organization);
  }
}
