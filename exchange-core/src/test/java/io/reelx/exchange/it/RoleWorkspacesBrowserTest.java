package io.reelx.exchange.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelx.exchange.contract.command.DraftContract;
import io.reelx.exchange.contract.command.SignContract;
import io.reelx.exchange.contract.domain.ContractId;
import io.reelx.exchange.contract.domain.ContractStatus;
import io.reelx.exchange.contract.domain.PartyTerms;
import io.reelx.exchange.contract.query.ContractRegister;
import io.reelx.exchange.listing.domain.ListingId;
import io.reelx.exchange.rights.domain.AvailsRequest;
import io.reelx.exchange.rights.domain.TitleId;
import io.reelx.exchange.rights.domain.WindowTerms;
import io.reelx.exchange.rights.query.AvailsAsOf;
import io.reelx.exchange.web.Formats;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The holder's, operator's and auditor's pages in a real browser (Debian's Chromium): the holder
 * lists rights through the form (a refused form keeps what was typed and stores nothing; the
 * payable preview; the same form sent again makes no second listing), the operator approves it and
 * rejects another with a reason (in Chinese), the
 * holder signs a contract, the avails grid now and as of a past day, the operator terminates the
 * contract, and the auditor reads a timeline and replays an auction. Titles and reasons with HTML
 * are shown as text. axe-core runs on every page.
 */
class RoleWorkspacesBrowserTest extends IntegrationTest {

  private static final String XSS = "<script>window.__xss=1</script><img src=x onerror=\"window.__xss=2\">";
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  @Autowired CommandGateway commands;
  @Autowired ContractRegister contracts;
  @Autowired AvailsAsOf history;

  @Test
  void the_holder_lists_through_the_form_and_the_operator_approves_in_chinese() {
    Market market = market().withTitle();
    Http.Response xssTitle = market.holder.post("/api/v1/titles", Map.of("name", XSS, "kind", "FILM",
        "episodes", 1, "minutesPerEpisode", 100, "originalLanguage", "zh", "productionYear", 2024));
    assertThat(xssTitle.status()).as(xssTitle.body()).isEqualTo(201);
    String rejected = market.draftListing();
    assertThat(market.holder.post("/api/v1/listings/" + rejected + "/submit", null).status()).isEqualTo(200);

    try (Browser holder = Browser.open(port, "en")) {
      holder.signIn(market.holderName, market.holderPassword).waitText("h1", "What needs my action now");
      holder.go("/holder").waitText("h1", "My rights");
      WebElement titles = holder.find("#titles");
      assertThat(titles.getText()).as("the title's HTML shown as text").contains(XSS);
      assertThat(titles.findElements(By.tagName("img"))).as("no element from a title").isEmpty();
      assertThat(titles.findElements(By.tagName("script"))).isEmpty();
      assertThat(holder.driver().executeScript("return window.__xss === undefined")).isEqualTo(true);
      holder.axe().screenshot("holder-workspace");

      // a refused form: problems next to their fields with the API's codes, what was typed kept, nothing stored
      long before = listingsOf(market);
      holder.go("/holder/listings/new").waitText("h1", "New listing");
      holder.axe();
      new Select(holder.find("#titleId")).selectByValue(market.titleId);
      holder.type("#territories", "CN");
      holder.click("input[name=media][value=SVOD]");
      set(holder, "#termStart", "2027-01-01");
      set(holder, "#termEnd", "2028-12-31");
      holder.type("#startingPrice", "12abc");
      holder.type("#increment", "10,000");
      holder.type("#deposit", "100,000");
      Instant opens = Instant.now().plus(10, ChronoUnit.DAYS);
      set(holder, "#biddingStartsAt", LOCAL.format(LocalDateTime.ofInstant(opens, Formats.SHANGHAI)));
      set(holder, "#biddingEndsAt", LOCAL.format(LocalDateTime.ofInstant(opens.plus(2, ChronoUnit.DAYS), Formats.SHANGHAI)));
      holder.find("#signingDays").clear();
      holder.type("#description", "Costume drama <b>bold</b>");
      holder.click("#create-listing");
      holder.waitText("[id='err-startingPrice']", "invalid-value");
      holder.waitText("[id='err-signingDays']", "is required");
      assertThat(holder.find("#startingPrice").getAttribute("value")).isEqualTo("12abc");
      assertThat(holder.find("#startingPrice").getAttribute("aria-invalid")).isEqualTo("true");
      assertThat(holder.find("#territories").getAttribute("value")).isEqualTo("CN");
      assertThat(holder.find("#description").getAttribute("value")).isEqualTo("Costume drama <b>bold</b>");
      assertThat(holder.find("input[name=media][value=SVOD]").isSelected()).isTrue();
      assertThat(holder.find("#termEnd").getAttribute("value")).isEqualTo("2028-12-31");
      assertThat(listingsOf(market)).as("nothing stored on a refusal").isEqualTo(before);
      scrollTo(holder, "[id='err-startingPrice']");
      holder.axe().screenshot("holder-listing-refused");

      // the settlement terms' payable preview, computed by the settlement module
      holder.type("#startingPrice", "1,000,000.00");
      holder.type("#signingDays", "5");
      holder.type("#minimumGuarantee", "100,000.00");
      new Select(holder.find("#basis")).selectByValue("GROSS");
      holder.type("#rateBasisPoints", "2500");
      holder.type("#sampleGross0", "300,000.00");
      holder.type("#sampleGross1", "200,000.00");
      holder.click("#preview");
      holder.waitText("#preview-table", "P2");
      List<WebElement> rows = holder.driver().findElements(By.cssSelector("#preview-table tbody tr"));
      assertThat(rows).hasSize(2);
      assertThat(rows.get(0).getText()).contains("CNY 300,000.00", "CNY 75,000.00");
      assertThat(listingsOf(market)).as("a preview stores nothing").isEqualTo(before);
      scrollTo(holder, "#preview-table");
      holder.axe().screenshot("holder-listing-preview");

      // the same form sent twice more (a double click, a resubmission) with this browser's session,
      // and then by its button: the page's form key makes it one listing
      String body = (String) holder.driver().executeScript("var d = new URLSearchParams(new FormData("
          + "document.querySelector('#listing-form'))); d.set('action', 'create'); return d.toString();");
      for (int i = 0; i < 2; i++) {
        java.net.http.HttpResponse<String> sent = resend(holder, body);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        assertThat(sent.headers().firstValue("Location").orElse("")).contains("/holder?created=");
      }
      assertThat(listingsOf(market)).as("one listing for a form sent twice").isEqualTo(before + 1);
      holder.click("#create-listing");
      holder.waitPath("/holder?created=");
      holder.find("#created");
      assertThat(listingsOf(market)).as("and still one after its button").isEqualTo(before + 1);
      String listing = holder.path().substring("/holder?created=".length());
      holder.waitText("#listing-" + listing + " .status", "Draft");
      holder.click("#listing-" + listing + " .submit-listing");
      holder.waitText("#listing-" + listing + " .status", "Waiting for review");

      try (Browser operator = Browser.open(port, "zh-CN")) {
        operator.signIn("admin", ADMIN_PASSWORD).waitText("h1", "待我处理的事项");
        operator.go("/operator").waitText("h1", "运营");
        operator.waitText("#review-" + listing, "Title of " + market.holderName);
        operator.axe().screenshot("operator-workspace");
        operator.type("#reason-" + rejected, "<b>window</b> overlaps");
        operator.click("#review-" + rejected + " button.reject");
        gone(operator, "review-" + rejected);
        operator.find("#done");
        operator.click("#review-" + listing + " button.approve");
        gone(operator, "review-" + listing);
        operator.find("#done");
        operator.waitText("#sale-" + listing + " .status", "ANNOUNCED");
        operator.axe();
        operator.go("/operator/organisations").waitText("#organisations", market.holderName.replace("holder-", ""));
        operator.axe();
      }

      holder.go("/holder");
      holder.waitText("#listing-" + listing + " .status", "Announced");
      WebElement reason = holder.find("#listing-" + rejected + " .reason");
      assertThat(reason.getText()).as("the operator's reason, as text").isEqualTo("<b>window</b> overlaps");
      assertThat(reason.findElements(By.tagName("b"))).isEmpty();
    }
  }

  @Test
  void the_holder_signs_a_contract_and_the_avails_grid_shows_now_and_a_past_day() {
    Market market = market().withTitle();
    String holderOrg = market.holder.get("/api/v1/me").get("organizationId");
    Instant beforeTheContract = Instant.now();
    ListingId listing = new ListingId(UUID.randomUUID().toString());
    ContractId id = ContractId.forListing(listing);
    commands.sendAndWait(new DraftContract(id, listing.value(), market.titleId, "Title of " + market.holderName,
        new PartyTerms(holderOrg, "Holder"), new PartyTerms("org-platform-" + market.holderName, "Platform"),
        new WindowTerms(List.of("CN"), List.of("SVOD"), List.of("zh"), LocalDate.parse("2030-01-01"),
            LocalDate.parse("2031-12-31")),
        true, false, 100_000_00, "CNY", 0, 3, null, Instant.now()));

    try (Browser holder = Browser.open(port, "en")) {
      holder.signIn(market.holderName, market.holderPassword).waitText("h1", "What needs my action now");
      holder.go("/holder").click(".contract-link");
      holder.waitPath("/holder/contracts/" + id.value());
      holder.waitText("#document", "reelx-licence");
      holder.axe().screenshot("holder-contract");
      holder.click("#sign-read").click("#sign");
      holder.find("#signed-by-me");
      String sha256 = contracts.find(id.value()).orElseThrow().documentSha256();
      commands.sendAndWait(new SignContract(id, "org-platform-" + market.holderName, "u-platform", sha256));
      assertThat(contracts.find(id.value()).orElseThrow().status()).isEqualTo(ContractStatus.ACTIVE);

      String grid = "/holder/titles/" + market.titleId + "?territories=CN+HK&language=zh&termStart=2030-01-01"
          + "&termEnd=2031-12-31&exclusive=true";
      holder.go(grid).find("#avails-grid");
      assertThat(state(holder, "CN/SVOD")).isEqualTo("GRANTED_EXCLUSIVE");
      assertThat(state(holder, "HK/SVOD")).isEqualTo("AVAILABLE");
      assertThat(holder.find("[data-cell='CN/SVOD'] .blocker").getText()).contains(id.value());
      scrollTo(holder, "#avails-grid");
      holder.axe().screenshot("holder-avails");
      LocalDate yesterday = LocalDate.now(Formats.SHANGHAI).minusDays(1);
      holder.go(grid + "&asOf=" + yesterday).waitText("#avails-when", yesterday.toString());
      assertThat(state(holder, "CN/SVOD")).as("nothing was held yesterday").isEqualTo("NOT_HELD");
      holder.axe();
    }
    // the same register folded from the event log at an instant between the holding and the contract
    AvailsRequest cnSvod = new AvailsRequest(new WindowTerms(List.of("CN"), List.of("SVOD"), List.of("zh"),
        LocalDate.parse("2030-01-01"), LocalDate.parse("2031-12-31")).toWindow(), true, false);
    assertThat(history.at(new TitleId(market.titleId), beforeTheContract).avails(cnSvod).available()).isTrue();
    assertThat(history.at(new TitleId(market.titleId), Instant.now()).avails(cnSvod).available()).isFalse();

    try (Browser operator = Browser.open(port, "en")) {
      operator.signIn("admin", ADMIN_PASSWORD).waitText("h1", "What needs my action now");
      operator.go("/operator/contracts").find("#contract-" + id.value());
      operator.axe();
      WebElement form = operator.find("#contract-" + id.value() + " form");
      form.findElement(By.name("reason")).sendKeys("licensee insolvent");
      operator.driver().executeScript("arguments[0].value = '2031-01-01'", form.findElement(By.name("effectiveFrom")));
      operator.click("#contract-" + id.value() + " button.terminate");
      operator.find("#done");
      operator.waitText("#contract-" + id.value() + " .status", "TERMINATED");
      assertThat(history.at(new TitleId(market.titleId), Instant.now()).avails(new AvailsRequest(
          new WindowTerms(List.of("CN"), List.of("SVOD"), List.of("zh"), LocalDate.parse("2031-01-01"),
              LocalDate.parse("2031-12-31")).toWindow(), true, false)).available())
          .as("the termination folded in: free from its effective date").isTrue();
    }
  }

  @Test
  void the_auditor_reads_a_timeline_and_replays_an_auction() throws InterruptedException {
    Market market = market().withTitle();
    Http platform = market.platform("Replay");
    Market.Opening opening = market.auctionOpeningSoon(Duration.ofSeconds(20), 1,
        listing -> market.qualify(platform, listing));
    ConcurrentBiddingTest.waitUntil(opening.start());
    Http.Response bid = platform.post("/api/v1/listings/" + opening.listing() + "/bids",
        Map.of("amount", 1000, "currency", "CNY"));
    assertThat(bid.status()).as(bid.body()).isEqualTo(201);
    String adminOrg = market.admin.get("/api/v1/me").get("organizationId");
    String auditor = "auditor-" + market.holderName;
    Http.Response created = market.admin.post("/api/v1/users", Map.of("username", auditor, "password",
        "auditor-password-1", "displayName", "Auditor", "organizationId", adminOrg, "roles", List.of("AUDITOR")));
    assertThat(created.status()).as(created.body()).isEqualTo(201);

    try (Browser browser = Browser.open(port, "en")) {
      browser.signIn(auditor, "auditor-password-1").waitText("h1", "What needs my action now");
      browser.click("a[href='/audit']").waitText("h1", "Audit");
      browser.axe();
      browser.type("#audit-id", opening.listing()).click("#audit-show");
      browser.waitText("#timeline", "ListingCreated");
      browser.waitText("#timeline", "ListingApproved");
      browser.waitText("#timeline", "BidPlaced");
      browser.axe().screenshot("auditor-timeline");
      browser.click("#replay-link");
      browser.waitText("#replay", "Bidding opened");
      browser.waitText("#replay", "CNY 10.00");
      browser.axe();
      assertThat(browser.driver().findElements(By.cssSelector("form[method=post]")))
          .as("read-only: no form but signing out").hasSize(1);
    }
  }

  /** The listing form's body posted again with the browser's session cookie (as a resubmission does). */
  private java.net.http.HttpResponse<String> resend(Browser browser, String body) {
    try {
      return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
              java.net.URI.create("http://localhost:" + port + "/holder/listings"))
          .header("Cookie", "reelx_session=" + browser.cookie("reelx_session"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void scrollTo(Browser browser, String css) {
    browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'})", browser.find(css));
  }

  private static void gone(Browser browser, String id) {
    new WebDriverWait(browser.driver(), Browser.WAIT).until(d -> d.findElements(By.id(id)).isEmpty());
  }

  private static long listingsOf(Market market) {
    return market.holder.get("/api/v1/listings?size=100").json().get("totalItems").asLong();
  }

  private static String state(Browser browser, String cell) {
    return browser.find("[data-cell='" + cell + "']").getAttribute("data-state");
  }

  /** Sets a date or date-time input (their typing differs between locales). */
  private static void set(Browser browser, String css, String value) {
    browser.driver().executeScript("arguments[0].value = arguments[1]", browser.find(css), value);
  }
}
