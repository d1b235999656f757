package io.reelx.exchange.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * The market and the live auction room in two real browsers (two platforms, one in English, one in
 * Chinese): both watch the room open, bid against each other live, and each sees the other's bid,
 * the new high and the countdown restarting without reloading; refusals appear next to the bid
 * box in the user's language; a form sent twice places one bid; a request without the CSRF token
 * is refused; the close and its result appear in both rooms. Titles are escaped (an XSS attempt
 * renders as text), and axe-core finds no critical or serious violation on any page visited.
 */
class LiveAuctionRoomBrowserTest extends IntegrationTest {

  private static final Duration CLOSE = Duration.ofSeconds(120);

  @Test
  void two_platforms_bid_against_each_other_live() throws Exception {
    Market market = market().withTitle();
    market.platform("Bamboo");
    market.platform("Lychee");
    String bamboo = username(market, "Bamboo");
    String lychee = username(market, "Lychee");
    Http bambooApi = Http.basic(port, bamboo, market.holderPassword);
    Http lycheeApi = Http.basic(port, lychee, market.holderPassword);
    // a countdown of 40 s from one second after the opening: every bid below restarts it
    Market.Opening opening = market.auctionOpeningSoon(Duration.ofSeconds(1), 40, id -> {
      market.qualify(bambooApi, id);
      market.qualify(lycheeApi, id);
    });
    String listing = opening.listing();

    try (Browser a = Browser.open(port, "en"); Browser b = Browser.open(port, "zh-CN")) {
      a.signIn(bamboo, market.holderPassword).waitPath("/");
      b.signIn(lychee, market.holderPassword).waitPath("/");
      a.go("/market/" + listing + "/room");
      b.go("/market/" + listing + "/room");
      // the rooms open while the sale is announced; the opening and the countdown arrive live
      for (Browser browser : List.of(a, b)) {
        new WebDriverWait(browser.driver(), CLOSE).ignoring(StaleElementReferenceException.class).until(d ->
            "COUNTDOWN".equals(browser.find("#phase").getAttribute("data-status")));
      }
      a.axe();
      b.axe();

      // Bamboo bids the pre-filled lowest valid bid (the starting price)
      String closesBefore = closesAt(b);
      assertThat(a.find("#amount").getAttribute("value")).isEqualTo("10.00");
      a.click("#place-bid");
      a.waitText("#bid-feedback", "Your bid of CNY 10.00 is placed");
      for (Browser browser : List.of(a, b)) {
        browser.waitText("#current-high", "CNY 10.00");
      }
      waitForRestart(b, closesBefore);
      a.waitText("#position", "You are the highest bidder");
      b.waitText("#position", "您尚未出价");
      assertThat(a.find("#ladder tr.mine").getText()).contains("(you)");

      // Lychee's box now holds the next valid bid; one increment more, and bid
      String closesAfterFirst = closesAt(a);
      new WebDriverWait(b.driver(), Browser.WAIT).ignoring(StaleElementReferenceException.class).until(d -> "11.00".equals(b.find("#amount").getAttribute("value")));
      b.click("#bid-plus");
      assertThat(b.find("#amount").getAttribute("value")).isEqualTo("12.00");
      b.click("#place-bid");
      b.waitText("#bid-feedback", "CNY 12.00");
      for (Browser browser : List.of(a, b)) {
        browser.waitText("#current-high", "CNY 12.00");
      }
      waitForRestart(a, closesAfterFirst);
      a.waitText("#position", "You have been outbid");
      b.waitText("#position", "您是当前最高出价者");
      b.screenshot("room-zh");

      // refusals next to the bid box, in the user's language, nothing placed
      a.type("#amount", "11.00").click("#place-bid");
      a.waitText("#bid-refusal", "Outbid");
      a.type("#amount", "12.50").click("#place-bid");
      a.waitText("#bid-refusal", "whole number of increments");
      b.type("#amount", "abc").click("#place-bid");
      b.waitText("#bid-refusal", "请输入金额");
      a.axe().screenshot("room-en");

      // the same form sent twice (a double click, a resent form) places one bid
      String key = a.driver().findElement(By.id("bid-key")).getAttribute("value");
      String csrf = a.driver().findElement(By.cssSelector("#bid-form input[name=_csrf]")).getAttribute("value");
      String cookie = "reelx_session=" + a.cookie("reelx_session");
      int first = postBid(listing, cookie, csrf, key, "13.00");
      int second = postBid(listing, cookie, csrf, key, "13.00");
      assertThat(List.of(first, second)).containsOnly(200);
      a.waitText("#current-high", "CNY 13.00");
      JsonNode book = market.admin.get("/api/v1/listings/" + listing + "/bids").json();
      assertThat(book.get("bids").valueStream().filter(bid -> bid.get("amount").asLong() == 1300).count())
          .as("one bid of 13.00").isEqualTo(1);

      // a request without the session's CSRF token is refused, and places nothing
      assertThat(postBid(listing, cookie, null, "csrf-probe-key-1", "20.00")).isEqualTo(403);
      assertThat(postBid(listing, cookie, "forged-token", "csrf-probe-key-2", "20.00")).isEqualTo(403);
      assertThat(market.admin.get("/api/v1/listings/" + listing + "/bids").json().get("currentHigh").asLong())
          .isEqualTo(1300);

      // the close appears in both rooms without a reload
      for (Browser browser : List.of(a, b)) {
        new WebDriverWait(browser.driver(), CLOSE).ignoring(StaleElementReferenceException.class).until(d -> !browser.driver().findElements(By.id("result")).isEmpty());
      }
      a.waitText("#result", "Awarded to").waitText("#you-won", "You won");
      b.waitText("#result", "成交");
      b.axe();

      // the market lists it, the listing page shows the registration
      a.go("/market?status=AWARDED");
      a.find("#market-table");
      a.axe().screenshot("market");
      a.go("/market/" + listing);
      a.waitText("#registration-state", "Qualified to bid");
      a.axe();
    }
  }

  @Test
  void a_platform_registers_in_the_browser_and_titles_are_escaped() throws Exception {
    Market market = market().withTitle();
    String attack = "<script>alert(1)</script><img src=x onerror=alert(2)>";
    Http.Response title = market.holder.post("/api/v1/titles", Map.of("name", attack, "kind", "SERIES",
        "episodes", 12, "minutesPerEpisode", 40, "originalLanguage", "zh", "productionYear", 2025));
    assertThat(title.status()).as(title.body()).isEqualTo(201);
    market.titleId = title.get("id");
    Http.Response holding = market.holder.post("/api/v1/titles/" + market.titleId + "/holdings", Map.of(
        "territories", List.of("GREATER_CHINA"), "media", List.of("ALL_MEDIA"), "languages", List.of("zh"),
        "termStart", "2026-01-01", "termEnd", "2035-12-31", "exclusive", true, "sublicensable", false,
        "evidenceSha256", "b".repeat(64)));
    assertThat(holding.status()).as(holding.body()).isEqualTo(201);
    Instant start = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    String listing = market.announcedAuction(start, start.plus(1, ChronoUnit.DAYS), 60);
    market.platform("Mango");
    String mango = username(market, "Mango");

    try (Browser browser = Browser.open(port, "zh-CN")) {
      browser.signIn(mango, market.holderPassword).waitPath("/");
      browser.go("/market/" + listing);
      assertThat(browser.find("h1").getText()).isEqualTo(attack);
      assertThat(browser.driver().findElements(By.cssSelector("main img"))).as("no injected element").isEmpty();
      assertNoAlert(browser);
      browser.waitText("#registration", "报名");
      browser.axe();
      browser.click("#register");
      browser.waitText("#registration-state", "等待缴纳保证金");
      String code = browser.find("#bidder-code").getText();
      assertThat(code).isNotBlank();
      browser.screenshot("registration-zh");

      // the operator qualifies it; the page shows it
      JsonNode registrations = market.admin.get("/api/v1/listings/" + listing + "/registrations").json();
      String registrationId = registrations.get(0).get("id").asString();
      assertThat(market.admin.post("/api/v1/listings/" + listing + "/registrations/" + registrationId + "/qualify",
          null).status()).isEqualTo(200);
      browser.go("/market/" + listing);
      browser.waitText("#registration-state", "已取得竞买资格");
      browser.go("/market/" + listing + "/room");
      assertThat(browser.find("h1").getText()).contains(attack);
      browser.waitText("#position", "您尚未出价");
      assertNoAlert(browser);
      browser.axe();

      // a phone's width: nothing wider than the screen
      browser.resize(360, 800);
      browser.go("/market/" + listing + "/room");
      browser.find("#bid-form");
      Object width = browser.driver().executeScript("return document.documentElement.scrollWidth");
      assertThat(((Number) width).longValue()).as("page width at 360 px").isLessThanOrEqualTo(360);
      browser.screenshot("room-360");
    }
  }

  private static void assertNoAlert(Browser browser) {
    try {
      browser.driver().switchTo().alert();
      throw new AssertionError("a script ran: an alert is open");
    } catch (NoAlertPresentException expected) {
      // escaped
    }
  }

  private static String username(Market market, String name) {
    return (name + "-" + market.holderName).toLowerCase().replaceAll("[^a-z0-9-]", "-");
  }

  private static String closesAt(Browser browser) {
    return browser.find("#closes-at").getAttribute("datetime");
  }

  /** Waits until the room shows a later close than {@code before}: the countdown restarted. */
  private static void waitForRestart(Browser browser, String before) {
    new WebDriverWait(browser.driver(), Browser.WAIT).ignoring(StaleElementReferenceException.class).until(d -> {
      String now = closesAt(browser);
      return now != null && !now.equals(before);
    });
  }

  private int postBid(String listing, String cookie, String csrf, String key, String amount) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/market/" + listing
            + "/bids"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Cookie", cookie)
        .header("HX-Request", "true")
        .POST(HttpRequest.BodyPublishers.ofString("amount=" + amount + "&key=" + key));
    if (csrf != null) {
      request.header("X-CSRF-Token", csrf);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
  }
}
