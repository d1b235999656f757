package io.reelx.exchange.identity.domain;

import java.util.Set;

/** A user was registered. Its password hash is kept out of the log (see credential table). */
public record UserRegistered(
    UserId userId,
    OrganizationId organizationId,
    String username,
    String displayName,
    Set<Role> roles)
    implements IdentityEvent {
  public UserRegistered {
    roles = Set.copyOf(roles);
  }
}
