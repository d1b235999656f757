package io.reelx.exchange.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelx.exchange.listing.domain.ListingCreated;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One bad event must not stall the market. Text with NUL is refused at the edge, and an event that
 * a read model cannot apply anyway (here: one stored before that check existed, with a NUL that
 * PostgreSQL refuses in JSON) is parked in the group's dead-letter queue while everything behind it
 * goes on; the writer of a later change gets its answer from the stored events.
 */
class StuckReadModelTest extends IntegrationTest {

  private static final Duration BOUND = Duration.ofSeconds(60);

  @Autowired EventStore events;
  @Autowired TransactionManager transactions;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;

  @Test
  void text_with_control_characters_is_refused_before_anything_is_stored() {
    Market market = market().withTitle();
    long before = eventCount();

    Http.Response refused = market.holder.post("/api/v1/listings", listingBody(market, "Hello\u0000world"));
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("description");
    assertThat(refused.json().get("code").asString()).isEqualTo("invalid-value");

    Http.Response inList = market.holder.post("/api/v1/titles/" + market.titleId + "/holdings", Map.of(
        "territories", List.of("CN"), "media", List.of("SVOD\u0001"), "languages", List.of("zh"),
        "termStart", "2026-01-01", "termEnd", "2030-12-31", "exclusive", false, "sublicensable", false,
        "evidenceSha256", "b".repeat(64)));
    assertThat(inList.status()).as(inList.body()).isEqualTo(400);

    Http.Response query = market.holder.get("/api/v1/listings?territory=C%00N");
    assertThat(query.status()).as(query.body()).isEqualTo(400);
    assertThat(query.json().get("errors").get(0).get("field").asString()).isEqualTo("territory");

    assertThat(eventCount()).as("nothing stored").isEqualTo(before);
    // tabs and line breaks stay allowed in free text
    Http.Response multiline = market.holder.post("/api/v1/listings", listingBody(market, "Line one\n\tLine two"));
    assertThat(multiline.status()).as(multiline.body()).isEqualTo(201);
  }

  @Test
  void an_event_a_read_model_cannot_apply_is_parked_and_the_market_goes_on() {
    Market market = market().withTitle();
    Http operator = market.admin;
    String poisoned = storeListingCreatedWithNul(market);

    // the listing view and contract drafting park it instead of retrying it forever
    JsonNode parked = waitFor(() -> {
      JsonNode report = operator.get("/api/v1/operations/dead-letters").json();
      return parkedIds(report, "listing-view").contains(poisoned) && parkedIds(report, "contract-drafting").contains(poisoned)
          ? report : null;
    });
    JsonNode letter = letters(parked, "listing-view").stream()
        .filter(l -> poisoned.equals(l.get("aggregateId").asString())).findFirst().orElseThrow();
    assertThat(letter.get("eventType").asString()).isEqualTo("ListingCreated");
    assertThat(letter.get("causeMessage").asString()).isNotBlank();

    // everyone else's listings are created and projected as usual
    Http.Response created = market.holder.post("/api/v1/listings", listingBody(market, "A clean listing"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String clean = created.get("id");
    assertThat(waitFor(() -> market.holder.get("/api/v1/listings/" + clean).status() == 200 ? true : null)).isTrue();

    // a change to the parked listing is answered from its stored events
    Http.Response submitted = market.holder.post("/api/v1/listings/" + poisoned + "/submit", null);
    assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
    assertThat(submitted.get("status")).isEqualTo("SUBMITTED");
    assertThat(submitted.get("description")).isEqualTo("Poisoned\u0000description");

    // it is visible to operators' tools: health and a retry that leaves it parked (it fails again)
    JsonNode health = Http.basic(port, "admin", ADMIN_PASSWORD).get("/actuator/health").json();
    assertThat(health.at("/components/deadLetters/details/parked/listing-view").asLong()).isGreaterThanOrEqualTo(2);
    Http.Response retried = operator.post("/api/v1/operations/dead-letters/listing-view/retry", null);
    assertThat(retried.status()).as(retried.body()).isEqualTo(200);
    assertThat(retried.json().get("stillParked").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(parkedIds(operator.get("/api/v1/operations/dead-letters").json(), "listing-view")).contains(poisoned);

    assertThat(market.holder.get("/api/v1/operations/dead-letters").status()).isEqualTo(403);
    assertThat(operator.post("/api/v1/operations/dead-letters/no-such-group/retry", null).status()).isEqualTo(404);
  }

  /** A ListingCreated like the API would store, but with a NUL in its description, appended as it was before the check. */
  private String storeListingCreatedWithNul(Market market) {
    Http.Response template = market.holder.post("/api/v1/listings", listingBody(market, "template"));
    assertThat(template.status()).as(template.body()).isEqualTo(201);
    DomainEventMessage<?> first = events.readEvents(template.get("id"), 0).next();
    Map<String, Object> payload = json.convertValue(first.getPayload(), new TypeReference<Map<String, Object>>() {});
    String id = UUID.randomUUID().toString();
    payload.put("listingId", json.convertValue(((ListingCreated) first.getPayload()).listingId(), Object.class) instanceof Map
        ? Map.of("value", id) : id);
    payload.put("description", "Poisoned\u0000description");
    ListingCreated poisoned = json.convertValue(payload, ListingCreated.class);
    transactions.executeInTransaction(() -> events.publish(
        new GenericDomainEventMessage<>(first.getType(), id, 0, poisoned, first.getMetaData())));
    return id;
  }

  private Map<String, Object> listingBody(Market market, String description) {
    Instant start = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    return Map.of(
        "titleId", market.titleId,
        "window", Map.of("territories", List.of("CN"), "media", List.of("SVOD"), "languages", List.of("zh"),
            "termStart", "2027-01-01", "termEnd", "2028-12-31", "exclusive", false),
        "saleMode", "ENGLISH", "currency", "CNY", "startingPrice", 100_000, "increment", 1_000, "deposit", 0,
        "schedule", Map.of("biddingStartsAt", start.toString(), "biddingEndsAt", start.plus(2, ChronoUnit.DAYS)
            .toString(), "timedPeriodSeconds", 300),
        "signingDays", 3,
        "description", description);
  }

  private long eventCount() {
    return jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
  }

  private static List<JsonNode> letters(JsonNode report, String group) {
    for (JsonNode g : report.get("groups")) {
      if (g.get("group").asString().equals(group)) {
        List<JsonNode> items = new java.util.ArrayList<>();
        g.get("items").forEach(items::add);
        return items;
      }
    }
    return List.of();
  }

  private static List<String> parkedIds(JsonNode report, String group) {
    return letters(report, group).stream().map(l -> l.path("aggregateId").asString()).toList();
  }

  private static <T> T waitFor(Supplier<T> state) {
    long deadline = System.nanoTime() + BOUND.toNanos();
    while (true) {
      T value = state.get();
      if (value != null) {
        return value;
      }
      assertThat(System.nanoTime() - deadline).as("state reached within " + BOUND).isNegative();
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
