package io.reelx.exchange.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelx.exchange.shared.domain.RuleViolation;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RoleAssignmentPolicyTest {

  static Set<Role> allowedFor(OrganizationKind kind) {
    EnumSet<Role> allowed = EnumSet.noneOf(Role.class);
    for (Role role : Role.values()) {
      if (RoleAssignmentPolicy.allows(kind, role)) {
        allowed.add(role);
      }
    }
    return allowed;
  }

  @Test
  void rights_holders_license_out_platforms_license_in_and_the_exchange_runs_the_rest() {
    assertThat(allowedFor(OrganizationKind.RIGHTS_HOLDER)).containsExactly(Role.RIGHTS_HOLDER);
    assertThat(allowedFor(OrganizationKind.PLATFORM)).containsExactly(Role.PLATFORM);
    assertThat(allowedFor(OrganizationKind.EXCHANGE))
        .containsExactly(Role.FINANCE, Role.OPERATOR, Role.AUDITOR);
  }

  @ParameterizedTest
  @EnumSource(OrganizationKind.class)
  void every_role_an_organisation_kind_allows_passes_the_check(OrganizationKind kind) {
    assertThatCode(() -> RoleAssignmentPolicy.check(kind, allowedFor(kind))).doesNotThrowAnyException();
  }

  @Test
  void a_platform_role_in_a_rights_holder_organisation_is_refused_naming_both() {
    assertThatThrownBy(() -> RoleAssignmentPolicy.check(OrganizationKind.RIGHTS_HOLDER,
            EnumSet.of(Role.RIGHTS_HOLDER, Role.PLATFORM)))
        .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.code()).isEqualTo("role-not-allowed"))
        .hasMessage("Role PLATFORM cannot be given to a user of a RIGHTS_HOLDER organisation");
  }

  @ParameterizedTest
  @EnumSource(value = Role.class, names = {"FINANCE", "OPERATOR", "AUDITOR"})
  void staff_roles_outside_the_exchange_are_refused(Role role) {
    for (OrganizationKind kind : EnumSet.of(OrganizationKind.RIGHTS_HOLDER, OrganizationKind.PLATFORM)) {
      assertThatThrownBy(() -> RoleAssignmentPolicy.check(kind, Set.of(role)))
          .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.code()).isEqualTo("role-not-allowed"));
    }
  }

  @Test
  void a_user_needs_at_least_one_role() {
    assertThatThrownBy(() -> RoleAssignmentPolicy.check(OrganizationKind.PLATFORM, Set.of()))
        .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.code()).isEqualTo("role-required"));
  }
}
