package io.reelx.exchange.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelx.exchange.contract.command.DraftContract;
import io.reelx.exchange.contract.command.SignContract;
import io.reelx.exchange.contract.domain.ContractId;
import io.reelx.exchange.contract.domain.ContractStatus;
import io.reelx.exchange.contract.domain.PartyTerms;
import io.reelx.exchange.contract.query.ContractRegister;
import io.reelx.exchange.listing.domain.ListingId;
import io.reelx.exchange.listing.domain.ListingSettlementTerms;
import io.reelx.exchange.listing.query.ListingViews;
import io.reelx.exchange.rights.domain.WindowTerms;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Settlement terms have one shape: what a listing takes is what the contract's agreement answers
 * and what finance writes with PUT .../terms. A replacement is one event in the log. A licence
 * whose terms accept out-of-window report lines takes a CN/AVOD line on an HK/SVOD licence and
 * records a discrepancy that reconciliation leaves open.
 */
class AgreementTermsAsWrittenTest extends IntegrationTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired CommandGateway commands;
  @Autowired ContractRegister contracts;
  @Autowired ListingViews listings;
  @Autowired JdbcClient jdbc;

  @Test
  void terms_posted_on_a_listing_come_back_from_the_agreement_as_written() throws Exception {
    Market market = market().withTitle();
    String holderOrg = market.holder.get("/api/v1/me").get("organizationId");
    Http platform = market.platform("Stream");
    String platformOrg = platform.get("/api/v1/me").get("organizationId");
    String authorOrg = market.platform("Author").get("/api/v1/me").get("organizationId");
    Http finance = financeUser(market);

    // every component written out, defaults too: the agreement shows them all
    Map<String, Object> written = new LinkedHashMap<>();
    written.put("licenceFee", 50_000);
    written.put("licenceFeeRecurrence", "ONCE");
    written.put("minimumGuarantee", 100_000);
    written.put("revenueShare", Map.of("basis", "NET",
        "deductions", List.of(Map.of("name", "app-store", "basisPoints", 3000), Map.of("name", "VAT", "basisPoints", 600)),
        "schedule", Map.of("metric", "VIEWS", "mode", "MARGINAL", "accumulation", "CUMULATIVE", "tiers", List.of(
            Map.of("from", "0", "minorPerUnit", "0.35"), Map.of("from", "1000000", "minorPerUnit", "0.5")))));
    written.put("payees", List.of(Map.of("organizationId", holderOrg, "shareBasisPoints", 7000, "country", "CN"),
        Map.of("organizationId", authorOrg, "shareBasisPoints", 3000, "country", "US")));
    written.put("exchangeFeeBasisPoints", 150);
    written.put("withholdingTax", Map.of("basisPoints", 1000, "payerCountry", "CN"));
    written.put("declaredPayableTolerance", 0);
    written.put("outOfWindowLines", "REFUSE");
    JsonNode expected = JSON.valueToTree(written);

    Instant start = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    Http.Response listing = market.holder.post("/api/v1/listings", Map.of(
        "titleId", market.titleId,
        "window", Map.of("territories", List.of("CN"), "media", List.of("SVOD"), "languages", List.of("zh"),
            "termStart", "2027-01-01", "termEnd", "2028-12-31", "exclusive", true),
        "saleMode", "ENGLISH", "currency", "CNY", "startingPrice", 100_000_00, "increment", 1_000_00, "deposit", 0,
        "schedule", Map.of("biddingStartsAt", start.toString(), "biddingEndsAt", start.plus(2, ChronoUnit.DAYS).toString(),
            "timedPeriodSeconds", 300),
        "signingDays", 3, "settlementTerms", written));
    assertThat(listing.status()).as(listing.body()).isEqualTo(201);
    String listingId = listing.get("id");
    assertThat(market.holder.get("/api/v1/listings/" + listingId).json().get("settlementTerms")).isEqualTo(expected);

    // the contract carries the listing's terms (as the drafting saga takes them from its events)
    ListingSettlementTerms offered = listings.fromEvents(listingId).orElseThrow().settlementTerms();
    ContractId contract = activeContract(market, holderOrg, platformOrg, offered);
    String base = "/api/v1/contracts/" + contract.value();
    assertThat(awaitAgreement(finance, base).json().get("terms")).as("the agreement's terms as the listing took them")
        .isEqualTo(expected);

    // finance writes terms in the same shape; they come back as written; one event records the replacement
    written.put("outOfWindowLines", "DISCREPANCY");
    Http.Response replaced = finance.put(base + "/settlement-agreement/terms", written);
    assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
    assertThat(replaced.json().get("terms")).isEqualTo(JSON.valueToTree(written));
    assertThat(finance.get(base + "/settlement-agreement").json().get("terms")).isEqualTo(JSON.valueToTree(written));
    assertThat(jdbc.sql("SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%TermsReplaced'"
            + " AND convert_from(payload, 'UTF8') LIKE ?").param("%" + contract.value() + "%").query(Long.class).single())
        .as("a terms replacement is one event in the log").isEqualTo(1);

    // those terms accept a line outside the HK/SVOD licence and record a discrepancy, which reconciliation keeps open
    Http.Response report = platform.post(base + "/revenue-reports", Map.of("period", "2027-03", "currency", "CNY",
        "declaredPayable", 0, "lines", List.of(
            Map.of("episode", "S01E01", "territory", "HK", "channel", "SVOD", "views", "10", "watchHours", "1", "gross", "600"),
            Map.of("episode", "S01E02", "territory", "CN", "channel", "AVOD", "views", "10", "watchHours", "1", "gross", "400"))));
    assertThat(report.status()).as(report.body()).isEqualTo(201);
    assertThat(finance.get("/api/v1/reconciliation?period=2027-03").status()).isEqualTo(200);
    List<JsonNode> found = finance.get("/api/v1/discrepancies?period=2027-03&open=true").json().valueStream()
        .filter(d -> contract.value().equals(d.path("contractId").asString(null))
            && "OUT_OF_WINDOW_LINES".equals(d.get("kind").asString()))
        .toList();
    assertThat(found).hasSize(1);
    assertThat(found.get(0).get("actual").asLong()).isEqualTo(400);
    assertThat(found.get(0).get("expected").asLong()).isZero();
    assertThat(found.get(0).get("details").get(0).asString()).startsWith("line 2 (S01E02, CN, AVOD");
  }

  private Http financeUser(Market market) {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    Http.Response org = market.admin.post("/api/v1/organizations", Map.of("name", "ReelX Finance " + suffix, "kind", "EXCHANGE",
        "country", "CN"));
    assertThat(org.status()).as(org.body()).isEqualTo(201);
    Http.Response user = market.admin.post("/api/v1/users", Map.of("username", "finance-" + suffix, "password", "finance-password-1",
        "displayName", "Finance", "organizationId", org.get("id"), "roles", List.of("FINANCE")));
    assertThat(user.status()).as(user.body()).isEqualTo(201);
    return Http.basic(port, "finance-" + suffix, "finance-password-1");
  }

  private ContractId activeContract(Market market, String holderOrg, String platformOrg, ListingSettlementTerms terms) {
    ListingId listing = new ListingId(UUID.randomUUID().toString());
    ContractId id = ContractId.forListing(listing);
    commands.sendAndWait(new DraftContract(id, listing.value(), market.titleId, "Title", new PartyTerms(holderOrg, "Holder"),
        new PartyTerms(platformOrg, "Stream"), new WindowTerms(List.of("HK"), List.of("SVOD"), List.of("zh"),
            LocalDate.parse("2027-01-01"), LocalDate.parse("2028-12-31")), false, false, 1_000_000, "CNY", 0, 3,
        terms, Instant.now()));
    for (String org : List.of(holderOrg, platformOrg)) {
      commands.sendAndWait(new SignContract(id, org, "u-" + org, contracts.find(id.value()).orElseThrow().documentSha256()));
    }
    assertThat(contracts.find(id.value()).orElseThrow().status()).isEqualTo(ContractStatus.ACTIVE);
    return id;
  }

  private static Http.Response awaitAgreement(Http finance, String base) throws InterruptedException {
    long until = System.nanoTime() + 20_000_000_000L;
    while (true) {
      Http.Response r = finance.get(base + "/settlement-agreement");
      if (r.status() == 200 || System.nanoTime() > until) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r;
      }
      Thread.sleep(100);
    }
  }
}
