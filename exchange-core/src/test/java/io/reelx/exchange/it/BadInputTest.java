package io.reelx.exchange.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelx.exchange.contract.command.DraftContract;
import io.reelx.exchange.contract.command.SignContract;
import io.reelx.exchange.contract.domain.ContractId;
import io.reelx.exchange.contract.query.ContractRegister;
import io.reelx.exchange.it.OpenApiOperations.Operation;
import io.reelx.exchange.it.OpenApiOperations.Param;
import io.reelx.exchange.listing.domain.ListingId;
import io.reelx.exchange.listing.domain.ListingSettlementTerms;
import io.reelx.exchange.rights.domain.WindowTerms;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Walks every operation of {@code openapi.yaml} as a user with the role it needs, on a real market
 * (existing organisation, title, listings, registration, active contract), and sends it bad input:
 * malformed JSON, wrong types, missing fields, NUL and control characters, huge and fractional
 * numbers, oversized strings, bodies and headers, bad path ids and query parameters, unsupported
 * media types and methods. Every answer must be a 4xx problem document (never a 5xx, never HTML or
 * Spring's default JSON), and nothing may be stored. All failures are reported together.
 */
class BadInputTest extends IntegrationTest {

  /** Over the JSON body limit ({@code reelx.http.max-json-body}, 16 MB by default). */
  private static final int OVERSIZED_BODY = 17 * 1024 * 1024;
  private static final String MEGABYTE = "x".repeat(1024 * 1024);
  private static final String RAW = "@@raw:";

  /** Who calls each operation: a user holding the role the operation needs. */
  private static final Map<String, String> CALLER = Map.ofEntries(
      Map.entry("getMe", "holder"), Map.entry("createApiToken", "holder"),
      Map.entry("listApiTokens", "holder"), Map.entry("revokeApiToken", "holder"),
      Map.entry("disableUser", "operator"), Map.entry("enableUser", "operator"),
      Map.entry("createOrganization", "operator"), Map.entry("listOrganizations", "operator"),
      Map.entry("getOrganization", "operator"), Map.entry("createUser", "operator"), Map.entry("listUsers", "operator"),
      Map.entry("registerTitle", "holder"), Map.entry("listTitles", "holder"), Map.entry("getTitle", "holder"),
      Map.entry("recordHolding", "holder"), Map.entry("listHoldings", "holder"), Map.entry("getAvails", "holder"),
      Map.entry("exportTitleAvails", "holder"), Map.entry("exportCatalogueAvails", "holder"),
      Map.entry("importHoldings", "holder"), Map.entry("compareAvails", "holder"),
      Map.entry("createListing", "holder"), Map.entry("listListings", "holder"), Map.entry("getListing", "holder"),
      Map.entry("submitListing", "holder"), Map.entry("approveListing", "operator"),
      Map.entry("rejectListing", "operator"), Map.entry("withdrawListing", "holder"),
      Map.entry("suspendListing", "operator"), Map.entry("resumeListing", "operator"),
      Map.entry("registerForListing", "platform"), Map.entry("listRegistrations", "platform"),
      Map.entry("recordDepositReceived", "finance"), Map.entry("qualifyBidder", "operator"),
      Map.entry("refuseBidder", "operator"), Map.entry("placeBid", "platform"), Map.entry("getOrderBook", "platform"),
      Map.entry("buyListing", "platform"), Map.entry("streamListing", "platform"),
      Map.entry("listContracts", "holder"), Map.entry("getContract", "holder"),
      Map.entry("getContractDocument", "holder"), Map.entry("signContract", "holder"),
      Map.entry("terminateContract", "operator"), Map.entry("getAuditTrail", "auditor"),
      Map.entry("listDeadLetters", "operator"), Map.entry("retryDeadLetters", "operator"),
      Map.entry("getSettlementAgreement", "finance"), Map.entry("replaceSettlementTerms", "finance"),
      Map.entry("submitRevenueReport", "platform"), Map.entry("listRevenueReports", "platform"),
      Map.entry("submitRevenueReportCsv", "platform"), Map.entry("listStatements", "platform"),
      Map.entry("getStatement", "platform"), Map.entry("exportStatementCsv", "platform"),
      Map.entry("listFxRates", "finance"), Map.entry("setFxRate", "finance"), Map.entry("listPayments", "finance"),
      Map.entry("recordPayment", "finance"), Map.entry("reconcile", "finance"),
      Map.entry("listDiscrepancies", "finance"), Map.entry("resolveDiscrepancy", "finance"),
      Map.entry("listPayouts", "finance"), Map.entry("requestPayout", "finance"), Map.entry("approvePayout", "finance"),
      Map.entry("listLedgerAccounts", "finance"), Map.entry("getTrialBalance", "finance"));

  /** Tables written by requests directly (not by processors that may still run for other tests). */
  private static final List<String> TABLES = List.of("api_token", "idempotent_request", "fx_rate", "bank_receipt",
      "revenue_report", "settlement_payout", "settlement_discrepancy", "organization", "app_user", "title", "holding");

  @Autowired CommandGateway commands;
  @Autowired ContractRegister contracts;
  @Autowired JdbcClient jdbc;

  private final Map<String, String> authorization = new LinkedHashMap<>();
  private final Map<String, String> ids = new LinkedHashMap<>();
  private final Set<String> ownAggregates = new java.util.HashSet<>();

  record Case(String operation, String name, String method, String target, Map<String, String> headers, byte[] body,
      boolean mustRefuse, int expected) {
    Case(String operation, String name, String method, String target, Map<String, String> headers, byte[] body,
        boolean mustRefuse) {
      this(operation, name, method, target, headers, body, mustRefuse, 0);
    }

    /** The same request, which must be answered with exactly this status. */
    Case expecting(int status) {
      return new Case(operation, name, method, target, headers, body, true, status);
    }
  }

  @Test
  void every_operation_answers_bad_input_with_a_problem_document_and_stores_nothing() throws Exception {
    scenario();
    List<Operation> operations = OpenApiOperations.load().operations();
    assertThat(operations.stream().map(Operation::id).filter(id -> !CALLER.containsKey(id)))
        .as("operations without a caller in CALLER").isEmpty();

    long startIndex = maxGlobalIndex();
    long startRows = rows();
    long lastIndex = startIndex;
    long lastRows = startRows;
    List<String> failures = new ArrayList<>();
    int requests = 0;
    int serverErrors = 0;
    int nonProblems = 0;
    int accepted = 0;
    int stored = 0;
    List<String> toleratedEvents = new ArrayList<>();
    long toleratedRows = 0;
    long started = System.nanoTime();
    for (Operation op : operations) {
      List<Case> cases = cases(op);
      for (Case c : cases) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", authorization.get(CALLER.get(op.id())));
        headers.put("Accept", "application/json, application/problem+json");
        headers.putAll(c.headers());
        RawHttp.Answer answer = RawHttp.send(port, c.method(), c.target(), headers, c.body());
        requests++;
        String problem = check(answer, c);
        if (problem != null) {
          failures.add(describe(c, answer, problem));
          if (answer.status() >= 500 || answer.status() < 0) {
            serverErrors++;
          } else if (answer.status() >= 400) {
            nonProblems++;
          } else {
            accepted++;
          }
        }
        long index = maxGlobalIndex();
        long rowCount = rows();
        if (index != lastIndex || rowCount != lastRows) {
          List<String> events = storedEvents(lastIndex);
          // a case the API may take as valid (an empty optional parameter is an absent one) may store
          boolean tolerated = !c.mustRefuse() && answer.status() >= 200 && answer.status() < 300;
          if (tolerated) {
            toleratedEvents.addAll(events);
            toleratedRows += rowCount - lastRows;
          } else if (!events.isEmpty() || rowCount != lastRows) {
            stored++;
            failures.add(describe(c, answer, "STORED " + events + " rows " + lastRows + " -> " + rowCount));
          }
          lastIndex = index;
          lastRows = rowCount;
        }
      }
    }
    long seconds = (System.nanoTime() - started) / 1_000_000_000L;
    List<String> storedOverall = new ArrayList<>(storedEvents(startIndex));
    toleratedEvents.forEach(storedOverall::remove);
    System.out.printf("Bad-input test: %d operations x cases = %d requests in %d s; 5xx or no answer: %d, "
            + "non-problem 4xx: %d, bad input accepted (2xx/3xx): %d, cases that stored something: %d%n",
        operations.size(), requests, seconds, serverErrors, nonProblems, accepted, stored);
    failures.forEach(f -> System.out.println("  " + f));
    java.nio.file.Files.write(java.nio.file.Path.of("target", "bad-input-failures.txt"), failures);
    assertThat(storedOverall).as("events stored by refused requests").isEmpty();
    assertThat(rows() - toleratedRows).as("rows stored by refused requests").isEqualTo(startRows);
    assertThat(failures).as(failures.size() + " of " + requests + " bad requests were not answered as they should:\n"
        + String.join("\n", failures)).isEmpty();
  }

  @Test
  void the_error_page_asked_for_directly_is_a_404_problem() {
    for (String authorization : List.of("", basic("admin", ADMIN_PASSWORD))) {
      for (String method : List.of("GET", "POST")) {
        Map<String, String> headers = authorization.isEmpty() ? Map.of() : Map.of("Authorization", authorization);
        RawHttp.Answer answer = RawHttp.send(port, method, "/error", headers, method.equals("POST") ? new byte[0] : null);
        Case c = new Case("error page", method + (authorization.isEmpty() ? " anonymous" : " as operator"), method,
            "/error", headers, null, true, 404);
        assertThat(check(answer, c)).as(describe(c, answer, "")).isNull();
      }
    }
  }

  // ---------------------------------------------------------------- checks

  private static String check(RawHttp.Answer answer, Case c) {
    if (answer.status() < 0) {
      return "no answer";
    }
    if (answer.status() >= 500) {
      return "server error";
    }
    if (answer.status() < 400) {
      return c.mustRefuse() ? "bad input accepted" : null;
    }
    if (c.expected() != 0 && answer.status() != c.expected()) {
      return "expected " + c.expected();
    }
    String type = answer.header("content-type");
    if (type == null || !type.toLowerCase().startsWith("application/problem+json")) {
      return "4xx is not a problem document (Content-Type " + type + ")";
    }
    if (type.toLowerCase().contains("charset") && !type.toLowerCase().replace(" ", "").contains("charset=utf-8")) {
      return "problem document not in UTF-8 (" + type + ")";
    }
    try {
      JsonNode json = Http.JSON.readTree(answer.body());
      for (String field : List.of("type", "title", "status", "code")) {
        if (json.path(field).isMissingNode() || json.path(field).isNull()) {
          return "problem document without " + field;
        }
      }
      if (json.get("status").asInt() != answer.status()) {
        return "problem status " + json.get("status") + " differs from HTTP status";
      }
    } catch (RuntimeException e) {
      return "problem body is not JSON";
    }
    return null;
  }

  private static String describe(Case c, RawHttp.Answer answer, String problem) {
    String body = answer.body().replaceAll("\\s+", " ");
    String target = c.target().length() > 120 ? c.target().substring(0, 120) + "..." : c.target();
    return c.operation() + " | " + c.name() + " | " + answer.status() + " | " + problem + " | " + c.method() + " "
        + target + " | " + (body.length() > 200 ? body.substring(0, 200) + "..." : body);
  }

  private long maxGlobalIndex() {
    return jdbc.sql("SELECT coalesce(max(globalindex), 0) FROM domainevententry").query(Long.class).single();
  }

  private long rows() {
    return jdbc.sql("SELECT " + String.join(" + ", TABLES.stream().map(t -> "(SELECT count(*) FROM " + t + ")").toList()))
        .query(Long.class).single();
  }

  /**
   * Events stored after {@code since} on this test's aggregates or on new ones (events of other
   * tests' aggregates, e.g. their auctions closing on a deadline, are not this test's doing).
   */
  private List<String> storedEvents(long since) {
    return jdbc.sql("SELECT e.payloadtype, e.aggregateidentifier FROM domainevententry e WHERE e.globalindex > ?"
            + " AND (e.aggregateidentifier = ANY (?) OR NOT EXISTS (SELECT 1 FROM domainevententry p"
            + " WHERE p.aggregateidentifier = e.aggregateidentifier AND p.globalindex <= ?))")
        .params(since, ownAggregates.toArray(String[]::new), since)
        .query((rs, n) -> rs.getString(1).replaceAll(".*\\.", "") + "@" + rs.getString(2)).list();
  }

  // ---------------------------------------------------------------- the market the requests refer to

  private void scenario() throws InterruptedException {
    Market market = market().withTitle();
    authorization.put("operator", basic("admin", ADMIN_PASSWORD));
    authorization.put("holder", basic(market.holderName, market.holderPassword));
    String holderOrg = market.holder.get("/api/v1/me").get("organizationId");
    String platformOrg = organization(market, "Fuzz Platform", "PLATFORM");
    user(market, platformOrg, "platform", "PLATFORM");
    String exchangeOrg = organization(market, "Fuzz Exchange", "EXCHANGE");
    user(market, exchangeOrg, "finance", "FINANCE");
    user(market, exchangeOrg, "auditor", "AUDITOR");

    Instant start = Instant.now().plus(60, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    String announced = market.announcedAuction(start, start.plus(1, ChronoUnit.DAYS), 300);
    Http platform = Http.basic(port, "fuzz-platform-" + suffix, "fuzz-password-1");
    Http.Response registration = platform.post("/api/v1/listings/" + announced + "/registrations", null);
    assertThat(registration.status()).as(registration.body()).isEqualTo(201);
    String contract = activeContract(market, holderOrg, platformOrg);
    awaitAgreement(Http.basic(port, "fuzz-finance-" + suffix, "fuzz-password-1"), contract);

    ids.put("organizationId", holderOrg);
    ids.put("titleId", market.titleId);
    ids.put("draftListing", market.draftListing());
    ids.put("announcedListing", announced);
    ids.put("registrationId", registration.get("id"));
    ids.put("contractId", contract);
    ids.put("statementId", "2027-03-v1");
    ids.put("discrepancyId", UUID.randomUUID().toString());
    ids.put("payoutId", UUID.randomUUID().toString());
    ids.put("platformOrg", platformOrg);
    String holderUser = market.holder.get("/api/v1/me").get("userId");
    Http.Response token = market.holder.post("/api/v1/me/tokens", Map.of("name", "fuzz"));
    assertThat(token.status()).as(token.body()).isEqualTo(201);
    ids.put("userId", holderUser);
    ids.put("tokenId", token.get("id"));
    ids.put("group", "listing-view");
    ownAggregates.addAll(List.of(holderOrg, platformOrg, exchangeOrg, market.titleId, ids.get("draftListing"),
        announced, contract, holderUser));
  }

  private final String suffix = UUID.randomUUID().toString().substring(0, 8);

  private String organization(Market market, String name, String kind) {
    Http.Response org = market.admin.post("/api/v1/organizations",
        Map.of("name", name + " " + suffix, "kind", kind, "country", "CN"));
    assertThat(org.status()).as(org.body()).isEqualTo(201);
    return org.get("id");
  }

  private void user(Market market, String org, String role, String roleName) {
    String username = "fuzz-" + role + "-" + suffix;
    Http.Response user = market.admin.post("/api/v1/users", Map.of("username", username, "password",
        "fuzz-password-1", "displayName", role, "organizationId", org, "roles", List.of(roleName)));
    assertThat(user.status()).as(user.body()).isEqualTo(201);
    authorization.put(role, basic(username, "fuzz-password-1"));
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private String activeContract(Market market, String holderOrg, String platformOrg) {
    ListingId listing = new ListingId(UUID.randomUUID().toString());
    ContractId id = ContractId.forListing(listing);
    commands.sendAndWait(new DraftContract(id, listing.value(), market.titleId, "Title",
        new io.reelx.exchange.contract.domain.PartyTerms(holderOrg, "Holder"),
        new io.reelx.exchange.contract.domain.PartyTerms(platformOrg, "Platform"),
        new WindowTerms(List.of("CN"), List.of("SVOD"), List.of("zh"), LocalDate.parse("2027-01-01"),
            LocalDate.parse("2028-12-31")), false, false, 1_000_000, "CNY", 0, 3,
        ListingSettlementTerms.simple(null, null, "GROSS", 4000, null), Instant.now()));
    for (String org : List.of(holderOrg, platformOrg)) {
      commands.sendAndWait(new SignContract(id, org, "u-" + org, contracts.find(id.value()).orElseThrow().documentSha256()));
    }
    return id.value();
  }

  /** Waits (bounded) until the settlement intake opened the agreement, so that nothing is still being stored. */
  private static void awaitAgreement(Http finance, String contract) throws InterruptedException {
    long until = System.nanoTime() + 30_000_000_000L;
    Http.Response r = finance.get("/api/v1/contracts/" + contract + "/settlement-agreement");
    while (r.status() != 200 && System.nanoTime() < until) {
      Thread.sleep(100);
      r = finance.get("/api/v1/contracts/" + contract + "/settlement-agreement");
    }
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }

  // ---------------------------------------------------------------- cases

  private List<Case> cases(Operation op) {
    List<Case> cases = new ArrayList<>();
    Map<String, String> path = new LinkedHashMap<>();
    op.params().stream().filter(p -> p.in().equals("path")).forEach(p -> path.put(p.name(), pathId(op, p.name())));
    Map<String, String> query = new LinkedHashMap<>();
    op.params().stream().filter(p -> p.in().equals("query") && p.required())
        .forEach(p -> query.put(p.name(), queryValue(p)));
    String target = target(op, path, query);
    boolean stream = "text/event-stream".equals(op.answerType());
    Function<Map<String, String>, Map<String, String>> json = h -> {
      Map<String, String> all = new LinkedHashMap<>(h);
      if (op.bodyType() != null) {
        all.put("Content-Type", op.bodyType());
      }
      return all;
    };
    byte[] baseline = op.bodyType() == null ? null : baselineBody(op);
    Map<String, String> keyed = new LinkedHashMap<>();
    if (op.param("header", "Idempotency-Key") != null) {
      keyed.put("Idempotency-Key", "fuzz-" + UUID.randomUUID());
    }
    Map<String, String> baseHeaders = json.apply(keyed);

    // path ids
    for (String name : path.keySet()) {
      for (String[] bad : List.of(new String[] {"random id", UUID.randomUUID().toString()},
          new String[] {"%00", "%00"}, new String[] {"a%00b", "a%00b"}, new String[] {"%2F", "%2F"},
          new String[] {"a%2Fb", "a%2Fb"}, new String[] {"%zz (bad escape)", "%zz"}, new String[] {"%", "a%"},
          new String[] {"raw non-ASCII", "fi\u00e9-\u4e2d\u6587"}, new String[] {"escaped non-ASCII", "%C3%A9%E4%B8%AD"},
          new String[] {"10k chars", "a".repeat(10_000)}, new String[] {"%2e%2e", "%2e%2e"},
          new String[] {"control %01", "%01"}, new String[] {"space", "a%20b"}, new String[] {"semicolon", "a;b=c"},
          new String[] {"backslash %5C", "a%5Cb"})) {
        Map<String, String> badPath = new LinkedHashMap<>(path);
        badPath.put(name, bad[1]);
        cases.add(new Case(op.id(), "path " + name + " = " + bad[0], op.method(), target(op, badPath, query),
            baseHeaders, baseline, true));
      }
    }
    cases.add(new Case(op.id(), "over-long URI (20k)", op.method(), target + (target.contains("?") ? "&" : "?")
        + "pad=" + "a".repeat(20_000), baseHeaders, baseline, true));
    cases.add(new Case(op.id(), "bad escape in query", op.method(), target + (target.contains("?") ? "&" : "?")
        + "x=%zz", baseHeaders, baseline, true));
    cases.add(new Case(op.id(), "method TRACE", "TRACE", target, Map.of(), null, true).expecting(405));
    cases.add(new Case(op.id(), "method PATCH", "PATCH", target, baseHeaders, baseline, true).expecting(405));
    Map<String, String> bigHeader = new LinkedHashMap<>(baseHeaders);
    bigHeader.put("X-Fuzz", "a".repeat(64 * 1024));
    cases.add(new Case(op.id(), "64 KB header", op.method(), target, bigHeader, baseline, true));
    if (stream) {
      return cases; // a valid stream request would stay open: only the cases above are refused before it starts
    }

    // query parameters
    for (Param p : op.params()) {
      if (!p.in().equals("query")) {
        continue;
      }
      for (String[] bad : List.of(new String[] {"-1", "-1"}, new String[] {"huge", "99999999999999999999"},
          new String[] {"1e30", "1e30"}, new String[] {"fraction", "1.5"}, new String[] {"garbage", "garbage%21%3C%3E"},
          new String[] {"%00", "%00"}, new String[] {"a%00b", "a%00b"}, new String[] {"%01", "%01"},
          new String[] {"empty", ""}, new String[] {"4k chars", "a".repeat(4_000)})) {
        Map<String, String> badQuery = new LinkedHashMap<>(query);
        badQuery.put(p.name(), bad[1]);
        cases.add(new Case(op.id(), "query " + p.name() + " = " + bad[0], op.method(), target(op, path, badQuery),
            baseHeaders, baseline, mustRefuseQuery(p, bad[0])));
      }
    }

    // headers
    if (op.param("header", "Idempotency-Key") != null) {
      for (String[] bad : List.of(new String[] {"empty", ""}, new String[] {"101 chars", "k".repeat(101)},
          new String[] {"4000 chars", "k".repeat(4000)})) {
        Map<String, String> h = json.apply(Map.of("Idempotency-Key", bad[1]));
        cases.add(new Case(op.id(), "Idempotency-Key " + bad[0], op.method(), target, h, baseline, true));
      }
    }
    if (op.param("header", "If-Match") != null) {
      for (String[] bad : List.of(new String[] {"garbage", "garbage"}, new String[] {"stale", "\"99999\""},
          new String[] {"huge", "\"99999999999999999999999\""})) {
        Map<String, String> h = json.apply(Map.of("If-Match", bad[1]));
        cases.add(new Case(op.id(), "If-Match " + bad[0], op.method(), target, h, baseline, true));
      }
    }

    // bodies
    if (op.bodyType() != null) {
      cases.addAll(bodyCases(op, target, keyed));
    }
    return cases;
  }

  private static boolean mustRefuseQuery(Param p, String bad) {
    if (bad.contains("%0") || bad.equals("a%00b")) {
      return true;
    }
    if (bad.equals("empty")) {
      return p.required();
    }
    Map<String, Object> s = p.schema();
    String type = String.valueOf(s.get("type"));
    boolean typed = type.equals("integer") || type.equals("boolean") || s.containsKey("enum") || s.containsKey("format")
        || s.containsKey("pattern");
    if (type.equals("array")) {
      typed = OpenApiOperations.map(s.get("items")).containsKey("enum")
          || OpenApiOperations.map(s.get("items")).containsKey("pattern");
    }
    if (bad.equals("4k chars")) {
      return typed || s.containsKey("maxLength");
    }
    if (bad.equals("-1")) {
      return typed && !(type.equals("integer") && !s.containsKey("minimum"));
    }
    return typed;
  }

  private List<Case> bodyCases(Operation op, String target, Map<String, String> keyed) {
    List<Case> cases = new ArrayList<>();
    Map<String, String> headers = new LinkedHashMap<>(keyed);
    headers.put("Content-Type", op.bodyType());
    Function<String, byte[]> utf8 = s -> s.getBytes(StandardCharsets.UTF_8);
    boolean csv = op.bodyType().startsWith("text/csv");
    if (csv) {
      String header = "episode,territory,channel,views,watch_hours,gross_minor,currency\n";
      for (String[] bad : List.of(new String[] {"NUL in a cell", header + "S01\u0000E01,CN,SVOD,10,1.5,100,CNY\n"},
          new String[] {"control char in a cell", header + "S01\u001bE01,CN,SVOD,10,1.5,100,CNY\n"},
          new String[] {"huge gross", header + "S01E01,CN,SVOD,10,1.5,99999999999999999999999,CNY\n"},
          new String[] {"1e10000000 gross", header + "S01E01,CN,SVOD,10,1.5,1e10000000,CNY\n"},
          new String[] {"fractional gross", header + "S01E01,CN,SVOD,10,1.5,100.5,CNY\n"},
          new String[] {"1 MB cell", header + "S01E01" + MEGABYTE + ",CN,SVOD,10,1.5,100,CNY\n"},
          new String[] {"unclosed quote", header + "\"S01E01,CN,SVOD,10,1.5,100,CNY\n"},
          new String[] {"wrong header", "a,b,c\n1,2,3\n"}, new String[] {"JSON instead of CSV", "{\"a\":1}"})) {
        cases.add(new Case(op.id(), "csv " + bad[0], op.method(), target, headers, utf8.apply(bad[1]), true));
      }
      cases.add(new Case(op.id(), "csv invalid UTF-8", op.method(), target, headers,
          concat(utf8.apply(header + "S01E01,CN,SVOD,10,1.5,100,CNY\nS0"), new byte[] {(byte) 0xC3, 0x28},
              utf8.apply("2,CN,SVOD,10,1.5,100,CNY\n")), true));
      Map<String, String> wrongType = new LinkedHashMap<>(keyed);
      wrongType.put("Content-Type", "application/json");
      cases.add(new Case(op.id(), "Content-Type application/json", op.method(), target, wrongType,
          utf8.apply("{}"), true).expecting(415));
      return cases;
    }
    for (String[] bad : List.of(new String[] {"truncated JSON", "{\"a\":"}, new String[] {"empty body", ""},
        new String[] {"array", "[]"}, new String[] {"string", "\"text\""}, new String[] {"null", "null"},
        new String[] {"number", "1e10000000"}, new String[] {"trailing garbage", "{}}"},
        new String[] {"deep nesting", "[".repeat(100_000)}, new String[] {"NUL outside strings", "{\u0000}"},
        new String[] {"single quotes", "{'a':1}"})) {
      if (!op.bodyRequired() && (bad[1].isEmpty() || bad[1].equals("null"))) {
        continue; // no body is a valid request here
      }
      cases.add(new Case(op.id(), "body " + bad[0], op.method(), target, headers, utf8.apply(bad[1]), true));
    }
    if (!"true".equals(String.valueOf(op.bodySchema().get("additionalProperties")))) {
      cases.add(new Case(op.id(), "body {}", op.method(), target, headers, utf8.apply("{}"), true));
    }
    cases.add(new Case(op.id(), "body invalid UTF-8", op.method(), target, headers,
        concat(utf8.apply("{\"x\":\""), new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF}, utf8.apply("\"}")), true));
    for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded")) {
      Map<String, String> h = new LinkedHashMap<>(keyed);
      h.put("Content-Type", type);
      cases.add(new Case(op.id(), "Content-Type " + type, op.method(), target, h, baselineBody(op), true)
          .expecting(415));
    }
    cases.add(new Case(op.id(), "no Content-Type", op.method(), target, keyed, baselineBody(op), true).expecting(415));
    byte[] oversized = new byte[OVERSIZED_BODY];
    java.util.Arrays.fill(oversized, (byte) ' ');
    oversized[0] = '{';
    oversized[oversized.length - 1] = '}';
    cases.add(new Case(op.id(), "17 MB body", op.method(), target, headers, oversized, true).expecting(413));
    if (op.id().equals("submitRevenueReport")) { // no length announced: counted while Jackson reads it
      Map<String, String> chunked = new LinkedHashMap<>(headers);
      chunked.put("Transfer-Encoding", "chunked");
      cases.add(new Case(op.id(), "17 MB body, chunked", op.method(), target, chunked, oversized, true).expecting(413));
    }

    if (op.id().equals("replaceSettlementTerms")) { // typed terms: values the schema lets through but the rules refuse
      for (String[] bad : List.of(new String[] {"NUL in a country", "{\"payees\":[{\"organizationId\":\"x\",\"shareBasisPoints\":10000,"
              + "\"country\":\"C\\u0000N\"}]}"},
          new String[] {"huge amount", "{\"minimumGuarantee\":1e10000000}"},
          new String[] {"Long.MAX amount", "{\"minimumGuarantee\":9223372036854775807}"},
          new String[] {"fractional amount", "{\"minimumGuarantee\":1234.9}"},
          new String[] {"[null] payees", "{\"minimumGuarantee\":1000,\"payees\":[null]}"},
          new String[] {"tiers [null]", "{\"revenueShare\":{\"basis\":\"GROSS\",\"schedule\":"
              + "{\"metric\":\"REVENUE\",\"mode\":\"MARGINAL\",\"tiers\":[null]}}}"},
          new String[] {"schedule a string", "{\"revenueShare\":{\"basis\":\"GROSS\",\"schedule\":\"x\"}}"},
          new String[] {"rate and schedule", "{\"revenueShare\":{\"basis\":\"GROSS\",\"rateBasisPoints\":100,\"schedule\":"
              + "{\"metric\":\"REVENUE\",\"mode\":\"MARGINAL\",\"tiers\":[{\"from\":\"0\",\"basisPoints\":1}]}}}"},
          new String[] {"unknown outOfWindowLines", "{\"minimumGuarantee\":1000,\"outOfWindowLines\":\"IGNORE\"}"},
          new String[] {"1 MB payee", "{\"payees\":[{\"organizationId\":\"" + MEGABYTE + "\",\"shareBasisPoints\":10000,"
              + "\"country\":\"CN\"}]}"})) {
        cases.add(new Case(op.id(), "terms " + bad[0], op.method(), target, headers, utf8.apply(bad[1]), true));
      }
    }

    // field by field
    Object baseline = sample(op.bodySchema(), "body", 0);
    for (Leaf leaf : leaves(baseline, op.bodySchema(), List.of())) {
      for (Map.Entry<String, Object> bad : badValues(leaf).entrySet()) {
        Object mutated = replace(baseline, leaf.path(), bad.getValue());
        cases.add(new Case(op.id(), "field " + pathName(leaf.path()) + " = " + bad.getKey(), op.method(), target,
            headers, write(mutated), true));
      }
      if (leaf.required()) {
        cases.add(new Case(op.id(), "field " + pathName(leaf.path()) + " missing", op.method(), target, headers,
            write(replace(baseline, leaf.path(), REMOVE)), true));
      }
    }
    return cases;
  }

  private static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  record Leaf(List<Object> path, Map<String, Object> schema, boolean required) {
  }

  private static final Object REMOVE = new Object();

  /** Every value of the baseline body with its schema: objects, arrays and scalars alike. */
  @SuppressWarnings("unchecked")
  private List<Leaf> leaves(Object value, Map<String, Object> schema, List<Object> path) {
    List<Leaf> leaves = new ArrayList<>();
    Map<String, Object> s = spec.deref(schema);
    if (value instanceof Map<?, ?> object && s.get("properties") != null) {
      List<Object> required = (List<Object>) s.getOrDefault("required", List.of());
      Map<String, Object> properties = OpenApiOperations.map(s.get("properties"));
      for (Map.Entry<?, ?> e : object.entrySet()) {
        List<Object> child = new ArrayList<>(path);
        child.add(e.getKey());
        Map<String, Object> childSchema = spec.deref(OpenApiOperations.map(properties.get(e.getKey())));
        leaves.add(new Leaf(child, childSchema, required.contains(e.getKey())));
        leaves.addAll(leaves(e.getValue(), childSchema, child));
      }
    } else if (value instanceof List<?> list && !list.isEmpty()) {
      List<Object> child = new ArrayList<>(path);
      child.add(0);
      Map<String, Object> items = spec.deref(OpenApiOperations.map(s.get("items")));
      leaves.add(new Leaf(child, items, false));
      leaves.addAll(leaves(list.get(0), items, child));
    }
    return leaves;
  }

  private Map<String, Object> badValues(Leaf leaf) {
    Map<String, Object> s = leaf.schema();
    String type = String.valueOf(s.getOrDefault("type", s.containsKey("properties") ? "object" : "string"));
    Map<String, Object> bad = new LinkedHashMap<>();
    if (leaf.required() || leaf.path().get(leaf.path().size() - 1) instanceof Integer) {
      bad.put("null", null);
    }
    switch (type) {
      case "string" -> {
        bad.put("an object", Map.of());
        bad.put("NUL", "a\u0000b");
        bad.put("ESC", "a\u001bb");
        bad.put("BEL only", "\u0007");
        bad.put("1 MB", MEGABYTE);
        if (s.containsKey("enum")) {
          bad.put("unknown enum", "NOT_A_VALUE");
        }
        if ("date".equals(s.get("format"))) {
          bad.put("Feb 30", "2027-02-30");
          bad.put("garbage date", "yesterday");
          bad.put("year 99999", "+99999-01-01");
        }
        if ("date-time".equals(s.get("format"))) {
          bad.put("garbage instant", "soon");
          bad.put("year 99999", "+99999-01-01T00:00:00Z");
        }
        if (s.containsKey("pattern")) {
          bad.put("not the pattern", "!!");
        }
      }
      case "integer", "number" -> {
        bad.put("a string", "abc");
        bad.put("an object", Map.of());
        bad.put("1e30", RAW + "1e30");
        bad.put("Long.MAX", RAW + "9223372036854775807");
        bad.put("Long.MAX+1", RAW + "9223372036854775808");
        bad.put("1e10000000", RAW + "1e10000000");
        bad.put("-1e10000000", RAW + "-1e10000000");
        if (type.equals("integer")) {
          bad.put("fraction", RAW + "1.5");
          bad.put("1234.9", RAW + "1234.9");
        }
        if (s.get("minimum") instanceof Number min && min.longValue() >= 0) {
          bad.put("-1", -1);
        }
      }
      case "boolean" -> {
        bad.put("a string", "maybe");
        bad.put("an object", Map.of());
      }
      case "array" -> {
        bad.put("a string", "x");
        bad.put("[null]", java.util.Collections.singletonList(null));
        bad.put("an object", Map.of());
        if (s.get("minItems") instanceof Number n && n.intValue() > 0) {
          bad.put("empty", List.of());
        }
      }
      default -> {
        bad.put("a string", "x");
        bad.put("an array", List.of());
      }
    }
    return bad;
  }

  @SuppressWarnings("unchecked")
  private static Object replace(Object value, List<Object> path, Object replacement) {
    if (path.isEmpty()) {
      return replacement;
    }
    Object key = path.get(0);
    List<Object> rest = path.subList(1, path.size());
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) map);
      Object child = replace(copy.get(key), rest, replacement);
      if (child == REMOVE) {
        copy.remove(key);
      } else {
        copy.put((String) key, child);
      }
      return copy;
    }
    List<Object> copy = new ArrayList<>((List<Object>) value);
    Object child = replace(copy.get((Integer) key), rest, replacement);
    if (child == REMOVE) {
      copy.remove((int) (Integer) key);
    } else {
      copy.set((Integer) key, child);
    }
    return copy;
  }

  private static String pathName(List<Object> path) {
    StringBuilder sb = new StringBuilder();
    for (Object p : path) {
      if (p instanceof Integer i) {
        sb.append('[').append(i).append(']');
      } else {
        sb.append(sb.isEmpty() ? "" : ".").append(p);
      }
    }
    return sb.toString();
  }

  private static byte[] write(Object body) {
    String json = Http.JSON.writeValueAsString(body);
    json = Pattern.compile("\"" + Pattern.quote(RAW) + "([^\"]*)\"").matcher(json).replaceAll("$1");
    return json.getBytes(StandardCharsets.UTF_8);
  }

  private byte[] baselineBody(Operation op) {
    if (op.bodyType().startsWith("text/csv")) {
      return ("episode,territory,channel,views,watch_hours,gross_minor,currency\nS01E01,CN,SVOD,10,1.5,100,CNY\n")
          .getBytes(StandardCharsets.UTF_8);
    }
    return write(sample(op.bodySchema(), "body", 0));
  }

  // ---------------------------------------------------------------- a plausible request from the schema

  private final OpenApiOperations spec = OpenApiOperations.load();

  /** A plausible value for the schema: known ids by name, enum/pattern/format-conforming scalars. */
  @SuppressWarnings("unchecked")
  private Object sample(Map<String, Object> schemaOrRef, String name, int depth) {
    Map<String, Object> s = spec.deref(schemaOrRef);
    if (s == null) {
      return "x";
    }
    String type = String.valueOf(s.getOrDefault("type", s.containsKey("properties") ? "object" : "string"));
    switch (type) {
      case "object" -> {
        Map<String, Object> object = new LinkedHashMap<>();
        Object properties = s.get("properties");
        if (properties != null && depth < 6) {
          OpenApiOperations.map(properties).forEach((property, propertySchema) ->
              object.put(property, sample(OpenApiOperations.map(propertySchema), property, depth + 1)));
        }
        return object;
      }
      case "array" -> {
        return List.of(sample(OpenApiOperations.map(s.get("items")), name, depth + 1));
      }
      case "integer", "number" -> {
        long value = s.get("minimum") instanceof Number min ? Math.max(1, min.longValue()) : 1;
        if (name.equals("productionYear")) {
          value = 2025;
        }
        return value;
      }
      case "boolean" -> {
        return false;
      }
      default -> {
        return sampleString(s, name);
      }
    }
  }

  private Object sampleString(Map<String, Object> s, String name) {
    if (s.get("enum") instanceof List<?> values) {
      return values.get(0);
    }
    if (s.get("example") != null) {
      return String.valueOf(s.get("example"));
    }
    if ("date".equals(s.get("format"))) {
      return name.toLowerCase().contains("end") ? "2028-12-31" : "2027-01-01";
    }
    if ("date-time".equals(s.get("format"))) {
      return Instant.now().plus(name.toLowerCase().contains("end") ? 61 : 60, ChronoUnit.DAYS)
          .truncatedTo(ChronoUnit.SECONDS).toString();
    }
    if (s.get("pattern") instanceof String pattern) {
      for (String candidate : List.of("CN", "CNY", "zh", "0", "a".repeat(64), "fuzz-" + suffix, "S01E01")) {
        if (Pattern.compile(pattern).matcher(candidate).find()) {
          return candidate;
        }
      }
    }
    Map<String, String> known = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    known.put("territories", "CN");
    known.put("territory", "CN");
    known.putAll(Map.of("titleId", ids.get("titleId"), "organizationId", ids.get("platformOrg"),
        "counterpartyId", ids.get("platformOrg"), "currency", "CNY", "from", "USD", "to", "CNY", "rate", "7.1",
        "period", "2027-03", "password", "fuzz-password-1"));
    known.put("organization", ids.get("organizationId"));
    if (known.containsKey(name)) {
      return known.get(name);
    }
    int min = s.get("minLength") instanceof Number n ? n.intValue() : 1;
    return "fuzz " + "x".repeat(Math.max(0, min - 5));
  }

  private String pathId(Operation op, String name) {
    return switch (name) {
      case "listingId", "aggregateId" -> op.path().contains("/registrations") || op.path().contains("/bids")
          || op.path().contains("/buy") || op.path().contains("/stream")
          ? ids.get("announcedListing") : ids.get("draftListing");
      default -> ids.get(name);
    };
  }

  private String queryValue(Param p) {
    Map<String, Object> s = p.schema();
    if ("array".equals(s.get("type"))) {
      return switch (p.name()) {
        case "territories" -> "CN";
        case "languages" -> "zh";
        default -> String.valueOf(sample(OpenApiOperations.map(s.get("items")), p.name(), 0));
      };
    }
    return switch (p.name()) {
      case "start" -> "2027-01-01";
      case "end" -> "2027-12-31";
      case "period" -> "2027-03";
      case "currency" -> "CNY";
      default -> String.valueOf(sample(s, p.name(), 0));
    };
  }

  private static String target(Operation op, Map<String, String> path, Map<String, String> query) {
    String target = op.path();
    for (Map.Entry<String, String> e : path.entrySet()) {
      target = target.replace("{" + e.getKey() + "}", e.getValue());
    }
    if (!query.isEmpty()) {
      List<String> pairs = new ArrayList<>();
      query.forEach((k, v) -> pairs.add(k + "=" + v));
      target += "?" + String.join("&", pairs);
    }
    return target;
  }
}
