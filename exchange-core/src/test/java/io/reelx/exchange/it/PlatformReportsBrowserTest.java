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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The platform's reports and the holder's statements in a real browser: the platform signs its
 * contract on its page; a CSV with bad lines is refused with every error by line number (the
 * report endpoint's reasons and codes) and nothing is stored, a bad value shown as text; a good
 * CSV shows its statement; the line-entry form refuses a bad row next to the field, keeping what
 * was typed, and a form sent twice stores one report (a restatement); the holder sees the
 * statements with the chart, the table of the same figures and the restatement's adjustment, and
 * downloads the CSV; another organisation's platform gets "not found". axe-core on every page.
 */
class PlatformReportsBrowserTest extends IntegrationTest {

  private static final String XSS = "<img src=x onerror=window.__xss=1>";
  private static final String HEADER = "episode,territory,channel,views,watch_hours,gross_minor,currency\n";

  @Autowired CommandGateway commands;
  @Autowired ContractRegister contracts;

  @Test
  void the_platform_reports_revenue_and_the_holder_reads_its_statements() throws IOException {
    Market market = market().withTitle();
    String holderOrg = market.holder.get("/api/v1/me").get("organizationId");
    Http platform = market.platform("Stream");
    String platformOrg = platform.get("/api/v1/me").get("organizationId");
    market.platform("Outsider");
    ContractId contract = contractToSign(market, holderOrg, platformOrg);
    String id = contract.value();
    String base = "/api/v1/contracts/" + id;

    try (Browser browser = Browser.open(port, "en")) {
      browser.signIn(username("Stream", market), market.holderPassword).waitText("h1", "What needs my action now");
      assertThat(browser.find(By.xpath("//ul[@class='actions']/li[contains(., 'contracts to sign')]//strong")).getText())
          .as("the home page counts the contract to sign").isEqualTo("1");
      browser.click("a[href='/platform']").waitText("h1", "My contracts and reports");
      browser.find("#to-sign .sign-link");
      browser.axe().screenshot("platform-workspace");

      // the platform signs on its contract page: the contract becomes active, settlement opens its agreement
      browser.click("#to-sign .sign-link").waitPath("/platform/contracts/" + id);
      browser.waitText("#document", "reelx-licence");
      browser.axe();
      browser.click("#sign-read").click("#sign");
      browser.find("#signed-by-me");
      assertThat(contracts.find(id).orElseThrow().status()).isEqualTo(ContractStatus.ACTIVE);
      new WebDriverWait(browser.driver(), Browser.WAIT).until(d -> {
        d.navigate().refresh();
        return !d.findElements(By.id("report-new")).isEmpty();
      });
      browser.axe();

      // a CSV with bad lines: every error by its line number, the bad value shown as text, nothing stored
      browser.click("#report-new").waitText("h1", "Revenue report");
      browser.axe();
      fillCsvForm(browser, "2027-03", "4,000.00", csv(HEADER
          + "S01E01,CN,SVOD,1000,250.5,600000,CNY\n"
          + "S01E02,china,\"" + XSS + "\",800,120.25,400000,CNY\n"
          + "S01E03,CN,AVOD,x,1,100,CNY\n"));
      browser.click("#upload-csv");
      browser.waitText("#report-refused", "Nothing was stored");
      assertThat(lineErrors(browser)).contains("3 territory", "3 channel", "4 views");
      WebElement errors = browser.find("#line-errors");
      assertThat(errors.getText()).as("the bad value as text").contains(XSS);
      assertThat(errors.findElements(By.tagName("img"))).isEmpty();
      assertThat(browser.driver().executeScript("return window.__xss === undefined")).isEqualTo(true);
      assertThat(browser.find("#csv-declared").getAttribute("value")).as("what was typed is kept").isEqualTo("4,000.00");
      assertThat(reports(platform, base)).as("nothing stored").isZero();
      browser.axe().screenshot("platform-report-refused");

      // the good file: stored, and its statement shown (GROSS 40%: 1,000,000 minor -> payable CNY 4,000.00)
      fillCsvForm(browser, "2027-03", "4,000.00", csv(HEADER
          + "S01E01,CN,SVOD,1000,250.5,600000,CNY\n"
          + "S01E02,CN,AVOD,800,120.25,400000,CNY\n"));
      browser.click("#upload-csv");
      browser.waitPath("/platform/contracts/" + id + "/statements/2027-03-v1");
      browser.find("#reported");
      assertThat(browser.find(".figures td.payable").getText()).isEqualTo("CNY 4,000.00");
      assertThat(reports(platform, base)).isEqualTo(1);
      browser.axe().screenshot("platform-statement");
      String csv = fetch(browser, "#statement-csv");
      assertThat(csv).startsWith("section,item,basis_points,amount_minor,currency");

      // the line form: a bad row refused next to its field, what was typed kept, nothing stored
      browser.go("/platform/contracts/" + id + "/reports/new?period=2027-03").find("#lines-form");
      browser.type("#lines-declared", "4,800.00");
      row(browser, 0, "S01E01<b>", "CN", "SVOD", "1000", "250.5", "7,000.00");
      row(browser, 1, "S01E02", "CN", "AVOD", "lots", "120.25", "5,000.0x");
      browser.click("#submit-lines");
      browser.waitText("[id='err-lines[1].views']", "invalid-value");
      browser.waitText("[id='err-lines[1].gross']", "invalid-value");
      assertThat(browser.find("#episode-0").getAttribute("value")).isEqualTo("S01E01<b>");
      assertThat(browser.find("#gross-1").getAttribute("value")).isEqualTo("5,000.0x");
      assertThat(browser.find("#views-1").getAttribute("aria-invalid")).isEqualTo("true");
      assertThat(reports(platform, base)).as("nothing stored").isEqualTo(1);
      browser.axe();
      browser.type("#lines-currency", "QQQ").click("#submit-lines");
      browser.waitText("[id='err-currency']", "ISO 4217");
      assertThat(browser.find("#lines-currency").getAttribute("value")).isEqualTo("QQQ");
      browser.type("#lines-currency", "CNY");

      // corrected, and sent twice more (a double click, a resubmission) before its button: one restatement
      browser.type("#views-1", "800");
      browser.type("#gross-1", "5,000.00");
      String body = (String) browser.driver().executeScript("var d = new URLSearchParams(new FormData("
          + "document.querySelector('#lines-form'))); d.set('action', 'submit'); return d.toString();");
      for (int i = 0; i < 2; i++) {
        HttpResponse<String> sent = post(browser, "/platform/contracts/" + id + "/reports/lines", body);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        assertThat(sent.headers().firstValue("Location").orElse("")).contains("/statements/2027-03-v2");
      }
      browser.click("#submit-lines");
      browser.waitPath("/platform/contracts/" + id + "/statements/2027-03-v2");
      assertThat(browser.find(".figures td.payable").getText()).isEqualTo("CNY 4,800.00");
      assertThat(browser.find(".adjustment-payable").getText()).isEqualTo("CNY 800.00");
      assertThat(reports(platform, base)).as("one report for a form sent three times").isEqualTo(2);

      // statements and invoices on the contract page
      browser.go("/platform/contracts/" + id).find("#statements");
      assertThat(browser.driver().findElements(By.cssSelector("#statements tbody tr"))).hasSize(2);
      browser.find("#invoices");
      browser.axe();
      serverTimes(browser, List.of("/", "/platform", "/platform/contracts/" + id,
          "/platform/contracts/" + id + "/statements/2027-03-v2", "/platform/contracts/" + id + "/reports/new"));
    }

    try (Browser holder = Browser.open(port, "en")) {
      holder.signIn(market.holderName, market.holderPassword).waitText("h1", "What needs my action now");
      holder.go("/holder").click("#statements-received").waitText("h1", "Statements received");
      holder.axe();
      holder.click("#statements-" + id + " .statements-link").waitPath("/holder/statements/" + id);
      new WebDriverWait(holder.driver(), Browser.WAIT)
          .until(d -> "1".equals(d.findElement(By.id("payable-chart")).getAttribute("data-points")));
      WebElement row = holder.find("#payable-table tbody tr[data-period='2027-03']");
      assertThat(row.getAttribute("data-minor")).isEqualTo("480000");
      assertThat(row.findElement(By.cssSelector("td.payable")).getText()).isEqualTo("CNY 4,800.00");
      assertThat(holder.driver().findElements(By.cssSelector("#period-2027-03 details"))).hasSize(2);
      assertThat(holder.find("#version-2027-03-v2 .adjustment").getText()).contains("2027-03-v1");
      holder.axe().screenshot("holder-statements");
      String downloaded = fetch(holder, "#payable-table a.statement-csv");
      assertThat(downloaded).startsWith("section,item,basis_points,amount_minor,currency").contains("480000");

      holder.go("/holder/statements/" + id + "?lang=zh-CN").waitText("h1", "的结算单");
      holder.waitText("#payable-table caption", "各期应付金额");
      new WebDriverWait(holder.driver(), Browser.WAIT)
          .until(d -> "1".equals(d.findElement(By.id("payable-chart")).getAttribute("data-points")));
      holder.axe();
      serverTimes(holder, List.of("/", "/holder/statements", "/holder/statements/" + id));
    }

    try (Browser outsider = Browser.open(port, "en")) {
      outsider.signIn(username("Outsider", market), market.holderPassword).waitText("h1", "What needs my action now");
      for (String path : List.of("/platform/contracts/" + id, "/platform/contracts/" + id + "/statements/2027-03-v1",
          "/platform/contracts/" + id + "/statements/2027-03-v1/csv", "/platform/contracts/" + id + "/reports/new")) {
        assertThat(get(outsider, path).statusCode()).as(path).isEqualTo(404);
      }
      outsider.go("/platform/contracts/" + id + "/statements/2027-03-v1").waitText("h1", "Not found");
      assertThat(outsider.driver().getPageSource()).doesNotContain("4,800.00");
      outsider.axe();
    }
  }

  private ContractId contractToSign(Market market, String holderOrg, String platformOrg) {
    ListingId listing = new ListingId(UUID.randomUUID().toString());
    ContractId id = ContractId.forListing(listing);
    commands.sendAndWait(new DraftContract(id, listing.value(), market.titleId, "Title of " + market.holderName,
        new PartyTerms(holderOrg, "Holder"), new PartyTerms(platformOrg, "Stream"),
        new WindowTerms(List.of("CN"), List.of("SVOD"), List.of("zh"), LocalDate.parse("2027-01-01"),
            LocalDate.parse("2028-12-31")), false, false, 1_000_000, "CNY", 0, 3,
        ListingSettlementTerms.simple(null, null, "GROSS", 4000, null), Instant.now()));
    commands.sendAndWait(new SignContract(id, holderOrg, "u-" + holderOrg,
        contracts.find(id.value()).orElseThrow().documentSha256()));
    return id;
  }

  private static String username(String name, Market market) {
    return (name + "-" + market.holderName).toLowerCase().replaceAll("[^a-z0-9-]", "-");
  }

  private static long reports(Http platform, String base) {
    Http.Response r = platform.get(base + "/revenue-reports");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().size();
  }

  private static Path csv(String content) throws IOException {
    Path file = Files.createTempFile("report-", ".csv");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    file.toFile().deleteOnExit();
    return file;
  }

  private static void fillCsvForm(Browser browser, String period, String declared, Path file) {
    browser.driver().executeScript("arguments[0].value = arguments[1]", browser.find("#csv-period"), period);
    browser.type("#csv-declared", declared);
    browser.find("#csv-file").sendKeys(file.toAbsolutePath().toString());
  }

  private static void row(Browser browser, int i, String... values) {
    String[] names = {"episode", "territory", "channel", "views", "watchHours", "gross"};
    for (int c = 0; c < names.length; c++) {
      browser.type("#" + names[c] + "-" + i, values[c]);
    }
  }

  /** "line field" of each refused CSV line shown. */
  private static List<String> lineErrors(Browser browser) {
    return browser.driver().findElements(By.cssSelector("#line-errors tbody tr")).stream()
        .map(tr -> tr.findElement(By.tagName("th")).getText() + " " + tr.findElements(By.tagName("td")).get(0).getText())
        .toList();
  }

  /** The text behind a download link, fetched by the page itself (its session). */
  private static String fetch(Browser browser, String css) {
    String href = browser.find(css).getAttribute("href");
    return (String) browser.driver().executeAsyncScript("var done = arguments[arguments.length - 1];"
        + "fetch(arguments[0]).then(function (r) { return r.text(); }).then(done).catch(function (e) { done('' + e); });",
        href);
  }

  /**
   * Prints each page's server time (its Server-Timing "app", p50 and p95 of 20) next to the home
   * page's, measured in the same run: a figure for the report, not an assertion (the machine is shared).
   */
  private void serverTimes(Browser browser, List<String> paths) {
    for (String path : paths) {
      List<Double> times = new java.util.ArrayList<>();
      for (int i = 0; i < 20; i++) {
        HttpResponse<String> page = get(browser, path);
        assertThat(page.statusCode()).as(path).isEqualTo(200);
        String timing = page.headers().firstValue("Server-Timing").orElse("app;dur=-1");
        times.add(Double.parseDouble(timing.substring(timing.indexOf("dur=") + 4)));
      }
      java.util.Collections.sort(times);
      System.out.printf(java.util.Locale.ROOT, "server time %-60s p50 %6.1f ms  p95 %6.1f ms  (%d bytes)%n", path,
          times.get(9), times.get(18), get(browser, path).body().length());
    }
  }

  private HttpResponse<String> get(Browser browser, String path) {
    return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Cookie", "reelx_session=" + browser.cookie("reelx_session")).GET().build());
  }

  private HttpResponse<String> post(Browser browser, String path, String form) {
    return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Cookie", "reelx_session=" + browser.cookie("reelx_session"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build());
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
