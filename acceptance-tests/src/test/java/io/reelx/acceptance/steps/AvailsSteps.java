package io.reelx.acceptance.steps;

import static io.reelx.acceptance.support.Calls.expectSuccess;
import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.reelx.acceptance.support.Actor;
import io.reelx.acceptance.support.World;
import io.reelx.client.model.Avails;
import io.reelx.client.model.Blocker;
import io.reelx.client.model.BlockerReason;
import io.reelx.client.model.DateRange;
import io.reelx.client.model.Media;
import io.reelx.client.model.Title;
import java.time.LocalDate;
import java.util.List;

public class AvailsSteps {

  private final World world;
  private Avails avails;

  public AvailsSteps(World world) {
    this.world = world;
  }

  @When("{actor} asks whether {string} is available: {list} in {list}, languages {list}, from {date} to {date}")
  public void asksWhetherAvailable(Actor actor, String title, List<String> media, List<String> territories,
      List<String> languages, LocalDate start, LocalDate end) {
    avails = ask(actor, title, false, media, territories, languages, start, end);
  }

  @When("{actor} asks whether {string} is available exclusively: {list} in {list}, languages {list}, from {date} to {date}")
  public void asksWhetherAvailableExclusively(Actor actor, String title, List<String> media,
      List<String> territories, List<String> languages, LocalDate start, LocalDate end) {
    avails = ask(actor, title, true, media, territories, languages, start, end);
  }

  @Then("a window for {list} in {list}, languages {list}, from {date} to {date} is available for {string}")
  public void aWindowIsAvailable(List<String> media, List<String> territories, List<String> languages,
      LocalDate start, LocalDate end, String title) {
    Actor owner = world.memberOf(world.title(title).getOwnerOrganizationId());
    avails = ask(owner, title, false, media, territories, languages, start, end);
    theWindowIsAvailable();
  }

  @Then("the window is available")
  public void theWindowIsAvailable() {
    assertThat(avails.getAvailable()).as("available: %s", avails).isTrue();
  }

  @Then("the window is not available")
  public void theWindowIsNotAvailable() {
    assertThat(avails.getAvailable()).as("available: %s", avails).isFalse();
    assertThat(avails.getBlockers()).as("what blocks it").isNotEmpty();
  }

  @Then("nothing blocks it")
  public void nothingBlocksIt() {
    assertThat(avails.getBlockers()).isEmpty();
  }

  @Then("the available territories are {list}")
  public void theAvailableTerritoriesAre(List<String> territories) {
    assertThat(avails.getAvailableTerritories()).containsExactlyInAnyOrderElementsOf(territories);
  }

  @Then("it is blocked as {word} in the territories {list}")
  public void itIsBlockedInTheTerritories(String reason, List<String> territories) {
    assertThat(avails.getBlockers())
        .filteredOn(b -> b.getReason() == BlockerReason.fromValue(reason))
        .as("%s blockers of %s", reason, avails)
        .isNotEmpty()
        .allSatisfy(b -> assertThat(b.getDetail()).isNotBlank())
        .flatMap(Blocker::getTerritories)
        .containsOnly(territories.toArray(String[]::new));
  }

  @Then("it is blocked as {word} for the days {date} to {date}")
  public void itIsBlockedForTheDays(String reason, LocalDate start, LocalDate end) {
    assertThat(avails.getBlockers())
        .filteredOn(b -> b.getReason() == BlockerReason.fromValue(reason))
        .as("%s blockers of %s", reason, avails)
        .isNotEmpty()
        .flatMap(Blocker::getGaps)
        .containsOnly(new DateRange().start(start).end(end));
  }

  private Avails ask(Actor actor, String titleName, boolean exclusive, List<String> media,
      List<String> territories, List<String> languages, LocalDate start, LocalDate end) {
    Title title = world.title(titleName);
    return expectSuccess("Asking for avails", () -> actor.titles().getAvails(title.getId(), territories,
        media.stream().map(Media::fromValue).toList(), languages, start, end, exclusive, false));
  }
}
