package io.reelx.acceptance.steps;

import static io.reelx.acceptance.support.Calls.expectSuccess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.reelx.acceptance.support.Actor;
import io.reelx.acceptance.support.Backstage;
import io.reelx.acceptance.support.World;
import io.reelx.client.model.ApiToken;
import io.reelx.client.model.CreateApiTokenRequest;
import io.reelx.client.model.CreateUserRequest;
import io.reelx.client.model.Me;
import io.reelx.client.model.Organization;
import io.reelx.client.model.OrganizationKind;
import io.reelx.client.model.Role;
import io.reelx.client.model.User;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

public class OnboardingSteps {

  private final World world;
  private final Backstage backstage;
  private ApiToken token;

  public OnboardingSteps(World world, Backstage backstage) {
    this.world = world;
    this.backstage = backstage;
  }

  // ------------------------------------------------------------------ arranged

  @Given("a rights holder {string} with a user {string}")
  public void aRightsHolderWithAUser(String organization, String alias) {
    backstage.member(organization, OrganizationKind.RIGHTS_HOLDER, alias, Role.RIGHTS_HOLDER);
  }

  @Given("a platform {string} with a user {string}")
  public void aPlatformWithAUser(String organization, String alias) {
    backstage.member(organization, OrganizationKind.PLATFORM, alias, Role.PLATFORM);
  }

  @Given("a rights holder {string}")
  public void aRightsHolder(String organization) {
    backstage.admit(organization, OrganizationKind.RIGHTS_HOLDER, "CN");
  }

  @Given("a platform {string}")
  public void aPlatform(String organization) {
    backstage.admit(organization, OrganizationKind.PLATFORM, "HK");
  }

  @Given("an auditor {string} at the exchange")
  public void anAuditorAtTheExchange(String alias) {
    backstage.openAccount(alias, world.exchangeOrganizationId(), List.of("AUDITOR"));
  }

  @Given("the exchange has a second operator {string}")
  public void theExchangeHasASecondOperator(String alias) {
    backstage.openAccount(alias, world.exchangeOrganizationId(), List.of("OPERATOR"));
  }

  // ------------------------------------------------------------------ the operator at work

  @When("the operator admits {string} as a rights holder from {word}")
  public void theOperatorAdmitsARightsHolder(String name, String country) {
    backstage.admit(name, OrganizationKind.RIGHTS_HOLDER, country);
  }

  @When("the operator admits {string} as a platform from {word}")
  public void theOperatorAdmitsAPlatform(String name, String country) {
    backstage.admit(name, OrganizationKind.PLATFORM, country);
  }

  @When("the operator opens an account {string} at {string} with the roles {list}")
  public void theOperatorOpensAnAccount(String alias, String organization, List<String> roles) {
    backstage.openAccount(alias, world.organization(organization).getId(), roles);
  }

  @When("the operator opens an account {string} at the exchange with the roles {list}")
  public void theOperatorOpensAStaffAccount(String alias, List<String> roles) {
    backstage.openAccount(alias, world.exchangeOrganizationId(), roles);
  }

  @When("the operator tries to open an account {string} at {string} with the roles {list}")
  public void theOperatorTriesToOpenAnAccount(String alias, String organization, List<String> roles) {
    CreateUserRequest request = backstage.account(alias, world.organization(organization).getId(), roles);
    world.attempt(() -> world.operator().users().createUser(request));
  }

  @When("the operator tries to open another account with the login name of {actor} at {string}")
  public void theOperatorTriesToReuseALoginName(Actor existing, String organization) {
    CreateUserRequest request = backstage.account(existing.alias(), world.organization(organization).getId(),
        List.of("PLATFORM"));
    request.username(existing.username());
    world.attempt(() -> world.operator().users().createUser(request));
  }

  @Then("the operator finds {string} among the member organisations as a {word} from {word}")
  public void theOperatorFindsTheOrganisation(String name, String kind, String country) {
    List<Organization> all = expectSuccess("Listing organisations",
        () -> world.operator().organizations().listOrganizations());
    Organization expected = world.organization(name);
    assertThat(all).filteredOn(o -> expected.getId().equals(o.getId()))
        .singleElement()
        .satisfies(o -> {
          assertThat(o.getName()).isEqualTo(world.organizationNameFor(name));
          assertThat(o.getKind()).isEqualTo(OrganizationKind.fromValue(kind));
          assertThat(o.getCountry()).isEqualTo(country);
        });
    Organization one = expectSuccess("Reading " + name,
        () -> world.operator().organizations().getOrganization(expected.getId()));
    assertThat(one.getName()).isEqualTo(world.organizationNameFor(name));
  }

  @Then("{actor} sees that it works for {string} with the roles {list}")
  public void seesItsOrganisationAndRoles(Actor actor, String organization, List<String> roles) {
    Me me = expectSuccess(actor + " asking who it is", () -> actor.me().getMe());
    assertThat(me.getUsername()).isEqualTo(actor.username());
    assertThat(me.getOrganizationId()).isEqualTo(world.organization(organization).getId());
    assertThat(me.getOrganizationName()).isEqualTo(world.organizationNameFor(organization));
    assertThat(me.getRoles()).containsExactlyInAnyOrderElementsOf(roles.stream().map(Role::fromValue).toList());
  }

  @Then("{actor} sees that it works for the exchange with the roles {list}")
  public void seesItWorksForTheExchange(Actor actor, List<String> roles) {
    Me me = expectSuccess(actor + " asking who it is", () -> actor.me().getMe());
    assertThat(me.getUsername()).isEqualTo(actor.username());
    assertThat(me.getOrganizationKind()).isEqualTo(OrganizationKind.EXCHANGE);
    assertThat(me.getOrganizationId()).isEqualTo(world.exchangeOrganizationId());
    assertThat(me.getRoles()).containsExactlyInAnyOrderElementsOf(roles.stream().map(Role::fromValue).toList());
  }

  @Then("{string} has no user {string}")
  public void hasNoUser(String organization, String alias) {
    String organizationId = world.organization(organization).getId();
    List<User> users = expectSuccess("Listing the users of " + organization,
        () -> world.operator().users().listUsers(organizationId));
    assertThat(users).extracting(User::getUsername).doesNotContain(world.usernameFor(alias));
    assertThat(users).allSatisfy(u -> assertThat(u.getOrganizationId()).isEqualTo(organizationId));
  }

  // ------------------------------------------------------------------ API tokens

  @When("{actor} creates an API token named {string} valid for {int} days")
  public void createsAnApiToken(Actor actor, String name, int days) {
    token = expectSuccess("Creating an API token",
        () -> actor.me().createApiToken(new CreateApiTokenRequest().name(name).expiresInDays(days)));
  }

  @Then("the token is shown with its secret and expires in about {int} days")
  public void theTokenIsShown(int days) {
    assertThat(token.getId()).isNotBlank();
    assertThat(token.getToken()).isNotBlank().hasSizeGreaterThanOrEqualTo(20);
    assertThat(token.getExpiresAt()).isCloseTo(OffsetDateTime.now().plusDays(days), within(1, ChronoUnit.HOURS));
  }

  @Then("a caller presenting only that token is recognised as {actor} of {string}")
  public void aCallerWithTheTokenIsRecognised(Actor actor, String organization) {
    Actor bearer = world.bearer("token of " + actor.alias(), token.getToken());
    Me me = expectSuccess("Asking who the token holder is", () -> bearer.me().getMe());
    Me withPassword = expectSuccess(actor + " asking who it is", () -> actor.me().getMe());
    assertThat(me.getUsername()).isEqualTo(actor.username());
    assertThat(me.getOrganizationId()).isEqualTo(world.organization(organization).getId());
    assertThat(me.getRoles()).containsExactlyInAnyOrderElementsOf(withPassword.getRoles());
  }
}
