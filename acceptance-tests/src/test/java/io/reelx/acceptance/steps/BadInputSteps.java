package io.reelx.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cucumber.java.en.When;
import io.reelx.acceptance.support.Actor;
import io.reelx.acceptance.support.Requests;
import io.reelx.acceptance.support.World;
import io.reelx.client.model.CreateListingRequest;
import io.reelx.client.model.HoldingRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Requests a careful client would never send, some of them written by hand. */
public class BadInputSteps {

  private static final String TITLES = "/api/v1/titles";

  private final World world;

  public BadInputSteps(World world) {
    this.world = world;
  }

  @When("{actor} sends a title registration that is cut off in the middle")
  public void sendsATruncatedTitleRegistration(Actor actor) throws JsonProcessingException {
    String json = actor.json().writeValueAsString(Requests.title("Broken Moon"));
    String truncated = json.substring(0, json.length() / 2);
    assertThat(truncated).doesNotEndWith("}");
    world.lastOutcome(actor.sendJson("POST", TITLES, truncated));
  }

  @When("{actor} sends a title registration without its {string}")
  public void sendsATitleRegistrationWithout(Actor actor, String field) throws JsonProcessingException {
    ObjectNode json = actor.json().valueToTree(Requests.title("Nameless Moon"));
    assertThat(json.remove(field)).as("the request has a field %s", field).isNotNull();
    world.lastOutcome(actor.sendJson("POST", TITLES, actor.json().writeValueAsString(json)));
  }

  @When("{actor} tries to record a holding of {string} in the territories {list}")
  public void triesToRecordAHoldingIn(Actor actor, String title, List<String> territories) {
    HoldingRequest request = Requests.holding(false, List.of("SVOD"), territories, List.of("zh"),
        LocalDate.parse("2027-01-01"), LocalDate.parse("2031-12-31"));
    String id = world.title(title).getId();
    world.attempt(() -> actor.titles().recordHolding(id, request));
  }

  @When("{actor} tries to record a holding of {string} from {date} to {date}")
  public void triesToRecordAHoldingFromTo(Actor actor, String title, LocalDate start, LocalDate end) {
    HoldingRequest request = Requests.holding(false, List.of("SVOD"), List.of("CN"), List.of("zh"), start, end);
    String id = world.title(title).getId();
    world.attempt(() -> actor.titles().recordHolding(id, request));
  }

  @When("{actor} tries to offer {string} in an English auction starting at {amount} {word}")
  public void triesToOfferStartingAt(Actor actor, String title, Long startingPrice, String currency) {
    CreateListingRequest request = Requests.englishAuction(world.title(title).getId(), Map.of())
        .startingPrice(startingPrice)
        .currency(currency);
    world.attempt(() -> actor.listings().createListing(request));
  }

  @When("{actor} tries to offer {string} in an English auction without an increment")
  public void triesToOfferWithoutIncrement(Actor actor, String title) {
    CreateListingRequest request = Requests.englishAuction(world.title(title).getId(), Map.of()).increment(null);
    world.attempt(() -> actor.listings().createListing(request));
  }

  @When("{actor} tries to offer {string} with settlement terms whose tiers go backwards and whose payees do not add up or exist")
  public void triesToOfferWithBadSettlementTerms(Actor actor, String title) {
    io.reelx.client.model.SettlementTerms terms = new io.reelx.client.model.SettlementTerms()
        .minimumGuarantee(100_000_00L)
        .revenueShare(new io.reelx.client.model.RevenueShare().basis(io.reelx.client.model.RevenueShareBasis.NET)
            .schedule(new io.reelx.client.model.RateSchedule()
                .metric(io.reelx.client.model.RateSchedule.MetricEnum.REVENUE)
                .mode(io.reelx.client.model.RateSchedule.ModeEnum.MARGINAL)
                .tiers(java.util.List.of(
                    new io.reelx.client.model.RateTier().from("0").basisPoints(3_000L),
                    new io.reelx.client.model.RateTier().from("5000000").basisPoints(4_000L),
                    new io.reelx.client.model.RateTier().from("1000000").basisPoints(5_000L)))))
        .payees(java.util.List.of(
            new io.reelx.client.model.SettlementPayee().organizationId("org-one").shareBasisPoints(6_000L).country("CN"),
            new io.reelx.client.model.SettlementPayee().organizationId("org-two").shareBasisPoints(3_000L).country("HK")));
    CreateListingRequest request = Requests.englishAuction(world.title(title).getId(), Map.of()).settlementTerms(terms);
    world.attempt(() -> actor.listings().createListing(request));
  }
}
