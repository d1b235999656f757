package io.reelx.acceptance.steps;

import static io.reelx.acceptance.support.Calls.expectSuccess;
import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.reelx.acceptance.support.Actor;
import io.reelx.acceptance.support.Backstage;
import io.reelx.acceptance.support.Requests;
import io.reelx.acceptance.support.World;
import io.reelx.client.model.Holding;
import io.reelx.client.model.Media;
import io.reelx.client.model.Title;
import io.reelx.client.model.TitleKind;
import io.reelx.client.model.TitlePage;
import java.time.LocalDate;
import java.util.List;

public class RightsSteps {

  private final World world;
  private final Backstage backstage;
  private Holding holding;
  private List<Holding> holdings;

  public RightsSteps(World world, Backstage backstage) {
    this.world = world;
    this.backstage = backstage;
  }

  @When("{actor} registers the micro-drama {string} of {int} episodes of {int} minutes in {word} from {int}")
  public void registersAMicroDrama(Actor holder, String name, int episodes, int minutes, String language, int year) {
    Title title = expectSuccess("Registering " + name, () -> holder.titles().registerTitle(Requests.title(name)
        .kind(TitleKind.MICRO_DRAMA).episodes(episodes).minutesPerEpisode(minutes)
        .originalLanguage(language).productionYear(year)));
    world.remember(name, title);
  }

  @Given("{actor} has registered the title {string}")
  public void hasRegisteredTheTitle(Actor holder, String name) {
    backstage.registerTitle(holder, name);
  }

  @Then("{string} is owned by {string} with {int} episodes of {int} minutes")
  public void isOwnedBy(String name, String organization, int episodes, int minutes) {
    Title registered = world.title(name);
    Actor owner = world.memberOf(world.organization(organization).getId());
    Title title = expectSuccess("Reading " + name, () -> owner.titles().getTitle(registered.getId()));
    assertThat(title.getOwnerOrganizationId()).isEqualTo(world.organization(organization).getId());
    assertThat(title.getName()).isEqualTo(name);
    assertThat(title.getKind()).isEqualTo(TitleKind.MICRO_DRAMA);
    assertThat(title.getEpisodes()).isEqualTo(episodes);
    assertThat(title.getMinutesPerEpisode()).isEqualTo(minutes);
    assertThat(title.getRegisteredAt()).isNotNull();
  }

  @Then("{actor} finds {string} when searching the titles for {string}")
  public void findsWhenSearching(Actor actor, String name, String text) {
    TitlePage page = expectSuccess("Searching titles", () -> actor.titles().listTitles(text, 0, 200));
    assertThat(page.getItems()).extracting(Title::getId).contains(world.title(name).getId());
    assertThat(page.getItems()).allSatisfy(t -> assertThat(t.getName().toLowerCase()
        + " " + t.getOriginalName().toLowerCase()).contains(text.toLowerCase()));
  }

  @When("{actor} records that {string} holds {string} {exclusivity}: {list} in {list}, languages {list}, from {date} to {date}")
  public void recordsAHolding(Actor holder, String organization, String title, Boolean exclusive,
      List<String> media, List<String> territories, List<String> languages, LocalDate start, LocalDate end) {
    holding = backstage.recordHolding(holder, title,
        Requests.holding(exclusive, media, territories, languages, start, end));
  }

  @Given("{string} holds {string} {exclusivity}: {list} in {list}, languages {list}, from {date} to {date}")
  public void holds(String organization, String title, Boolean exclusive, List<String> media,
      List<String> territories, List<String> languages, LocalDate start, LocalDate end) {
    Actor holder = world.memberOf(world.organization(organization).getId());
    holding = backstage.recordHolding(holder, title,
        Requests.holding(exclusive, media, territories, languages, start, end));
  }

  @Then("the holding covers exactly the territories {list}")
  public void theHoldingCoversTheTerritories(List<String> territories) {
    assertThat(holding.getTerritories()).containsExactlyInAnyOrderElementsOf(territories);
  }

  @Then("the holding covers the media {list}")
  public void theHoldingCoversTheMedia(List<String> media) {
    assertThat(holding.getMedia()).containsExactlyInAnyOrderElementsOf(media.stream().map(Media::fromValue).toList());
  }

  @Then("the holding is exclusive and carries the evidence's SHA-256")
  public void theHoldingIsExclusiveWithEvidence() {
    assertThat(holding.getExclusive()).isTrue();
    assertThat(holding.getEvidenceSha256()).isEqualTo(Requests.evidenceSha256());
    assertThat(holding.getRecordedAt()).isNotNull();
  }

  @When("{actor} lists the holdings of {string}")
  public void listsTheHoldings(Actor actor, String title) {
    holdings = expectSuccess("Listing holdings", () -> actor.titles().listHoldings(world.title(title).getId()));
  }

  @Then("there are {int} holdings, first {list} in {list}, then {list} in {list}")
  public void thereAreHoldingsInOrder(int count, List<String> firstMedia, List<String> firstTerritories,
      List<String> thenMedia, List<String> thenTerritories) {
    assertThat(holdings).hasSize(count);
    assertThat(holdings.get(0).getMedia()).containsExactlyElementsOf(firstMedia.stream().map(Media::fromValue).toList());
    assertThat(holdings.get(0).getTerritories()).containsExactlyElementsOf(firstTerritories);
    assertThat(holdings.get(1).getMedia()).containsExactlyElementsOf(thenMedia.stream().map(Media::fromValue).toList());
    assertThat(holdings.get(1).getTerritories()).containsExactlyElementsOf(thenTerritories);
    assertThat(holdings).allSatisfy(h -> assertThat(h.getTitleId()).isEqualTo(holdings.get(0).getTitleId()));
  }
}
