package io.reelx.exchange.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelx.exchange.contract.domain.ContractId;
import io.reelx.exchange.listing.domain.ListingId;
import io.reelx.exchange.web.Formats;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * The exchange's journey end to end in real browsers, once in English and once in Chinese (each
 * browser opens in English and switches to Chinese in the page): the holder lists through the
 * form and submits, the operator approves, two platforms register, finance records their deposits,
 * the operator qualifies them, the two platforms bid against each other live in two browsers (each
 * sees the other's bid and the countdown restart), the sale is awarded when the countdown runs
 * out, and holder and platform sign the contract.
 *
 * <p>Each step is a method of {@link Journey}, run in order by {@link Journey#run()}; later steps
 * (the platform's revenue report upload with a bad line then a good one, the holder's statement
 * and chart, finance's reconciliation and a payout approved by two officers) are appended there.
 *
 * <p>Time: the sale runs on the exchange's clock (the system clock, as in the other browser
 * tests); nothing sleeps. The opening is set a lead ahead of the form; if the machine was too slow
 * to have the listing approved before it (the operator is refused {@code schedule-in-past}), the
 * holder lists again with twice the lead. The rooms then wait for the countdown phase and for the
 * close, each a state the page shows, with generous bounds.
 */
class JourneyBrowserTest extends IntegrationTest {

  /** What the pages say in each language at the steps checked. */
  enum Lang {
    EN("en", "What needs my action now", "Waiting for review", "Awaiting deposit", "Qualified to bid",
        "You are the highest bidder", "You have been outbid", "Awarded to", "You won",
        "Your organisation has signed this contract."),
    ZH("zh-CN", "待我处理的事项", "待审核", "等待缴纳保证金", "已取得竞买资格",
        "您是当前最高出价者", "您的出价已被超过", "成交", "您赢得了本次交易",
        "我方机构已签署该合同。");

    final String tag;
    final String home;
    final String submitted;
    final String awaitingDeposit;
    final String qualified;
    final String leading;
    final String outbid;
    final String awarded;
    final String youWon;
    final String signedByMe;

    Lang(String tag, String home, String submitted, String awaitingDeposit, String qualified, String leading,
        String outbid, String awarded, String youWon, String signedByMe) {
      this.tag = tag;
      this.home = home;
      this.submitted = submitted;
      this.awaitingDeposit = awaitingDeposit;
      this.qualified = qualified;
      this.leading = leading;
      this.outbid = outbid;
      this.awarded = awarded;
      this.youWon = youWon;
      this.signedByMe = signedByMe;
    }
  }

  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
  /** How far ahead of the form the bidding opens at first; doubled while the machine is too slow. */
  private static final Duration FIRST_LEAD = Duration.ofSeconds(60);
  private static final int TIMED_PERIOD_SECONDS = 40;
  private static final long DEPOSIT_MINOR = 100_000_00;

  @ParameterizedTest
  @EnumSource(Lang.class)
  void the_journey_from_listing_to_signed_contract(Lang lang) {
    try (Journey journey = new Journey(lang)) {
      journey.run();
    }
  }

  /** One journey: its market, its browsers, and what each step leaves for the next. */
  final class Journey implements AutoCloseable {

    final Lang lang;
    final Market market;
    final Http financeApi;
    final String bamboo;
    final String lychee;
    final Http lycheeApi;
    final List<Browser> open = new ArrayList<>();
    Browser holder;
    Browser operator;
    Browser bambooRoom;
    Browser lycheeRoom;
    String listing;
    Instant biddingEndsAt;

    Journey(Lang lang) {
      this.lang = lang;
      this.market = market().withTitle();
      market.platform("Bamboo");
      this.lycheeApi = market.platform("Lychee");
      this.bamboo = username("Bamboo");
      this.lychee = username("Lychee");
      String adminOrg = market.admin.get("/api/v1/me").get("organizationId");
      String finance = "finance-" + market.holderName;
      Http.Response created = market.admin.post("/api/v1/users", Map.of("username", finance, "password",
          market.holderPassword, "displayName", "Finance", "organizationId", adminOrg, "roles", List.of("FINANCE")));
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      this.financeApi = Http.basic(port, finance, market.holderPassword);
    }

    void run() {
      holder = signedIn(market.holderName, market.holderPassword);
      operator = signedIn("admin", ADMIN_PASSWORD);
      Duration lead = FIRST_LEAD;
      while (!holderListsAndOperatorApproves(lead)) {
        lead = lead.multipliedBy(2);
        assertThat(lead).as("the listing could not be approved before its opening").isLessThan(Duration.ofMinutes(10));
      }
      bambooRoom = signedIn(bamboo, market.holderPassword);
      lycheeRoom = signedIn(lychee, market.holderPassword);
      twoPlatformsRegister();
      financeRecordsTheDeposits();
      operatorQualifies();
      twoPlatformsBidLive();
      theSaleIsAwarded();
      holderAndPlatformSign();
      // appended by the lead as the pages arrive:
      // platformUploadsACsvWithABadLineThenAGoodOne();
      // holderSeesTheStatementAndItsChart();
      // financeReconcilesAndTwoOfficersApproveAPayout();
    }

    /**
     * The holder lists through the form (bidding opening {@code lead} from now, the countdown
     * starting {@code lead} after that) and submits it; the operator approves it. False when the
     * machine was too slow: the opening passed before the approval (refused, nothing approved).
     */
    boolean holderListsAndOperatorApproves(Duration lead) {
      Instant opens = Instant.now().plus(lead).truncatedTo(ChronoUnit.SECONDS);
      Instant ends = opens.plus(lead);
      holder.go("/holder/listings/new").find("#listing-form");
      new Select(holder.find("#titleId")).selectByValue(market.titleId);
      holder.type("#territories", "CN");
      holder.click("input[name=media][value=SVOD]");
      set(holder, "#termStart", "2027-01-01");
      set(holder, "#termEnd", "2028-12-31");
      holder.type("#startingPrice", "1,000,000.00");
      holder.type("#increment", "10,000.00");
      holder.type("#deposit", "100,000.00");
      set(holder, "#biddingStartsAt", LOCAL.format(LocalDateTime.ofInstant(opens, Formats.SHANGHAI)));
      set(holder, "#biddingEndsAt", LOCAL.format(LocalDateTime.ofInstant(ends, Formats.SHANGHAI)));
      holder.type("#timedPeriodSeconds", String.valueOf(TIMED_PERIOD_SECONDS));
      holder.type("#signingDays", "3");
      holder.type("#minimumGuarantee", "100,000.00");
      new Select(holder.find("#basis")).selectByValue("GROSS");
      holder.type("#rateBasisPoints", "2500");
      holder.click("#create-listing");
      new WebDriverWait(holder.driver(), Browser.WAIT).until(d ->
          holder.path().startsWith("/holder?created=") || !d.findElements(By.id("form-problems")).isEmpty());
      if (!holder.path().startsWith("/holder?created=")) {
        assertThat(holder.find("#form-problems").getText()).as("the only refusal allowed: too late")
            .contains("schedule-in-past");
        return false;
      }
      String id = holder.path().substring("/holder?created=".length());
      holder.click("#listing-" + id + " .submit-listing");
      new WebDriverWait(holder.driver(), Browser.WAIT).ignoring(StaleElementReferenceException.class).until(d ->
          !d.findElements(By.id("refusals")).isEmpty()
              || holder.find("#listing-" + id + " .status").getText().contains(lang.submitted));
      if (!holder.driver().findElements(By.id("refusals")).isEmpty()) {
        assertThat(holder.find("#refusals").getText()).as("the only refusal allowed: too late").contains("schedule-in-past");
        return false;
      }

      operator.go("/operator").find("#review-" + id);
      operator.click("#review-" + id + " button.approve");
      new WebDriverWait(operator.driver(), Browser.WAIT).until(d ->
          !d.findElements(By.id("done")).isEmpty() || !d.findElements(By.id("refusals")).isEmpty());
      if (!operator.driver().findElements(By.id("refusals")).isEmpty()) {
        assertThat(operator.find("#refusals").getText()).as("the only refusal allowed: too late").contains("schedule-in-past");
        return false;
      }
      operator.waitText("#sale-" + id + " .status", "ANNOUNCED");
      listing = id;
      biddingEndsAt = ends;
      return true;
    }

    /** Both platforms register for the sale from its page: awaiting their deposits. */
    void twoPlatformsRegister() {
      for (Browser platform : List.of(bambooRoom, lycheeRoom)) {
        platform.go("/market/" + listing);
        platform.click("#register");
        platform.waitText("#registration-state", lang.awaitingDeposit);
        assertThat(platform.find("#bidder-code").getText()).isNotBlank();
      }
    }

    /** Finance records each deposit as received from the bank. */
    void financeRecordsTheDeposits() {
      // TODO(h-fin): through the finance page's "deposits awaiting receipt" (web.finance) once it is on main
      JsonNode registrations = market.admin.get("/api/v1/listings/" + listing + "/registrations").json();
      assertThat(registrations.size()).isEqualTo(2);
      for (JsonNode registration : registrations) {
        String id = registration.get("id").asString();
        Http.Response received = financeApi.post("/api/v1/listings/" + listing + "/registrations/" + id
            + "/deposit-received", Map.of("amount", DEPOSIT_MINOR, "currency", "CNY", "bankReference", "BANK-" + id),
            Map.of("Idempotency-Key", "deposit-" + id));
        assertThat(received.status()).as(received.body()).isEqualTo(200);
      }
    }

    /** The operator qualifies both registrations from its queue; the platforms' pages say so. */
    void operatorQualifies() {
      String title = "Title of " + market.holderName;
      for (int qualified = 0; qualified < 2; qualified++) {
        operator.go("/operator").find("#registrations");
        WebElement row = operator.driver().findElements(By.cssSelector("#registrations tbody tr")).stream()
            .filter(r -> r.getText().contains(title)).findFirst().orElseThrow();
        row.findElement(By.cssSelector("button.qualify")).click();
        operator.find("#done");
      }
      for (Browser platform : List.of(bambooRoom, lycheeRoom)) {
        platform.go("/market/" + listing).waitText("#registration-state", lang.qualified);
      }
    }

    /**
     * The two platforms in their rooms once the countdown runs: Bamboo bids the pre-filled lowest
     * valid bid, Lychee sees it and the countdown restart, and bids one increment more; Bamboo sees
     * that live, outbid.
     */
    void twoPlatformsBidLive() {
      Duration untilCountdown = Duration.between(Instant.now(), biddingEndsAt).plusMinutes(2);
      for (Browser room : List.of(bambooRoom, lycheeRoom)) {
        room.go("/market/" + listing + "/room");
      }
      for (Browser room : List.of(bambooRoom, lycheeRoom)) {
        new WebDriverWait(room.driver(), untilCountdown.isNegative() ? Duration.ofMinutes(2) : untilCountdown)
            .ignoring(StaleElementReferenceException.class)
            .until(d -> "COUNTDOWN".equals(room.find("#phase").getAttribute("data-status")));
      }
      String closesBefore = closesAt(lycheeRoom);
      String lyncheeFirstOffer = lycheeRoom.find("#amount").getAttribute("value");
      bambooRoom.click("#place-bid");
      for (Browser room : List.of(bambooRoom, lycheeRoom)) {
        room.waitText("#current-high", "CNY 1,000,000.00");
      }
      waitForRestart(lycheeRoom, closesBefore);
      bambooRoom.waitText("#position", lang.leading);

      String closesAfterFirst = closesAt(bambooRoom);
      new WebDriverWait(lycheeRoom.driver(), Browser.WAIT).ignoring(StaleElementReferenceException.class)
          .until(d -> !lyncheeFirstOffer.equals(lycheeRoom.find("#amount").getAttribute("value")));
      lycheeRoom.click("#bid-plus");
      lycheeRoom.click("#place-bid");
      for (Browser room : List.of(bambooRoom, lycheeRoom)) {
        room.waitText("#current-high", "CNY 1,020,000.00");
      }
      waitForRestart(bambooRoom, closesAfterFirst);
      bambooRoom.waitText("#position", lang.outbid);
      lycheeRoom.waitText("#position", lang.leading);
    }

    /** The countdown runs out: both rooms show the award without a reload; Lychee won. */
    void theSaleIsAwarded() {
      Duration bound = Duration.ofSeconds(TIMED_PERIOD_SECONDS).plusMinutes(2);
      for (Browser room : List.of(bambooRoom, lycheeRoom)) {
        new WebDriverWait(room.driver(), bound).ignoring(StaleElementReferenceException.class)
            .until(d -> !d.findElements(By.id("result")).isEmpty());
        room.waitText("#result", lang.awarded);
      }
      lycheeRoom.waitText("#you-won", lang.youWon);
      assertThat(bambooRoom.driver().findElements(By.id("you-won"))).isEmpty();
    }

    /** The holder signs the drafted contract in the browser; the winning platform signs; it is active. */
    void holderAndPlatformSign() {
      String contract = ContractId.forListing(new ListingId(listing)).value();
      String page = "/holder/contracts/" + contract;
      // the contract is drafted from the award by an event handler: the page appears shortly after
      new WebDriverWait(holder.driver(), Duration.ofMinutes(2)).until(d -> {
        holder.go(page);
        return !d.findElements(By.id("sign-form")).isEmpty();
      });
      holder.click("#sign-read").click("#sign");
      holder.waitText("#signed-by-me", lang.signedByMe);
      // TODO(h-plat): the platform signs in the browser on its contract page (web.platform) once it is on main
      String sha256 = lycheeApi.get("/api/v1/contracts/" + contract).get("documentSha256");
      Http.Response signed = lycheeApi.post("/api/v1/contracts/" + contract + "/signatures", Map.of("sha256", sha256));
      assertThat(signed.status()).as(signed.body()).isEqualTo(200);
      holder.go(page).waitText("#contract-status", "ACTIVE");
    }

    /** A browser signed in as {@code username}, switched to the journey's language in the page. */
    Browser signedIn(String username, String password) {
      Browser browser = Browser.open(port, "en");
      open.add(browser);
      browser.signIn(username, password).waitText("h1", Lang.EN.home);
      if (lang != Lang.EN) {
        browser.click("#lang-switch");
        browser.waitText("h1", lang.home);
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo(lang.tag);
      }
      return browser;
    }

    String username(String platform) {
      return (platform + "-" + market.holderName).toLowerCase().replaceAll("[^a-z0-9-]", "-");
    }

    @Override
    public void close() {
      RuntimeException failed = null;
      for (Browser browser : open) {
        try {
          browser.close();
        } catch (RuntimeException e) {
          failed = e;
        }
      }
      if (failed != null) {
        throw failed;
      }
    }
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

  /** Sets a date or date-time input (their typing differs between locales). */
  private static void set(Browser browser, String css, String value) {
    browser.driver().executeScript("arguments[0].value = arguments[1]", browser.find(css), value);
  }
}
