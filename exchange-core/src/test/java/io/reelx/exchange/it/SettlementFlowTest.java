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
import io.reelx.exchange.rights.domain.WindowTerms;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A contract from activation to payout over HTTP: the intake opens the agreement and invoices the
 * price and MG; finance records tiered terms with three payees; the platform reports (JSON, then a
 * CSV restatement); bad CSV lines are all answered and nothing is stored; reconciliation flags a
 * declared payable that is off and a short payment; finance resolves (an event) and pays out.
 */
class SettlementFlowTest extends IntegrationTest {

  @Autowired CommandGateway commands;
  @Autowired ContractRegister contracts;
  @Autowired JdbcClient jdbc;

  @Test
  void a_month_of_revenue_from_report_to_payout() throws Exception {
    Market market = market().withTitle();
    String holderOrg = market.holder.get("/api/v1/me").get("organizationId");
    Http platform = market.platform("Stream");
    String platformOrg = platform.get("/api/v1/me").get("organizationId");
    Http finance = financeUser(market);
    Http approver = financeUser(market);
    Http outsider = market.platform("Outsider");

    ContractId contract = activeContract(market, holderOrg, platformOrg);
    String base = "/api/v1/contracts/" + contract.value();

    // the intake opens the agreement: the price invoiced to the platform (this listing offered no MG)
    Http.Response agreement = awaitAgreement(finance, base);
    assertThat(agreement.json().get("invoices")).hasSize(1);
    assertThat(outsider.get(base + "/settlement-agreement").status()).isEqualTo(404);
    assertThat(platform.get(base + "/settlement-agreement").status()).isEqualTo(200);

    // finance records the detailed terms the parties agreed: MG (invoiced now), marginal tiers, three payees, fee
    // and withholding
    Map<String, Object> terms = Map.of(
        "minimumGuarantee", 100_000,
        "revenueShare", Map.of("basis", "GROSS", "schedule", Map.of("metric", "REVENUE", "mode", "MARGINAL",
            "accumulation", "PER_PERIOD", "tiers", List.of(
                Map.of("from", "0", "basisPoints", 3000),
                Map.of("from", "500000", "basisPoints", 5000)))),
        "payees", List.of(
            Map.of("organizationId", holderOrg, "shareBasisPoints", 6000, "country", "CN"),
            Map.of("organizationId", "coproducer-" + contract.value(), "shareBasisPoints", 3000, "country", "CN"),
            Map.of("organizationId", "author-" + contract.value(), "shareBasisPoints", 1000, "country", "US")),
        "exchangeFeeBasisPoints", 150,
        "withholdingTax", Map.of("basisPoints", 1000, "payerCountry", "CN"),
        "declaredPayableTolerance", 0);
    Http.Response badTerms = finance.put(base + "/settlement-agreement/terms",
        Map.of("payees", List.of(Map.of("organizationId", holderOrg, "shareBasisPoints", 9000, "country", "CN"))));
    assertThat(badTerms.status()).as(badTerms.body()).isEqualTo(400);
    assertThat(badTerms.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
        .as("named from the body's root").contains("", "payees");
    Http.Response putTerms = finance.put(base + "/settlement-agreement/terms", terms);
    assertThat(putTerms.status()).as(putTerms.body()).isEqualTo(200);
    assertThat(jdbc.sql("SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%TermsReplaced'"
            + " AND convert_from(payload, 'UTF8') LIKE ?").param("%" + contract.value() + "%").query(Long.class).single())
        .as("a terms replacement is one event in the log").isEqualTo(1);
    // the MG is now invoiced and credited to the payees: they can no longer be changed
    Map<String, Object> redirected = new java.util.LinkedHashMap<>(terms);
    redirected.put("payees", List.of(Map.of("organizationId", holderOrg, "shareBasisPoints", 10_000, "country", "CN")));
    Http.Response redirect = finance.put(base + "/settlement-agreement/terms", redirected);
    assertThat(redirect.status()).as(redirect.body()).isEqualTo(409);

    // March: gross 1,000,000 -> share 150,000 + 250,000 = 400,000; 100,000 recoups the MG; payable 300,000
    Map<String, Object> march = Map.of("period", "2027-03", "currency", "CNY", "declaredPayable", 300_000, "lines", List.of(
        Map.of("episode", "S01E01", "territory", "CN", "channel", "SVOD", "views", "1000", "watchHours", "250.5", "gross", "600000"),
        Map.of("episode", "S01E02", "territory", "CN", "channel", "AVOD", "views", 800, "watchHours", 120.25, "gross", 400000)));
    Http.Response first = platform.post(base + "/revenue-reports", march, Map.of("Idempotency-Key", "march-1"));
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    JsonNode statement = first.json().get("statement");
    assertThat(statement.get("share").asLong()).isEqualTo(400_000);
    assertThat(statement.get("recouped").asLong()).isEqualTo(100_000);
    assertThat(statement.get("payable").asLong()).isEqualTo(300_000);
    assertThat(statement.get("exchangeFee").asLong()).isEqualTo(4_500);
    assertThat(statement.get("payees").get(2).get("withholdingTax").asLong()).isEqualTo(2_955);
    Http.Response retry = platform.post(base + "/revenue-reports", march, Map.of("Idempotency-Key", "march-1"));
    assertThat(retry.status()).as("the first answer again").isEqualTo(201);
    assertThat(retry.body()).isEqualTo(first.body());
    assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(platform.post(base + "/revenue-reports", march).status()).as("same content, no key").isEqualTo(200);
    assertThat(market.holder.post(base + "/revenue-reports", march).status()).as("the licensor does not report").isEqualTo(403);

    // a line outside the licence (TH is not licensed, nor is FAST): refused by line and field, nothing stored
    Http.Response outside = platform.post(base + "/revenue-reports", Map.of("period", "2027-05", "currency", "CNY",
        "declaredPayable", 0, "lines", List.of(
            Map.of("episode", "S01E01", "territory", "CN", "channel", "SVOD", "views", "1", "watchHours", "1", "gross", "5"),
            Map.of("episode", "S01E02", "territory", "TH", "channel", "FAST", "views", "1", "watchHours", "1", "gross", "5"))));
    assertThat(outside.status()).as(outside.body()).isEqualTo(400);
    assertThat(outside.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
        .containsExactly("lines[1].territory", "lines[1].channel");
    assertThat(platform.get(base + "/revenue-reports").json()).hasSize(1);

    // a CSV with several bad lines: every error at once, nothing stored
    String bad = "episode,territory,channel,views,watch_hours,gross_minor,currency\n"
        + "S01E01,CN,SVOD,10,1.5,100,CNY\n"
        + "S01E02,china,SVOD,-3,1.5,100,CNY\n"
        + ",CN,SVOD,10,1.12345,abc,CNY\n"
        + "S01E04,CN,SVOD,10,1,100,USD\n";
    Http.Response rejected = platform.postText(base + "/revenue-reports/csv?period=2027-03&currency=CNY&declaredPayable=0",
        "text/csv", bad, Map.of());
    assertThat(rejected.status()).as(rejected.body()).isEqualTo(400);
    List<String> fields = rejected.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    assertThat(fields).contains("line 3: territory", "line 3: views", "line 4: episode", "line 4: watch_hours",
        "line 4: gross_minor", "line 5: currency");
    assertThat(platform.get(base + "/revenue-reports").json()).hasSize(1);

    // a restatement as CSV: gross 1,200,000 -> share 500,000, payable 400,000 (declared 10 short)
    String restated = "episode,territory,channel,views,watch_hours,gross_minor,currency\n"
        + "S01E01,CN,SVOD,1000,250.5,700000,CNY\n"
        + "\"S01E02, the \"\"return\"\"\",CN,AVOD,800,120.25,500000,CNY\n";
    Http.Response second = platform.postText(base + "/revenue-reports/csv?period=2027-03&currency=CNY&declaredPayable=399990",
        "text/csv", restated, Map.of());
    assertThat(second.status()).as(second.body()).isEqualTo(201);
    assertThat(second.json().get("report").get("version").asInt()).isEqualTo(2);
    assertThat(second.json().get("statement").get("payable").asLong()).isEqualTo(400_000);

    // JSON lines are checked the same way: every error, named by line index and property
    Http.Response badJson = platform.post(base + "/revenue-reports", Map.of("period", "2027-13", "currency", "CNY",
        "declaredPayable", 0, "lines", List.of(
            Map.of("episode", "E1", "territory", "CN", "channel", "SVOD", "views", "x", "watchHours", "1", "gross", "5"),
            Map.of("episode", "E2", "territory", "cn", "channel", "SVOD", "views", "1", "watchHours", "1", "gross", "-5"))));
    assertThat(badJson.status()).as(badJson.body()).isEqualTo(400);
    assertThat(badJson.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList()).containsExactly("period");
    Http.Response badLines = platform.post(base + "/revenue-reports", Map.of("period", "2027-05", "currency", "CNY",
        "declaredPayable", 0, "lines", List.of(
            Map.of("episode", "E1", "territory", "CN", "channel", "SVOD", "views", "x", "watchHours", "1", "gross", "5"),
            Map.of("episode", "E2", "territory", "cn", "channel", "SVOD", "views", "1", "watchHours", "1", "gross", "-5"))));
    assertThat(badLines.status()).as(badLines.body()).isEqualTo(400);
    assertThat(badLines.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
        .contains("lines[0].views", "lines[1].territory", "lines[1].gross");

    // April in USD: refused until finance sets the rate, then converted exactly (100.00 USD x 7.1234 = 712.34 CNY)
    Map<String, Object> april = Map.of("period", "2027-04", "currency", "USD", "declaredPayable", 0, "lines", List.of(
        Map.of("episode", "S01E03", "territory", "HK", "channel", "SVOD", "views", "10", "watchHours", "1", "gross", "10000")));
    Http.Response noRate = platform.post(base + "/revenue-reports", april);
    assertThat(noRate.status()).as(noRate.body()).isEqualTo(422);
    assertThat(noRate.json().get("code").asString()).isEqualTo("fx-rate-missing");
    assertThat(platform.put("/api/v1/fx-rates", Map.of("from", "USD", "to", "CNY", "rate", "7.1234")).status()).isEqualTo(403);
    Http.Response rate = finance.put("/api/v1/fx-rates", Map.of("from", "USD", "to", "CNY", "rate", "7.1234"));
    assertThat(rate.status()).as(rate.body()).isEqualTo(200);
    Http.Response converted = platform.post(base + "/revenue-reports", april);
    assertThat(converted.status()).as(converted.body()).isEqualTo(201);
    assertThat(converted.json().get("statement").get("gross").asLong()).isEqualTo(71_234);
    assertThat(converted.json().get("statement").get("currency").asString()).isEqualTo("CNY");

    List<JsonNode> statements = market.holder.get(base + "/statements").json().valueStream().toList();
    assertThat(statements).extracting(s -> s.get("id").asString()).containsExactly("2027-03-v1", "2027-03-v2", "2027-04-v1");
    Http.Response detail = market.holder.get(base + "/statements/2027-03-v2");
    assertThat(detail.status()).isEqualTo(200);
    assertThat(detail.json().get("breakdown").get("tiers")).hasSize(2);
    Http.Response csv = market.holder.get(base + "/statements/2027-03-v2/csv");
    assertThat(csv.body()).startsWith("section,item,basis_points,amount_minor,currency").contains("statement,payable,,400000,CNY");
    assertThat(outsider.get(base + "/statements").status()).isEqualTo(404);

    // the platform pays the first statement's invoice only: 300,000 of 400,000 invoiced for March
    String invoice = "INV-" + contract.value() + "/2027-03/v1";
    Map<String, Object> receipt = Map.of("counterpartyId", platformOrg, "amount", 300_000, "currency", "CNY",
        "bankReference", "BANK-REF-1", "invoiceNumber", invoice, "receivedOn", "2027-04-10");
    String key = "receipt-" + UUID.randomUUID();
    assertThat(finance.post("/api/v1/payments", receipt, Map.of("Idempotency-Key", key)).status()).isEqualTo(201);
    assertThat(finance.post("/api/v1/payments", receipt, Map.of("Idempotency-Key", key)).header("Idempotent-Replayed"))
        .as("the first answer again").isEqualTo("true");
    assertThat(platform.post("/api/v1/payments", receipt, Map.of("Idempotency-Key", "x")).status()).isEqualTo(403);

    JsonNode run = finance.get("/api/v1/reconciliation?period=2027-03").json();
    List<JsonNode> mine = run.get("discrepancies").valueStream()
        .filter(d -> contract.value().equals(d.path("contractId").asString(null)) || platformOrg.equals(d.path("counterpartyId").asString(null)))
        .toList();
    assertThat(mine).extracting(d -> d.get("kind").asString()).containsExactlyInAnyOrder("PAYABLE_MISMATCH", "PAYMENT_MISMATCH");
    JsonNode payable = mine.stream().filter(d -> d.get("kind").asString().equals("PAYABLE_MISMATCH")).findFirst().orElseThrow();
    assertThat(payable.get("difference").asLong()).isEqualTo(-10);
    String statementId = payable.get("subject").asString();
    assertThat(statementId).as("the statement as the API names it").matches("2027-03-v\\d+");
    assertThat(payable.get("id").asString()).isEqualTo("payable:" + contract.value() + ":" + statementId);
    JsonNode payment = mine.stream().filter(d -> d.get("kind").asString().equals("PAYMENT_MISMATCH")).findFirst().orElseThrow();
    assertThat(payment.get("difference").asLong()).isEqualTo(-100_000);

    Http.Response resolved = finance.post("/api/v1/discrepancies/" + payable.get("id").asString() + "/resolve",
        Map.of("outcome", "ACCEPT_COMPUTED", "reason", "Rounding on the platform side; computed figure stands"));
    assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
    assertThat(resolved.json().get("status").asString()).isEqualTo("RESOLVED");
    assertThat(finance.post("/api/v1/discrepancies/" + payable.get("id").asString() + "/resolve",
        Map.of("outcome", "WRITE_OFF", "reason", "again")).status()).isEqualTo(409);
    assertThat(jdbc.sql("SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%ReconciliationEvent$DiscrepancyResolved'"
            + " AND convert_from(payload, 'UTF8') LIKE ?")
        .param("%" + contract.value() + "%").query(Long.class).single()).isEqualTo(1);

    // payouts: the holder is owed the price, 60% of the MG and its statement nets
    JsonNode holderAccounts = market.holder.get("/api/v1/ledger/accounts").json();
    long owed = holderAccounts.get(0).get("balance").asLong();
    assertThat(owed).isGreaterThan(1_000_000);
    String payoutKey = "payout-" + UUID.randomUUID();
    Http.Response payout = finance.post("/api/v1/payouts", Map.of("organizationId", holderOrg, "amount", owed, "currency", "CNY"),
        Map.of("Idempotency-Key", payoutKey));
    assertThat(payout.status()).as(payout.body()).isEqualTo(201);
    Http.Response ownApproval = finance.post("/api/v1/payouts/" + payoutKey + "/approve", null);
    assertThat(ownApproval.status()).as("four eyes").isEqualTo(422);
    assertThat(ownApproval.json().get("code").asString()).isEqualTo("four-eyes");
    Http.Response approved = approver.post("/api/v1/payouts/" + payoutKey + "/approve", null);
    assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    assertThat(approved.json().get("status").asString()).isEqualTo("APPROVED");
    String tooMuch = "payout-" + UUID.randomUUID();
    finance.post("/api/v1/payouts", Map.of("organizationId", holderOrg, "amount", 1, "currency", "CNY"), Map.of("Idempotency-Key", tooMuch));
    Http.Response uncovered = approver.post("/api/v1/payouts/" + tooMuch + "/approve", null);
    assertThat(uncovered.status()).isEqualTo(422);
    assertThat(uncovered.json().get("code").asString()).isEqualTo("insufficient-balance");
    assertThat(market.holder.get("/api/v1/ledger/accounts").json().get(0).get("balance").asLong()).isZero();
    assertThat(market.holder.get("/api/v1/ledger/accounts?organizationId=" + platformOrg).status()).isEqualTo(404);

    JsonNode trial = finance.get("/api/v1/ledger/trial-balance").json();
    assertThat(trial.get("balanced").asBoolean()).isTrue();

    // the operator terminates the licence: the intake records its last day, later months are refused
    Http.Response terminated = market.admin.post(base + "/terminate", Map.of("reason", "Platform closed", "effectiveFrom", "2027-06-01"));
    assertThat(terminated.status()).as(terminated.body()).isEqualTo(200);
    long until = System.nanoTime() + 20_000_000_000L;
    while (finance.get(base + "/settlement-agreement").json().path("endsOn").isMissingNode() && System.nanoTime() < until) {
      Thread.sleep(100);
    }
    assertThat(finance.get(base + "/settlement-agreement").json().get("endsOn").asString()).isEqualTo("2027-05-31");
    Map<String, Object> june = Map.of("period", "2027-06", "currency", "CNY", "declaredPayable", 0, "lines", List.of(
        Map.of("episode", "S01E09", "territory", "CN", "channel", "SVOD", "views", "1", "watchHours", "1", "gross", "100")));
    Http.Response late = platform.post(base + "/revenue-reports", june);
    assertThat(late.status()).as(late.body()).isEqualTo(422);
    assertThat(late.json().get("code").asString()).isEqualTo("period-after-licence-end");
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

  private ContractId activeContract(Market market, String holderOrg, String platformOrg) {
    ListingId listing = new ListingId(UUID.randomUUID().toString());
    ContractId id = ContractId.forListing(listing);
    commands.sendAndWait(new DraftContract(id, listing.value(), market.titleId, "Title", new PartyTerms(holderOrg, "Holder"),
        new PartyTerms(platformOrg, "Stream"), new WindowTerms(List.of("CN", "HK"), List.of("AVOD", "SVOD"), List.of("zh"),
            LocalDate.parse("2027-01-01"), LocalDate.parse("2028-12-31")), false, false, 1_000_000, "CNY", 0, 3,
        ListingSettlementTerms.simple(null, null, "GROSS", 4000, null), Instant.now()));
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
