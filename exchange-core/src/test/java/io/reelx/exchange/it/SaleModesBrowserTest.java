package io.reelx.exchange.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * The fixed-price page and the sealed-bid room in real browsers. Fixed price: the platform buys at
 * the price (one purchase for a form sent twice, a request without the CSRF token refused, a
 * refusal shown next to the button in the user's language) and the result appears live. Sealed
 * bid: each bidder sees its own bids and only the count of the others', never their amounts or a
 * current high. Every wait is for a state.
 */
class SaleModesBrowserTest extends IntegrationTest {

  /** Long enough that no sale closes during a test, however busy the machine. */
  private static final Duration OPEN = Duration.ofMinutes(30);
  private static final Duration OPENING = Duration.ofMinutes(5);

  @Test
  void a_platform_buys_at_the_fixed_price() throws Exception {
    Market market = market().withTitle();
    market.saleMode = "FIXED_PRICE";
    market.platform("Guava");
    market.platform("Kiwi");
    String guava = username(market, "Guava");
    String kiwi = username(market, "Kiwi");
    Http guavaApi = Http.basic(port, guava, market.holderPassword);
    Http kiwiApi = Http.basic(port, kiwi, market.holderPassword);
    String listing = market.auctionOpeningSoon(OPEN, 60, id -> {
      market.qualify(guavaApi, id);
      market.qualify(kiwiApi, id);
    }).listing();

    try (Browser a = Browser.open(port, "en"); Browser b = Browser.open(port, "zh-CN")) {
      a.signIn(guava, market.holderPassword).waitPath("/");
      b.signIn(kiwi, market.holderPassword).waitPath("/");
      for (Browser browser : List.of(a, b)) {
        browser.go("/market/" + listing + "/room");
        new WebDriverWait(browser.driver(), OPENING).ignoring(StaleElementReferenceException.class).until(d ->
            "BIDDING".equals(browser.find("#phase").getAttribute("data-status")));
      }
      a.waitText("#fixed-price", "CNY 10.00");
      assertThat(a.driver().findElements(By.id("amount"))).as("no bid box at a fixed price").isEmpty();
      a.axe();
      b.waitText("#buy", "CNY 10.00");

      // without the session's CSRF token: refused, nothing bought
      String cookie = "reelx_session=" + a.cookie("reelx_session");
      String csrf = a.driver().findElement(By.cssSelector("#buy-form input[name=_csrf]")).getAttribute("value");
      assertThat(postBuy(listing, cookie, null, "buy-csrf-probe-1")).isEqualTo(403);
      assertThat(market.admin.get("/api/v1/listings/" + listing + "/bids").json().get("bids").size()).isZero();

      // the same form sent twice buys once
      String key = a.driver().findElement(By.id("bid-key")).getAttribute("value");
      assertThat(List.of(postBuy(listing, cookie, csrf, key), postBuy(listing, cookie, csrf, key)))
          .containsOnly(200);
      JsonNode book = market.admin.get("/api/v1/listings/" + listing + "/bids").json();
      assertThat(book.get("bids").size()).as("one purchase").isEqualTo(1);

      // both rooms show the result without a reload; a late buyer is refused in its language
      a.waitText("#result", "Awarded to").waitText("#you-won", "You won");
      b.waitText("#result", "成交");
      b.click("#buy");
      b.waitText("#bid-refusal", "竞价已结束");
      assertThat(market.admin.get("/api/v1/listings/" + listing + "/bids").json().get("bids").size()).isEqualTo(1);
      b.axe();

      // Guava's own form was the one sent twice: a third send is the same purchase, not a new one
      a.click("#buy");
      a.waitText("#bought", "already made");
      a.axe().screenshot("room-fixed-price");
    }
  }

  @Test
  void sealed_bidders_see_their_own_bids_and_only_the_count_of_others() throws Exception {
    Market market = market().withTitle();
    market.saleMode = "SEALED_BID";
    market.platform("Papaya");
    market.platform("Pomelo");
    String papaya = username(market, "Papaya");
    String pomelo = username(market, "Pomelo");
    Http papayaApi = Http.basic(port, papaya, market.holderPassword);
    Http pomeloApi = Http.basic(port, pomelo, market.holderPassword);
    String listing = market.auctionOpeningSoon(OPEN, 60, id -> {
      market.qualify(papayaApi, id);
      market.qualify(pomeloApi, id);
    }).listing();

    try (Browser a = Browser.open(port, "en"); Browser b = Browser.open(port, "zh-CN")) {
      a.signIn(papaya, market.holderPassword).waitPath("/");
      b.signIn(pomelo, market.holderPassword).waitPath("/");
      for (Browser browser : List.of(a, b)) {
        browser.go("/market/" + listing + "/room");
        new WebDriverWait(browser.driver(), OPENING).ignoring(StaleElementReferenceException.class).until(d ->
            "BIDDING".equals(browser.find("#phase").getAttribute("data-status")));
      }
      a.find("#sealed-hint");
      a.axe();

      a.type("#amount", "15.00").click("#place-bid");
      a.waitText("#bid-feedback", "CNY 15.00");
      a.waitText("#ladder tr.mine", "CNY 15.00");
      // the other room learns of a bid, live, but only that there is one
      b.waitText("#sealed-count", "1");
      assertThat(b.find("#ladder").getText()).doesNotContain("15.00");

      b.type("#amount", "12.00").click("#place-bid");
      b.waitText("#bid-feedback", "CNY 12.00");
      b.waitText("#ladder tr.mine", "CNY 12.00");
      for (Browser browser : List.of(a, b)) {
        browser.waitText("#sealed-count", "2");
        assertThat(browser.driver().findElements(By.id("current-high"))).as("no current high while sealed").isEmpty();
      }
      a.waitText("#position", "Your sealed bid is in");
      b.waitText("#position", "您的密封出价已提交");
      assertThat(a.find("#ladder").getText()).contains("15.00").doesNotContain("12.00");
      assertThat(b.find("#ladder").getText()).contains("12.00").doesNotContain("15.00");
      assertThat(a.driver().findElements(By.cssSelector("#ladder tbody tr:not(.mine)"))).isEmpty();

      // a refusal next to the bid box, in the user's language
      b.type("#amount", "5.00").click("#place-bid");
      b.waitText("#bid-refusal", "起拍价");
      b.axe().screenshot("room-sealed-zh");
      a.axe().screenshot("room-sealed-en");
    }
  }

  private static String username(Market market, String name) {
    return (name + "-" + market.holderName).toLowerCase().replaceAll("[^a-z0-9-]", "-");
  }

  private int postBuy(String listing, String cookie, String csrf, String key) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/market/" + listing
            + "/buy"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Cookie", cookie)
        .header("HX-Request", "true")
        .POST(HttpRequest.BodyPublishers.ofString("key=" + key));
    if (csrf != null) {
      request.header("X-CSRF-Token", csrf);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
  }
}
