package io.reelx.exchange.identity.domain;

import io.reelx.exchange.shared.domain.RuleViolation;
import java.util.Set;

/**
 * Which roles an organisation's users may hold: rights holders license out, platforms license
 * in, and only the exchange's own staff run finance, operations and audit.
 */
public final class RoleAssignmentPolicy {

  private RoleAssignmentPolicy() {}

  public static void check(OrganizationKind kind, Set<Role> roles) {
    if (roles == null || roles.isEmpty()) {
      throw new RuleViolation("role-required", "A user needs at least one role");
    }
    for (Role role : roles) {
      if (!allows(kind, role)) {
        throw new RuleViolation(
            "role-not-allowed",
            "Role " + role + " cannot be given to a user of a " + kind + " organisation");
      }
    }
  }

  public static boolean allows(OrganizationKind kind, Role role) {
    return switch (role) {
      case RIGHTS_HOLDER -> kind == OrganizationKind.RIGHTS_HOLDER;
      case PLATFORM -> kind == OrganizationKind.PLATFORM;
      case FINANCE, OPERATOR, AUDITOR -> kind == OrganizationKind.EXCHANGE;
    };
  }
}
