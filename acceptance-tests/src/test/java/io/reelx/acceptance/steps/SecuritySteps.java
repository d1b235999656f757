package io.reelx.acceptance.steps;

import static io.reelx.acceptance.support.Calls.expectSuccess;
import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.reelx.acceptance.support.Actor;
import io.reelx.acceptance.support.Requests;
import io.reelx.acceptance.support.RunningExchange;
import io.reelx.acceptance.support.World;
import io.reelx.client.model.AuditEvent;
import io.reelx.client.model.AuditTrail;
import io.reelx.client.model.CreateOrganizationRequest;
import io.reelx.client.model.OrganizationKind;
import java.util.List;
import java.util.stream.LongStream;

public class SecuritySteps {

  private final World world;
  private AuditTrail trail;

  public SecuritySteps(World world) {
    this.world = world;
  }

  @When("someone without credentials asks who they are")
  public void someoneWithoutCredentialsAsks() {
    Actor anonymous = world.anonymous();
    world.attempt(() -> anonymous.me().getMe());
  }

  @When("{actor} signs in with a wrong password")
  public void signsInWithAWrongPassword(Actor actor) {
    Actor impostor = world.impostorOf(actor);
    world.attempt(() -> impostor.me().getMe());
  }

  @When("someone presents a made-up API token")
  public void someonePresentsAMadeUpToken() {
    Actor forger = world.bearer("forger", RunningExchange.randomSecret(40));
    world.attempt(() -> forger.me().getMe());
  }

  @When("{actor} tries to register the title {string}")
  public void triesToRegisterATitle(Actor actor, String name) {
    world.attempt(() -> actor.titles().registerTitle(Requests.title(name)));
  }

  @When("{actor} tries to admit {string} as a rights holder")
  public void triesToAdmitAnOrganisation(Actor actor, String name) {
    world.attempt(() -> actor.organizations().createOrganization(new CreateOrganizationRequest()
        .name(world.organizationNameFor(name)).kind(OrganizationKind.RIGHTS_HOLDER).country("CN")));
  }

  @When("{actor} tries to look at the listing")
  public void triesToLookAtTheListing(Actor actor) {
    String id = world.listing().getId();
    world.attempt(() -> actor.listings().getListing(id));
  }

  @When("{actor} tries to list the holdings of {string}")
  public void triesToListTheHoldings(Actor actor, String title) {
    String id = world.title(title).getId();
    world.attempt(() -> actor.titles().listHoldings(id));
  }

  // ------------------------------------------------------------------ audit trail

  @When("{actor} reads the audit trail of the listing")
  public void readsTheAuditTrail(Actor actor) {
    String id = world.listing().getId();
    trail = expectSuccess(actor + " reading the audit trail", () -> actor.audit().getAuditTrail(id));
  }

  @When("{actor} tries to read the audit trail of the listing")
  public void triesToReadTheAuditTrail(Actor actor) {
    String id = world.listing().getId();
    world.attempt(() -> actor.audit().getAuditTrail(id));
  }

  @Then("the trail tells the listing's story: {list}")
  public void theTrailTellsTheStory(List<String> eventTypes) {
    assertThat(trail.getAggregateId()).isEqualTo(world.listing().getId());
    List<AuditEvent> events = trail.getEvents();
    assertThat(events).extracting(AuditEvent::getEventType).containsExactlyElementsOf(eventTypes);
    assertThat(events).extracting(AuditEvent::getSequenceNumber)
        .containsExactlyElementsOf(LongStream.range(0, events.size()).boxed().toList());
    assertThat(events).allSatisfy(e -> {
      assertThat(e.getOccurredAt()).isNotNull();
      assertThat(e.getPayload()).isNotNull();
    });
    assertThat(events).extracting(AuditEvent::getOccurredAt).isSorted();
  }
}
