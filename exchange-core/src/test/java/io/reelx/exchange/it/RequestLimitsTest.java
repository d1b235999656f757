package io.reelx.exchange.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Bad input is a 400 problem naming the field, and changes nothing: numbers, lists and parameters. */
class RequestLimitsTest extends IntegrationTest {

  @Autowired JdbcClient jdbc;

  @Test
  void out_of_range_numbers_lists_and_parameters_are_refused_by_field() {
    Market market = market().withTitle();
    Http finance = finance(market);
    String platformOrg = market.admin.post("/api/v1/organizations",
        Map.of("name", "Payer " + market.holderName, "kind", "PLATFORM", "country", "CN")).get("id");
    long before = eventCount();

    assertRefused(finance.post("/api/v1/payments", payment(platformOrg, 1234.9), Map.of("Idempotency-Key", "frac-1")),
        "amount", "must be a whole number");
    assertRefused(finance.post("/api/v1/payments", payment(platformOrg, Long.MAX_VALUE),
        Map.of("Idempotency-Key", "huge-1")), "amount", "in size");
    assertRefused(finance.put("/api/v1/fx-rates", Map.of("from", "EUR", "to", "CNY", "rate", "1e10000000")),
        "rate", "must match");
    assertRefused(market.admin.post("/api/v1/users", Map.of("username", "nobody-" + market.holderName,
        "password", "long-enough-password", "displayName", "N", "organizationId", platformOrg,
        "roles", java.util.Arrays.asList((Object) null))), "roles[0]", "must not be null");
    assertRefused(market.holder.get("/api/v1/listings?page=-1"), "page", "greater than or equal to 0");
    assertRefused(market.holder.get("/api/v1/titles?size=-1"), "size", "greater than or equal to 1");
    assertRefused(market.holder.get("/api/v1/contracts?page=-1"), "page", "greater than or equal to 0");
    assertRefused(market.holder.get("/api/v1/titles/" + market.titleId
        + "/avails?territories=&media=SVOD&languages=zh&start=2027-01-01&end=2027-12-31"), "territories", "size");
    assertRefused(market.holder.get("/api/v1/titles/" + market.titleId
        + "/avails?territories=CN&media=SVOD&languages=xx1&start=2027-01-01&end=2027-12-31"), "languages", "must match");

    assertThat(eventCount()).as("nothing stored").isEqualTo(before);
    assertThat(jdbc.sql("SELECT count(*) FROM bank_receipt WHERE counterparty = ?").param(platformOrg)
        .query(Long.class).single()).isZero();
  }

  private static void assertRefused(Http.Response response, String field, String reason) {
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.json().get("type").asString()).startsWith("https://reelx.io/problems/");
    var errors = response.json().get("errors");
    assertThat(errors.get(0).get("field").asString()).as(response.body()).isEqualTo(field);
    assertThat(errors.get(0).get("reason").asString()).as(response.body()).contains(reason);
  }

  private static Map<String, Object> payment(String counterparty, Object amount) {
    return Map.of("counterpartyId", counterparty, "amount", amount, "currency", "CNY", "bankReference", "BANK-1",
        "receivedOn", "2026-12-01");
  }

  private Http finance(Market market) {
    String org = market.admin.post("/api/v1/organizations",
        Map.of("name", "Exchange finance " + market.holderName, "kind", "EXCHANGE", "country", "CN")).get("id");
    String username = "fin-" + market.holderName;
    Http.Response user = market.admin.post("/api/v1/users", Map.of("username", username, "password",
        market.holderPassword, "displayName", "Finance", "organizationId", org, "roles", List.of("FINANCE")));
    assertThat(user.status()).as(user.body()).isEqualTo(201);
    return Http.basic(port, username, market.holderPassword);
  }

  private long eventCount() {
    return jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
  }
}
