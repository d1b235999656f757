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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Idempotency keys as a client expects them (Stripe's semantics), on the keyed operations of every
 * context: the same request again gets the first response, marked {@code Idempotent-Replayed}, also
 * when the copies arrive at the same moment; another request under a used key is refused with 422
 * {@code idempotency-key-reused}; a malformed key is a 400 naming the header. Nothing is changed
 * twice, and nothing is changed by a refused request.
 */
class IdempotencyTest extends IntegrationTest {

  private static final int COPIES = 8;
  private static final String KEY = "Idempotency-Key";

  @Autowired CommandGateway commands;
  @Autowired ContractRegister contracts;
  @Autowired JdbcClient jdbc;

  @Test
  void bids_are_placed_once_per_key_and_every_copy_gets_the_first_answer() throws Exception {
    Market market = market().withTitle();
    Http platform = market.platform("Keyed");
    // opens a few seconds from now; announced again with a longer lead if the machine is too busy for that
    Market.Opening opening = market.auctionOpeningSoon(Duration.ofSeconds(3600), 300,
        id -> market.qualify(platform, id));
    String listing = opening.listing();
    ConcurrentBiddingTest.waitUntil(opening.start());
    String bids = "/api/v1/listings/" + listing + "/bids";

    Http.Response first = platform.post(bids, bid(101_000), Map.of(KEY, "bid-1"));
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(first.header("Idempotent-Replayed")).isNull();
    Http.Response retry = platform.post(bids, bid(101_000), Map.of(KEY, "bid-1"));
    assertReplayOf(first, retry);
    assertThat(retry.header("Location")).isEqualTo(first.header("Location"));

    Http.Response other = platform.post(bids, bid(150_000), Map.of(KEY, "bid-1"));
    assertReused(other);
    assertThat(bidCount(market, listing)).as("the other bid under the key was not placed").isEqualTo(1);

    List<Http.Response> copies = atOnce(() -> platform.post(bids, bid(160_000), Map.of(KEY, "bid-2")));
    assertAllTheFirstAnswer(copies, 201);
    assertThat(bidCount(market, listing)).as("eight copies, one bid").isEqualTo(2);

    assertMalformedKeysAreRefused(key -> platform.post(bids, bid(170_000), Map.of(KEY, key)));
    assertThat(bidCount(market, listing)).as("no bid under a malformed key").isEqualTo(2);
    Http.Response longest = platform.post(bids, bid(170_000), Map.of(KEY, "k".repeat(100)));
    assertThat(longest.status()).as("100 characters are a key").isEqualTo(201);

    Http.Response unkeyed = platform.post(bids, bid(180_000));
    assertThat(unkeyed.status()).as("bids without a key are untouched").isEqualTo(201);
    assertThat(unkeyed.header("Idempotent-Replayed")).isNull();
  }

  @Test
  void a_deposit_is_recorded_once_per_key_and_every_copy_gets_the_first_answer() throws Exception {
    Market market = market().withTitle();
    Http platform = market.platform("Depositor");
    Http finance = financeUser(market);
    String listing = announcedWithDeposit(market);
    String base = "/api/v1/listings/" + listing + "/registrations";

    List<Http.Response> registrations = atOnce(() -> platform.post(base, null, Map.of(KEY, "register-1")));
    assertAllTheFirstAnswer(registrations, 201);
    String registration = registrations.get(0).get("id");

    String deposit = base + "/" + registration + "/deposit-received";
    Map<String, Object> receipt = Map.of("amount", 50_000, "currency", "CNY", "bankReference", "BANK-" + registration);
    List<Http.Response> copies = atOnce(() -> finance.post(deposit, receipt, Map.of(KEY, "deposit-1")));
    assertAllTheFirstAnswer(copies, 200);
    assertThat(copies.get(0).json().get("depositStatus").asString()).isEqualTo("HELD");
    assertReplayOf(copies.get(0), finance.post(deposit, receipt, Map.of(KEY, "deposit-1")));

    Map<String, Object> another = Map.of("amount", 50_000, "currency", "CNY", "bankReference", "OTHER-" + registration);
    assertReused(finance.post(deposit, another, Map.of(KEY, "deposit-1")));
    assertThat(jdbc.sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype LIKE '%DepositReceived'")
        .param(listing).query(Long.class).single()).as("one deposit recorded").isEqualTo(1);
    assertMalformedKeysAreRefused(key -> finance.post(deposit, receipt, Map.of(KEY, key)));
  }

  @Test
  void revenue_reports_payments_and_payouts_are_stored_once_per_key_and_every_copy_gets_the_first_answer() throws Exception {
    Market market = market().withTitle();
    String holderOrg = market.holder.get("/api/v1/me").get("organizationId");
    Http platform = market.platform("Reporter");
    String platformOrg = platform.get("/api/v1/me").get("organizationId");
    Http finance = financeUser(market);
    ContractId contract = activeContract(market, holderOrg, platformOrg);
    String reports = "/api/v1/contracts/" + contract.value() + "/revenue-reports";
    awaitAgreement(finance, "/api/v1/contracts/" + contract.value() + "/settlement-agreement");

    List<Http.Response> copies = atOnce(() -> platform.post(reports, report(600_000), Map.of(KEY, "march")));
    assertAllTheFirstAnswer(copies, 201);
    assertReplayOf(copies.get(0), platform.post(reports, report(600_000), Map.of(KEY, "march")));
    Http.Response corrected = platform.post(reports, report(650_000), Map.of(KEY, "march"));
    assertReused(corrected);
    assertThat(storedReports(contract)).as("one report; the corrected one under the used key was refused").isEqualTo(1);

    String csv = "episode,territory,channel,views,watch_hours,gross_minor,currency\nS01E01,CN,SVOD,10,1,700000,CNY\n";
    String csvPath = reports + "/csv?period=2027-03&currency=CNY&declaredPayable=0";
    Http.Response restated = platform.postText(csvPath, "text/csv", csv, Map.of(KEY, "march-csv"));
    assertThat(restated.status()).as(restated.body()).isEqualTo(201);
    assertReplayOf(restated, platform.postText(csvPath, "text/csv", csv, Map.of(KEY, "march-csv")));
    assertReused(platform.postText(csvPath, "text/csv", csv.replace("700000", "710000"), Map.of(KEY, "march-csv")));
    assertThat(storedReports(contract)).isEqualTo(2);

    String key = "receipt-" + UUID.randomUUID();
    Map<String, Object> payment = Map.of("counterpartyId", platformOrg, "amount", 12_345, "currency", "CNY",
        "bankReference", "BANK-" + key, "receivedOn", "2027-04-10");
    List<Http.Response> payments = atOnce(() -> finance.post("/api/v1/payments", payment, Map.of(KEY, key)));
    assertAllTheFirstAnswer(payments, 201);
    Map<String, Object> otherAmount = new java.util.HashMap<>(payment);
    otherAmount.put("amount", 12_346);
    assertReused(finance.post("/api/v1/payments", otherAmount, Map.of(KEY, key)));
    assertThat(jdbc.sql("SELECT count(*) FROM bank_receipt WHERE id = ?").param(key).query(Long.class).single()).isEqualTo(1);
    assertThat(jdbc.sql("SELECT amount FROM bank_receipt WHERE id = ?").param(key).query(Long.class).single()).isEqualTo(12_345);

    String payoutKey = "payout-" + UUID.randomUUID();
    Map<String, Object> payout = Map.of("organizationId", holderOrg, "amount", 1_000, "currency", "CNY");
    List<Http.Response> payouts = atOnce(() -> finance.post("/api/v1/payouts", payout, Map.of(KEY, payoutKey)));
    assertAllTheFirstAnswer(payouts, 201);
    assertReused(finance.post("/api/v1/payouts", Map.of("organizationId", holderOrg, "amount", 2_000, "currency", "CNY"),
        Map.of(KEY, payoutKey)));
    assertThat(jdbc.sql("SELECT amount FROM settlement_payout WHERE id = ?").param(payoutKey).query(Long.class).list())
        .containsExactly(1_000L);

    assertMalformedKeysAreRefused(k -> platform.post(reports, report(800_000), Map.of(KEY, k)));
    assertThat(storedReports(contract)).isEqualTo(2);
    long receipts = jdbc.sql("SELECT count(*) FROM bank_receipt").query(Long.class).single();
    assertMalformedKeysAreRefused(k -> finance.post("/api/v1/payments", payment, Map.of(KEY, k)));
    Http.Response missing = finance.post("/api/v1/payments", payment);
    assertBadKey(missing);
    assertThat(jdbc.sql("SELECT count(*) FROM bank_receipt").query(Long.class).single()).isEqualTo(receipts);
  }

  // ---- assertions -----------------------------------------------------------------------------

  private static void assertReplayOf(Http.Response first, Http.Response replay) {
    assertThat(replay.status()).as(replay.body()).isEqualTo(first.status());
    assertThat(replay.body()).isEqualTo(first.body());
    assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
  }

  /** One copy ran and answered {@code status}; the others replayed its answer. */
  private static void assertAllTheFirstAnswer(List<Http.Response> copies, int status) {
    assertThat(copies).allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(status));
    assertThat(copies).extracting(Http.Response::body).as("every copy got the same answer").containsOnly(copies.get(0).body());
    assertThat(copies).filteredOn(r -> r.header("Idempotent-Replayed") == null).as("one answer is the first").hasSize(1);
  }

  private static void assertReused(Http.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(422);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.json().get("code").asString()).isEqualTo("idempotency-key-reused");
  }

  private static void assertMalformedKeysAreRefused(java.util.function.Function<String, Http.Response> send) {
    for (String key : List.of("", " ", "k".repeat(101), "a\tb")) {
      assertBadKey(send.apply(key));
    }
  }

  private static void assertBadKey(Http.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
  }

  // ---- helpers --------------------------------------------------------------------------------

  /** {@value #COPIES} copies of one request, released together. */
  private static List<Http.Response> atOnce(Supplier<Http.Response> request) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(COPIES);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Http.Response>> answers = new ArrayList<>();
      for (int i = 0; i < COPIES; i++) {
        answers.add(pool.submit(() -> {
          go.await();
          return request.get();
        }));
      }
      go.countDown();
      List<Http.Response> responses = new ArrayList<>();
      for (Future<Http.Response> answer : answers) {
        responses.add(answer.get(60, TimeUnit.SECONDS));
      }
      return responses;
    } finally {
      pool.shutdownNow();
    }
  }

  private static Map<String, Object> bid(long amount) {
    return Map.of("amount", amount, "currency", "CNY");
  }

  private static Map<String, Object> report(long gross) {
    return Map.of("period", "2027-03", "currency", "CNY", "declaredPayable", 0, "lines", List.of(
        Map.of("episode", "S01E01", "territory", "CN", "channel", "SVOD", "views", "1000", "watchHours", "250.5",
            "gross", String.valueOf(gross))));
  }

  private long bidCount(Market market, String listing) {
    return market.admin.get("/api/v1/listings/" + listing + "/bids").json().get("bidCount").asLong();
  }

  private long storedReports(ContractId contract) {
    return jdbc.sql("SELECT count(*) FROM revenue_report WHERE contract_id = ?").param(contract.value()).query(Long.class).single();
  }

  /** An announced English auction with a deposit of 50,000, opening a month from now. */
  private static String announcedWithDeposit(Market market) {
    Instant start = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    Http.Response listing = market.holder.post("/api/v1/listings", Map.of(
        "titleId", market.titleId,
        "window", Map.of("territories", List.of("CN"), "media", List.of("SVOD"), "languages", List.of("zh"),
            "termStart", "2027-01-01", "termEnd", "2028-12-31", "exclusive", false),
        "saleMode", "ENGLISH", "currency", "CNY", "startingPrice", 100_000, "increment", 100, "deposit", 50_000,
        "schedule", Map.of("biddingStartsAt", start.toString(), "biddingEndsAt", start.plusSeconds(3600).toString(),
            "timedPeriodSeconds", 300),
        "signingDays", 3));
    assertThat(listing.status()).as(listing.body()).isEqualTo(201);
    String id = listing.get("id");
    assertThat(market.holder.post("/api/v1/listings/" + id + "/submit", null).status()).isEqualTo(200);
    assertThat(market.admin.post("/api/v1/listings/" + id + "/approve", null).status()).isEqualTo(200);
    return id;
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
        new PartyTerms(platformOrg, "Stream"), new WindowTerms(List.of("CN"), List.of("SVOD"), List.of("zh"),
            LocalDate.parse("2027-01-01"), LocalDate.parse("2028-12-31")), false, false, 1_000_000, "CNY", 0, 3,
        ListingSettlementTerms.simple(null, null, "GROSS", 4000, null), Instant.now()));
    for (String org : List.of(holderOrg, platformOrg)) {
      commands.sendAndWait(new SignContract(id, org, "u-" + org, contracts.find(id.value()).orElseThrow().documentSha256()));
    }
    assertThat(contracts.find(id.value()).orElseThrow().status()).isEqualTo(ContractStatus.ACTIVE);
    return id;
  }

  private static void awaitAgreement(Http finance, String path) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    Http.Response r = finance.get(path);
    while (r.status() != 200 && System.nanoTime() < until) {
      Thread.sleep(100);
      r = finance.get(path);
    }
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }
}
