package io.reelx.exchange.identity.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelx.exchange.identity.domain.OrganizationCreated;
import io.reelx.exchange.identity.domain.OrganizationId;
import io.reelx.exchange.identity.domain.OrganizationKind;
import io.reelx.exchange.identity.domain.Role;
import io.reelx.exchange.identity.domain.UserDisabled;
import io.reelx.exchange.identity.domain.UserEnabled;
import io.reelx.exchange.identity.domain.UserId;
import io.reelx.exchange.identity.domain.UserRegistered;
import io.reelx.exchange.testing.ProjectionDatabase;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Organisations and users on a real PostgreSQL: given identity events, the rows read back. */
class IdentityRegisterTest {

  static final Instant AT = Instant.parse("2027-01-02T09:00:00Z");
  static final OrganizationId ORG = new OrganizationId("org-1");
  static final UserId USER = new UserId("u-1");

  private final ProjectionDatabase db = ProjectionDatabase.get();
  private IdentityRegister register;

  @BeforeEach
  void setUp() {
    db.truncate("app_user", "organization");
    register = new IdentityRegister(db.jdbcClient());
    register.on(new OrganizationCreated(ORG, "Alpha Video", OrganizationKind.PLATFORM, "CN"), AT);
  }

  @Test
  void an_organisation_is_registered_and_its_name_taken_whatever_the_case() {
    assertThat(register.organization(ORG)).contains(
        new OrganizationView(ORG, "Alpha Video", OrganizationKind.PLATFORM, "CN", AT));
    assertThat(register.organizationNameTaken("ALPHA video")).isTrue();
    assertThat(register.organizationNameTaken("Beta Video")).isFalse();
  }

  @Test
  void a_user_is_registered_with_its_roles_and_can_be_disabled_and_enabled_again() {
    register.on(new UserRegistered(USER, ORG, "ada", "Ada L.", Set.of(Role.PLATFORM, Role.FINANCE)),
        AT.plusSeconds(1));
    UserView user = register.userByUsername("ada").orElseThrow();
    assertThat(user.id()).isEqualTo(USER);
    assertThat(user.organizationId()).isEqualTo(ORG);
    assertThat(user.roles()).containsExactlyInAnyOrder(Role.PLATFORM, Role.FINANCE);
    assertThat(user.createdAt()).isEqualTo(AT.plusSeconds(1));
    assertThat(user.disabled()).isFalse();

    register.on(new UserDisabled(USER), AT.plusSeconds(2));
    assertThat(register.user(USER).map(UserView::disabled)).contains(true);

    register.on(new UserEnabled(USER));
    assertThat(register.user(USER).map(UserView::disabled)).contains(false);
    assertThat(register.users(Optional.of(ORG))).extracting(UserView::username).containsExactly("ada");
  }
}
