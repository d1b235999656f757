package io.reelx.acceptance.steps;

import static io.reelx.acceptance.support.Backstage.etag;
import static io.reelx.acceptance.support.Calls.expectSuccess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.reelx.acceptance.support.Actor;
import io.reelx.acceptance.support.Auction;
import io.reelx.acceptance.support.Backstage;
import io.reelx.acceptance.support.Calls;
import io.reelx.acceptance.support.Outcome;
import io.reelx.acceptance.support.World;
import io.reelx.client.ApiResponse;
import io.reelx.client.model.Listing;
import io.reelx.client.model.ListingPage;
import io.reelx.client.model.ListingStatus;
import io.reelx.client.model.ReasonRequest;
import io.reelx.client.model.SaleMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

public class ListingSteps {

  private final World world;
  private final Backstage backstage;
  private Long versionRead;
  private Outcome approval;
  private Outcome rejection;

  public ListingSteps(World world, Backstage backstage) {
    this.world = world;
    this.backstage = backstage;
  }

  // ------------------------------------------------------------------ offering

  @When("{actor} offers {string} in an English auction:")
  public void offersInAnEnglishAuction(Actor holder, String title, Map<String, String> terms) {
    backstage.offer(holder, title, terms);
  }

  @Given("{actor} has offered {string} in an English auction:")
  public void hasOfferedWithTerms(Actor holder, String title, Map<String, String> terms) {
    backstage.offer(holder, title, terms);
  }

  @Given("{actor} has offered {string} in an English auction")
  public void hasOffered(Actor holder, String title) {
    backstage.offer(holder, title, Map.of());
  }

  @Given("{actor} has submitted an English auction of {string}")
  public void hasSubmittedAnEnglishAuction(Actor holder, String title) {
    backstage.offer(holder, title, Map.of());
    backstage.submit(holder);
  }

  @Then("the listing is a DRAFT offered by {string} for {string}")
  public void theListingIsADraftOfferedBy(String organization, String title) {
    Listing listing = world.listing();
    assertThat(listing.getId()).isNotBlank();
    assertThat(listing.getStatus()).isEqualTo(ListingStatus.DRAFT);
    assertThat(listing.getHolderOrganizationId()).isEqualTo(world.organization(organization).getId());
    assertThat(listing.getTitleId()).isEqualTo(world.title(title).getId());
    assertThat(listing.getTitleName()).isEqualTo(title);
    assertThat(listing.getSaleMode()).isEqualTo(SaleMode.ENGLISH);
  }

  @Then("the listing starts at {long} minor units of {word} with increments of {long}")
  public void theListingStartsAt(long startingPrice, String currency, long increment) {
    Listing listing = world.listing();
    assertThat(listing.getStartingPrice()).isEqualTo(startingPrice);
    assertThat(listing.getCurrency()).isEqualTo(currency);
    assertThat(listing.getIncrement()).isEqualTo(increment);
  }

  @Then("the listing's ETag carries its version")
  public void theListingsEtagCarriesItsVersion() {
    Actor holder = world.memberOf(world.listing().getHolderOrganizationId());
    ApiResponse<Listing> response = expectSuccess("Reading the listing",
        () -> holder.listings().getListingWithHttpInfo(world.listing().getId()));
    String etag = response.getHeaders().entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase("ETag"))
        .flatMap(e -> e.getValue().stream())
        .findFirst()
        .orElse(null);
    assertThat(response.getData().getVersion()).isNotNull();
    assertThat(etag).isEqualTo(etag(response.getData().getVersion()));
  }

  // ------------------------------------------------------------------ review

  @When("{actor} submits the listing for review")
  public void submitsTheListing(Actor holder) {
    backstage.submit(holder);
  }

  @Given("{actor} has submitted the listing for review")
  public void hasSubmittedTheListing(Actor holder) {
    backstage.submit(holder);
  }

  @When("{actor} tries to submit the listing for review")
  public void triesToSubmitTheListing(Actor holder) {
    Listing listing = world.listing();
    world.attempt(() -> holder.listings().submitListing(listing.getId(), etag(listing.getVersion())));
  }

  @When("the operator approves the listing")
  public void theOperatorApproves() {
    backstage.approve(world.operator());
  }

  @Given("the listing has been approved")
  public void theListingHasBeenApproved() {
    backstage.approve(world.operator());
  }

  @When("{actor} tries to approve the listing")
  public void triesToApprove(Actor actor) {
    Listing listing = world.listing();
    world.attempt(() -> actor.listings().approveListing(listing.getId(), etag(listing.getVersion())));
  }

  @When("the operator rejects the listing because {string}")
  public void theOperatorRejects(String reason) {
    Listing current = world.listing();
    world.listing(expectSuccess("Rejecting the listing", () -> world.operator().listings()
        .rejectListing(current.getId(), new ReasonRequest().reason(reason), etag(current.getVersion()))));
  }

  @Then("the listing is {word}")
  public void theListingIs(String status) {
    assertThat(world.listing().getStatus()).isEqualTo(ListingStatus.fromValue(status));
  }

  @Then("the listing is still {word}")
  public void theListingIsStill(String status) {
    Listing listing = expectSuccess("Reading the listing",
        () -> world.operator().listings().getListing(world.listing().getId()));
    assertThat(listing.getStatus()).isEqualTo(ListingStatus.fromValue(status));
  }

  @Then("{actor} sees the listing rejected because {string}")
  public void seesTheListingRejected(Actor holder, String reason) {
    Listing listing = backstage.reread(holder);
    assertThat(listing.getStatus()).isEqualTo(ListingStatus.DRAFT);
    assertThat(listing.getRejectionReason()).isEqualTo(reason);
  }

  @Then("{actor} finds the listing among the ANNOUNCED listings")
  public void findsTheListingAmongTheAnnounced(Actor actor) {
    Listing listing = world.listing();
    // Listing search is served by a read model that follows the events within milliseconds.
    await().atMost(Auction.SLACK).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
      ListingPage page = expectSuccess("Searching listings", () -> actor.listings()
          .listListings(ListingStatus.ANNOUNCED, listing.getTitleId(), null, null, 0, 50));
      assertThat(page.getItems()).extracting(Listing::getId).contains(listing.getId());
      assertThat(page.getItems()).extracting(Listing::getStatus).containsOnly(ListingStatus.ANNOUNCED);
    });
  }

  // ------------------------------------------------------------------ concurrent changes

  @Given("the operator has read the listing")
  public void theOperatorHasReadTheListing() {
    versionRead = expectSuccess("Reading the listing",
        () -> world.operator().listings().getListing(world.listing().getId())).getVersion();
  }

  @When("the operator tries to reject the listing quoting the version it read")
  public void theOperatorTriesToRejectWithAnOldVersion() {
    String id = world.listing().getId();
    world.attempt(() -> world.operator().listings()
        .rejectListing(id, new ReasonRequest().reason("Incomplete synopsis"), etag(versionRead)));
  }

  @When("the operator approves and {actor} rejects the listing at the same moment, both quoting the version they read")
  public void approveAndRejectAtOnce(Actor secondOperator) throws Exception {
    Listing read = world.listing();
    String ifMatch = etag(read.getVersion());
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Outcome> approve = pool.submit(() -> {
        go.await();
        return Calls.attempt(() -> world.operator().listings().approveListingWithHttpInfo(read.getId(), ifMatch));
      });
      Future<Outcome> reject = pool.submit(() -> {
        go.await();
        return Calls.attempt(() -> secondOperator.listings().rejectListingWithHttpInfo(
            read.getId(), new ReasonRequest().reason("Price too low for this catalogue"), ifMatch));
      });
      go.countDown();
      approval = approve.get(30, TimeUnit.SECONDS);
      rejection = reject.get(30, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
  }

  @Then("one of them succeeds and the other is refused as a conflict")
  public void oneSucceedsTheOtherConflicts() {
    assertThat(List.of(approval.status(), rejection.status()))
        .as("approval: %s, rejection: %s", approval, rejection)
        .containsExactlyInAnyOrder(200, 409);
    Outcome loser = approval.succeeded() ? rejection : approval;
    assertThat(loser.isProblem()).as("the loser is told with a problem document: %s", loser).isTrue();
    assertThat(loser.problem().getStatus()).isEqualTo(409);
  }

  @Then("the listing ends up as the one who succeeded left it")
  public void theListingEndsUpAsTheWinnerLeftIt() {
    Listing listing = expectSuccess("Reading the listing",
        () -> world.operator().listings().getListing(world.listing().getId()));
    ListingStatus expected = approval.succeeded() ? ListingStatus.ANNOUNCED : ListingStatus.DRAFT;
    assertThat(listing.getStatus()).isEqualTo(expected);
    Listing winner = (Listing) (approval.succeeded() ? approval.value() : rejection.value());
    assertThat(listing.getVersion()).isEqualTo(winner.getVersion());
  }

  // ------------------------------------------------------------------ what each side sees

  @Then("{actor} sees the starting price {long} but no reserve price")
  public void seesNoReservePrice(Actor platform, long startingPrice) {
    Listing listing = expectSuccess("Reading the listing",
        () -> platform.listings().getListing(world.listing().getId()));
    assertThat(listing.getStartingPrice()).isEqualTo(startingPrice);
    assertThat(listing.getReservePrice()).isNull();
  }

  @Then("{actor} sees the reserve price {long}")
  public void seesTheReservePrice(Actor holder, long reservePrice) {
    Listing listing = expectSuccess("Reading the listing",
        () -> holder.listings().getListing(world.listing().getId()));
    assertThat(listing.getReservePrice()).isEqualTo(reservePrice);
  }
}
