package io.reelx.exchange.identity.command;

import static org.hamcrest.Matchers.equalTo;

import io.reelx.exchange.identity.domain.ApiTokenIssued;
import io.reelx.exchange.identity.domain.ApiTokenRevoked;
import io.reelx.exchange.identity.domain.UserDisabled;
import io.reelx.exchange.identity.domain.UserEnabled;
import io.reelx.exchange.identity.domain.OrganizationId;
import io.reelx.exchange.identity.domain.OrganizationKind;
import io.reelx.exchange.identity.domain.PasswordChanged;
import io.reelx.exchange.identity.domain.Role;
import io.reelx.exchange.identity.domain.UserId;
import io.reelx.exchange.identity.domain.UserRegistered;
import io.reelx.exchange.shared.domain.RuleViolation;
import java.time.Instant;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserTest {

  static final UserId USER = new UserId("u-1");
  static final OrganizationId ORG = new OrganizationId("org-1");

  private FixtureConfiguration<User> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(User.class);
  }

  static RegisterUser register(OrganizationKind kind, Set<Role> roles) {
    return new RegisterUser(USER, ORG, kind, "li.wei", "Li Wei", roles);
  }

  static UserRegistered registered(Set<Role> roles) {
    return new UserRegistered(USER, ORG, "li.wei", "Li Wei", roles);
  }

  static Matcher<RuleViolation> ruleViolation(String code) {
    return new FeatureMatcher<RuleViolation, String>(equalTo(code), "a RuleViolation with code", "code") {
      @Override
      protected String featureValueOf(RuleViolation actual) {
        return actual.code();
      }
    };
  }

  @Test
  void registering_a_rights_holder_user_records_the_user_and_its_first_password() {
    fixture.givenNoPriorActivity()
        .when(register(OrganizationKind.RIGHTS_HOLDER, Set.of(Role.RIGHTS_HOLDER)))
        .expectEvents(registered(Set.of(Role.RIGHTS_HOLDER)), new PasswordChanged(USER))
        .expectResultMessagePayload(USER);
  }

  @Test
  void the_exchange_may_give_its_staff_finance_operator_and_auditor_roles_together() {
    Set<Role> staff = Set.of(Role.FINANCE, Role.OPERATOR, Role.AUDITOR);
    fixture.givenNoPriorActivity()
        .when(register(OrganizationKind.EXCHANGE, staff))
        .expectEvents(registered(staff), new PasswordChanged(USER));
  }

  @Test
  void a_platform_role_for_a_rights_holder_organisation_is_refused() {
    fixture.givenNoPriorActivity()
        .when(register(OrganizationKind.RIGHTS_HOLDER, Set.of(Role.RIGHTS_HOLDER, Role.PLATFORM)))
        .expectNoEvents()
        .expectException(ruleViolation("role-not-allowed"))
        .expectExceptionMessage("Role PLATFORM cannot be given to a user of a RIGHTS_HOLDER organisation");
  }

  @Test
  void a_user_without_roles_is_refused() {
    fixture.givenNoPriorActivity()
        .when(register(OrganizationKind.PLATFORM, Set.of()))
        .expectNoEvents()
        .expectException(ruleViolation("role-required"));
  }

  @Test
  void changing_the_password_is_recorded_without_the_password() {
    fixture.given(registered(Set.of(Role.PLATFORM)), new PasswordChanged(USER))
        .when(new ChangePassword(USER))
        .expectEvents(new PasswordChanged(USER));
  }

  @Test
  void issuing_an_api_token_records_its_id_name_and_expiry() {
    Instant expires = Instant.parse("2026-06-01T00:00:00Z");
    fixture.given(registered(Set.of(Role.PLATFORM)), new PasswordChanged(USER))
        .when(new IssueApiToken(USER, "tok-1", "ci pipeline", expires))
        .expectEvents(new ApiTokenIssued(USER, "tok-1", "ci pipeline", expires));
  }

  @Test
  void revoking_an_api_token_records_which_one() {
    fixture.given(registered(Set.of(Role.PLATFORM)), new PasswordChanged(USER))
        .when(new RevokeApiToken(USER, "tok-1"))
        .expectEvents(new ApiTokenRevoked(USER, "tok-1"));
  }

  @Test
  void disabling_a_user_is_recorded_once() {
    fixture.given(registered(Set.of(Role.PLATFORM)), new PasswordChanged(USER))
        .when(new DisableUser(USER))
        .expectEvents(new UserDisabled(USER));
    fixture.given(registered(Set.of(Role.PLATFORM)), new UserDisabled(USER))
        .when(new DisableUser(USER))
        .expectNoEvents();
  }

  @Test
  void a_disabled_user_is_issued_no_token_until_enabled_again() {
    Instant expires = Instant.parse("2026-06-01T00:00:00Z");
    fixture.given(registered(Set.of(Role.PLATFORM)), new UserDisabled(USER))
        .when(new IssueApiToken(USER, "tok-2", "ci", expires))
        .expectNoEvents()
        .expectException(ruleViolation("user-disabled"));
    fixture.given(registered(Set.of(Role.PLATFORM)), new UserDisabled(USER))
        .when(new EnableUser(USER))
        .expectEvents(new UserEnabled(USER));
    fixture.given(registered(Set.of(Role.PLATFORM)), new PasswordChanged(USER))
        .when(new EnableUser(USER))
        .expectNoEvents();
  }
}
