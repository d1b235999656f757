package io.reelx.exchange.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelx.exchange.contract.command.DraftContract;
import io.reelx.exchange.contract.domain.ContractId;
import io.reelx.exchange.contract.domain.PartyTerms;
import io.reelx.exchange.listing.domain.ListingId;
import io.reelx.exchange.rights.domain.WindowTerms;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every page works on a phone (360 x 740) and on a wide screen (1440 px): for each role (rights
 * holder, platform, finance, operator, auditor) the test signs in and follows every link of the
 * workspace from the home page (one page of each kind: {@code /market/<id>} once; plus the pages
 * reached by typing: the 404 page, the avails grid, the audit timeline and replay), and on each page
 * at both widths the page body does not scroll sideways ({@code document.scrollingElement.scrollWidth}
 * at most the viewport's width; wide tables scroll in their own container). A failure names the
 * page and the elements sticking out.
 */
class PhoneWidthBrowserTest extends IntegrationTest {

  private static final Logger log = LoggerFactory.getLogger(PhoneWidthBrowserTest.class);
  private static final int PHONE = 360;
  private static final int WIDE = 1440;
  /** Enough for every page of a workspace; a bound so that a link loop cannot run on. */
  private static final int MAX_PAGES = 40;

  /** Elements wider than the viewport that no scrolling container of theirs holds. */
  private static final String OVERFLOW = """
      var w = document.documentElement.clientWidth, out = [];
      function scrolls(e) {
        for (var p = e.parentElement; p && p !== document.body; p = p.parentElement) {
          var o = getComputedStyle(p).overflowX;
          if (o === 'auto' || o === 'scroll' || o === 'hidden') return true;
        }
        return false;
      }
      document.querySelectorAll('body *').forEach(function (e) {
        var r = e.getBoundingClientRect();
        if (r.width > 0 && r.right > w + 0.5 && !scrolls(e) && out.length < 6) {
          out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined
              ? '.' + String(e.className).trim().replace(/\\s+/g, '.') : '') + ' right=' + Math.round(r.right));
        }
      });
      return out;""";

  @Autowired CommandGateway commands;

  @Test
  void every_page_of_every_role_fits_a_phone_and_a_wide_screen() {
    Market market = market().withTitle();
    Instant start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    String listing = market.announcedAuction(start, start.plus(1, ChronoUnit.DAYS), 60);
    market.draftListing();
    Http platform = market.platform("Kumquat");
    assertThat(platform.post("/api/v1/listings/" + listing + "/registrations", null).status()).isEqualTo(201);
    String holderOrg = market.holder.get("/api/v1/me").get("organizationId");
    String platformOrg = platform.get("/api/v1/me").get("organizationId");
    ListingId sold = new ListingId(UUID.randomUUID().toString());
    commands.sendAndWait(new DraftContract(ContractId.forListing(sold), sold.value(), market.titleId,
        "Title of " + market.holderName, new PartyTerms(holderOrg, "Holder"), new PartyTerms(platformOrg, "Kumquat"),
        new WindowTerms(List.of("CN"), List.of("SVOD"), List.of("zh"), LocalDate.parse("2030-01-01"),
            LocalDate.parse("2031-12-31")), true, false, 100_000_00, "CNY", 0, 3, null, Instant.now()));
    String adminOrg = market.admin.get("/api/v1/me").get("organizationId");
    Map<String, String> users = new LinkedHashMap<>();
    users.put(market.holderName, market.holderPassword);
    users.put(("Kumquat-" + market.holderName).toLowerCase().replaceAll("[^a-z0-9-]", "-"), market.holderPassword);
    for (String role : List.of("FINANCE", "AUDITOR")) {
      String username = role.toLowerCase() + "-" + market.holderName;
      Http.Response created = market.admin.post("/api/v1/users", Map.of("username", username, "password",
          market.holderPassword, "displayName", role, "organizationId", adminOrg, "roles", List.of(role)));
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      users.put(username, market.holderPassword);
    }
    users.put("admin", ADMIN_PASSWORD);

    List<String> failures = new ArrayList<>();
    int visited = 0;
    try (Browser browser = Browser.open(port, "en")) {
      browser.resize(PHONE, 740).go("/login").find("#login-form");
      visited += check(browser, "/login", PHONE, failures);
      for (Map.Entry<String, String> user : users.entrySet()) {
        browser.resize(WIDE, 1000);
        browser.driver().manage().deleteAllCookies();
        browser.signIn(user.getKey(), user.getValue()).waitPath("/");
        browser.find("h1");
        List<String> pages = crawl(browser, seeds(user.getKey(), market, listing));
        assertThat(pages).as("pages of " + user.getKey()).hasSizeGreaterThan(1);
        log.info("{} reaches {} pages: {}", user.getKey(), pages.size(), pages);
        for (String page : pages) {
          browser.resize(WIDE, 1000).go(page);
          visited += check(browser, user.getKey() + " " + page, WIDE, failures);
          browser.resize(PHONE, 740).go(page);
          visited += check(browser, user.getKey() + " " + page, PHONE, failures);
        }
        if (user.getKey().equals("admin")) {
          browser.resize(PHONE, 740).go("/operator").find("main");
          browser.screenshot("operator-360");
        }
      }
      assertThat(failures).as("pages wider than the screen").isEmpty();
    }
    assertThat(visited).as("page views checked").isGreaterThan(20);
  }

  /** The role's pages reachable from its home page by links: one of each kind (ids folded). */
  private static List<String> crawl(Browser browser, List<String> seeds) {
    Map<String, String> byKind = new LinkedHashMap<>();
    Deque<String> queue = new ArrayDeque<>(List.of("/"));
    queue.addAll(seeds);
    while (!queue.isEmpty() && byKind.size() < MAX_PAGES) {
      String page = queue.poll();
      if (byKind.putIfAbsent(kind(page), page) != null) {
        continue;
      }
      browser.go(page);
      browser.find("main");
      @SuppressWarnings("unchecked")
      List<String> links = (List<String>) browser.driver().executeScript(
          "return Array.from(document.querySelectorAll('a[href]')).map(function (a) { return a.getAttribute('href'); })");
      for (String href : links) {
        if (href.startsWith("/") && !href.startsWith("//") && followed(href) && !byKind.containsKey(kind(href))) {
          queue.add(href);
        }
      }
    }
    return List.copyOf(byKind.values());
  }

  /**
   * Pages reached by typing rather than by a link: the 404 page for everyone, the holder's avails
   * grid over four territories, the auditor's timeline and replay of the sale.
   */
  private static List<String> seeds(String username, Market market, String listing) {
    List<String> seeds = new ArrayList<>(List.of("/nothing-here"));
    if (username.equals(market.holderName)) {
      seeds.add("/holder/titles/" + market.titleId + "?territories=CN+HK+MO+TW&language=zh&termStart=2030-01-01"
          + "&termEnd=2031-12-31&exclusive=true");
    }
    if (username.equals("admin") || username.startsWith("auditor-")) {
      seeds.add("/audit?id=" + listing);
      seeds.add("/audit/replay/" + listing);
    }
    return seeds;
  }

  /** A page link: no API, asset, download, fragment or language switch. */
  private static boolean followed(String href) {
    String path = href.split("[?#]", 2)[0];
    return !href.contains("lang=") && !path.startsWith("/api") && !path.startsWith("/webjars")
        && !path.startsWith("/assets") && !path.startsWith("/swagger") && !path.startsWith("/v3")
        && !path.endsWith(".csv") && !path.endsWith(".pdf") && !path.contains("/download") && !path.contains("/export")
        && !path.equals("/logout");
  }

  /** The kind of page: its path with ids (UUIDs, long numbers) folded. */
  private static String kind(String href) {
    return href.split("[?#]", 2)[0]
        .replaceAll("[0-9a-fA-F]{8}-[0-9a-fA-F-]{27,}", "{id}")
        .replaceAll("/(contract|listing|stmt|inv|payout|rec)-[^/]+", "/{id}")
        .replaceAll("/[0-9]{3,}", "/{n}");
  }

  @SuppressWarnings("unchecked")
  private static int check(Browser browser, String page, int width, List<String> failures) {
    browser.find("body");
    Number scroll = (Number) browser.driver().executeScript("return document.scrollingElement.scrollWidth");
    Number viewport = (Number) browser.driver().executeScript("return window.innerWidth");
    assertThat(viewport.intValue()).as("the browser's viewport for " + width).isEqualTo(width);
    if (scroll.intValue() > width) {
      List<String> wide = (List<String>) browser.driver().executeScript(OVERFLOW);
      failures.add(page + " at " + width + " px: scrollWidth " + scroll + " " + wide);
    }
    return 1;
  }
}
