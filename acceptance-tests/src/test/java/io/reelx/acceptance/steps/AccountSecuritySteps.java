package io.reelx.acceptance.steps;

import static io.reelx.acceptance.support.Calls.expectSuccess;
import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.reelx.acceptance.support.Actor;
import io.reelx.acceptance.support.Outcome;
import io.reelx.acceptance.support.World;
import io.reelx.client.ApiException;
import io.reelx.client.model.ApiToken;
import io.reelx.client.model.ApiTokenSummary;
import io.reelx.client.model.CreateApiTokenRequest;
import io.reelx.client.model.Me;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Failed-login throttling, API tokens listed and revoked, accounts disabled and enabled. */
public class AccountSecuritySteps {

  private final World world;
  private final Map<String, ApiToken> tokens = new LinkedHashMap<>();
  private Integer retryAfter;
  private List<ApiTokenSummary> listed;

  public AccountSecuritySteps(World world) {
    this.world = world;
  }

  @When("someone tries {int} wrong passwords for {actor}")
  public void someoneTriesWrongPasswords(int times, Actor actor) {
    Actor impostor = world.impostorOf(actor);
    for (int i = 0; i < times; i++) {
      Outcome outcome = world.attempt(() -> impostor.me().getMe());
      assertThat(outcome.status()).as("wrong password %d: %s", i + 1, outcome).isEqualTo(401);
    }
  }

  @When("{actor} signs in with the right password straight away")
  public void signsInStraightAway(Actor actor) {
    try {
      world.lastOutcome(Outcome.success(actor.me().getMe()));
    } catch (ApiException e) {
      world.lastOutcome(Outcome.of(e));
      retryAfter = e.getResponseHeaders().firstValue("Retry-After").map(Integer::valueOf).orElse(null);
    }
  }

  @Then("the refusal says how many seconds to wait")
  public void theRefusalSaysHowLongToWait() {
    assertThat(retryAfter).as("Retry-After").isNotNull().isPositive();
  }

  @Given("{actor} has API tokens named {string} and {string}")
  public void hasApiTokens(Actor actor, String first, String second) {
    for (String name : List.of(first, second)) {
      tokens.put(name, expectSuccess("Creating the API token " + name,
          () -> actor.me().createApiToken(new CreateApiTokenRequest().name(name))));
    }
  }

  @When("{actor} lists its API tokens")
  public void listsItsTokens(Actor actor) {
    listed = expectSuccess(actor + " listing its API tokens", () -> actor.me().listApiTokens());
  }

  @Then("it sees the tokens {string} and {string}, without their secrets")
  public void itSeesTheTokens(String first, String second) {
    assertThat(listed).extracting(ApiTokenSummary::getName).containsExactly(first, second);
    assertThat(listed).extracting(ApiTokenSummary::getId)
        .containsExactly(tokens.get(first).getId(), tokens.get(second).getId());
    assertThat(listed.toString()).doesNotContain(tokens.get(first).getToken(), tokens.get(second).getToken());
  }

  @When("{actor} tries to revoke the token {string}")
  public void triesToRevoke(Actor actor, String name) {
    String id = tokens.get(name).getId();
    world.attempt(() -> {
      actor.me().revokeApiToken(id);
      return null;
    });
  }

  @When("{actor} revokes the token {string}")
  public void revokes(Actor actor, String name) {
    String id = tokens.get(name).getId();
    expectSuccess(actor + " revoking " + name, () -> {
      actor.me().revokeApiToken(id);
      return null;
    });
  }

  @Then("a caller presenting the token {string} is refused as {refusal}")
  public void aCallerWithTheTokenIsRefused(String name, Integer status) {
    Actor bearer = world.bearer("holder of " + name, tokens.get(name).getToken());
    Outcome outcome = world.attempt(() -> bearer.me().getMe());
    assertThat(outcome.status()).as("%s", outcome).isEqualTo(status);
    assertThat(outcome.isProblem()).isTrue();
  }

  @Then("a caller presenting the token {string} is recognised as {actor}")
  public void aCallerWithTheTokenIsRecognised(String name, Actor actor) {
    Actor bearer = world.bearer("holder of " + name, tokens.get(name).getToken());
    Me me = expectSuccess("Presenting the token " + name, () -> bearer.me().getMe());
    assertThat(me.getUsername()).isEqualTo(actor.username());
  }

  @When("{actor} tries to disable the account of {actor}")
  public void triesToDisable(Actor operator, Actor member) {
    String id = userId(member);
    world.attempt(() -> operator.users().disableUser(id));
  }

  @When("the operator disables the account of {actor}")
  public void disables(Actor member) {
    String id = userId(member);
    var user = expectSuccess("Disabling " + member, () -> world.operator().users().disableUser(id));
    assertThat(user.getDisabledAt()).isNotNull();
  }

  @When("the operator enables the account of {actor} again")
  public void enables(Actor member) {
    String id = userId(member);
    var user = expectSuccess("Enabling " + member, () -> world.operator().users().enableUser(id));
    assertThat(user.getDisabledAt()).isNull();
  }

  @Then("{actor} signing in with its password is refused as {refusal}")
  public void signingInIsRefused(Actor actor, Integer status) {
    Outcome outcome = world.attempt(() -> actor.me().getMe());
    assertThat(outcome.status()).as("%s", outcome).isEqualTo(status);
  }

  @Then("{actor} signing in with its password is recognised")
  public void signingInIsRecognised(Actor actor) {
    Me me = expectSuccess(actor + " signing in", () -> actor.me().getMe());
    assertThat(me.getUsername()).isEqualTo(actor.username());
  }

  private String userId(Actor member) {
    return expectSuccess("Looking up " + member, () -> world.operator().users().listUsers(member.organizationId()))
        .stream().filter(u -> u.getUsername().equals(member.username())).findFirst().orElseThrow().getId();
  }
}
