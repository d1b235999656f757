package io.reelx.exchange.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelx.exchange.contract.domain.ContractId;
import io.reelx.exchange.listing.domain.ListingId;
import io.reelx.exchange.web.Formats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * out, holder and platform each sign the contract on their page; the winning platform uploads a
 * revenue CSV with a bad line (refused by line number, nothing stored) and then a good one (its
 * statement shown); the holder sees the statement with its chart and table; finance records the
 * platform's payment, reconciles the month, one officer requests a payout to the holder that they
 * cannot approve (the button disabled, the reason shown), a second officer approves it, and the
 * trial balance is zero. Every step is done in the pages; the API only reads ids and checks that
 * a refusal stored nothing.
 *
 * <p>Each step is a method of {@link Journey}, run in order by {@link Journey#run()}. The Chinese
 * run checks Chinese text at each step ({@link Lang#said}). Browsers are shared across steps and
 * closed as soon as their role is done, so that at most five Chromiums run at once.
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
        "Your organisation has signed this contract.", Map.ofEntries(
            Map.entry("finance", "Finance"),
            Map.entry("depositRecorded", "Deposit recorded"),
            Map.entry("platformWorkspace", "My contracts and reports"),
            Map.entry("platformSigned", "Your organisation has signed this contract."),
            Map.entry("revenueReport", "Revenue report"),
            Map.entry("nothingStored", "Nothing was stored"),
            Map.entry("statementsReceived", "Statements received"),
            Map.entry("payablePerPeriod", "Payable per period"),
            Map.entry("payments", "Invoices and payments"),
            Map.entry("paymentRecorded", "Payment recorded."),
            Map.entry("paid", "Paid"),
            Map.entry("reconciliation", "Reconciliation"),
            Map.entry("reconciled", "Period " + REPORT_PERIOD + " reconciled."),
            Map.entry("payouts", "Payouts"),
            Map.entry("ownRequest", "You requested this payout: another finance officer approves it."),
            Map.entry("approvedDone", "Payout approved and posted."),
            Map.entry("approved", "Approved and paid"),
            Map.entry("balanced", "Balanced: debits equal credits in every currency (total zero)."))),
    ZH("zh-CN", "待我处理的事项", "待审核", "等待缴纳保证金", "已取得竞买资格",
        "您是当前最高出价者", "您的出价已被超过", "成交", "您赢得了本次交易",
        "我方机构已签署该合同。", Map.ofEntries(
            Map.entry("finance", "财务"),
            Map.entry("depositRecorded", "保证金已登记"),
            Map.entry("platformWorkspace", "我的合同与收入报告"),
            Map.entry("platformSigned", "贵机构已签署此合同。"),
            Map.entry("revenueReport", "收入报告"),
            Map.entry("nothingStored", "未保存任何内容"),
            Map.entry("statementsReceived", "收到的结算单"),
            Map.entry("payablePerPeriod", "各期应付金额"),
            Map.entry("payments", "发票与收款"),
            Map.entry("paymentRecorded", "收款已登记。"),
            Map.entry("paid", "已付"),
            Map.entry("reconciliation", "对账"),
            Map.entry("reconciled", "期间 " + REPORT_PERIOD + " 已对账。"),
            Map.entry("payouts", "付款"),
            Map.entry("ownRequest", "此付款由您申请：须由其他财务人员审批。"),
            Map.entry("approvedDone", "付款已审批并入账。"),
            Map.entry("approved", "已审批并付款"),
            Map.entry("balanced", "平衡：每个币种借贷相等（合计为零）。")));

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
    /** Further texts the pages show, by what they say (the message key's meaning). */
    final Map<String, String> texts;

    Lang(String tag, String home, String submitted, String awaitingDeposit, String qualified, String leading,
        String outbid, String awarded, String youWon, String signedByMe, Map<String, String> said) {
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
      this.texts = said;
    }

    /** What the page says in this language for {@code what} (a key of {@link #texts}). */
    String said(String what) {
      String text = texts.get(what);
      assertThat(text).as("a text for " + what + " in " + tag).isNotNull();
      return text;
    }
  }

  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
  /** How far ahead of the form the bidding opens at first; doubled while the machine is too slow. */
  private static final Duration FIRST_LEAD = Duration.ofSeconds(60);
  private static final int TIMED_PERIOD_SECONDS = 40;
  /**
   * The month reported. The licence runs 2027-01-01..2028-12-31, the MG is CNY 100,000.00 and the
   * rate 25% of gross: the good report's gross of CNY 600,000.00 earns CNY 150,000.00, of which
   * CNY 100,000.00 recoups the MG and CNY 50,000.00 is payable (as the platform declares).
   */
  private static final String REPORT_PERIOD = "2027-01";
  private static final String PAYABLE = "CNY 50,000.00";
  private static final String PAYABLE_MINOR = "5000000";
  private static final String CSV_HEADER = "episode,territory,channel,views,watch_hours,gross_minor,currency\n";

  @ParameterizedTest
  @EnumSource(Lang.class)
  void the_journey_from_listing_to_an_approved_payout(Lang lang) {
    try (Journey journey = new Journey(lang)) {
      journey.run();
    }
  }

  /** One journey: its market, its browsers, and what each step leaves for the next. */
  final class Journey implements AutoCloseable {

    final Lang lang;
    final Market market;
    final String bamboo;
    final String lychee;
    final Http lycheeApi;
    final String holderOrg;
    final String lycheeOrg;
    /** Two finance officers: the first records and requests, the second approves (four eyes). */
    final String firstOfficer;
    final String secondOfficer;
    final List<Browser> open = new ArrayList<>();
    Browser holder;
    Browser operator;
    Browser bambooRoom;
    Browser lycheeRoom;
    Browser finance;
    String listing;
    String contract;
    Instant biddingEndsAt;
    String payout;

    Journey(Lang lang) {
      this.lang = lang;
      this.market = market().withTitle();
      market.platform("Bamboo");
      this.lycheeApi = market.platform("Lychee");
      this.bamboo = username("Bamboo");
      this.lychee = username("Lychee");
      this.holderOrg = market.holder.get("/api/v1/me").get("organizationId");
      this.lycheeOrg = lycheeApi.get("/api/v1/me").get("organizationId");
      String adminOrg = market.admin.get("/api/v1/me").get("organizationId");
      this.firstOfficer = "finance-" + market.holderName;
      this.secondOfficer = "finance2-" + market.holderName;
      for (String officer : List.of(firstOfficer, secondOfficer)) {
        Http.Response created = market.admin.post("/api/v1/users", Map.of("username", officer, "password",
            market.holderPassword, "displayName", "Finance " + officer, "organizationId", adminOrg, "roles",
            List.of("FINANCE")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
      }
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
      finance = signedIn(firstOfficer, market.holderPassword);
      financeRecordsTheDeposits();
      operatorQualifies();
      done(operator);
      twoPlatformsBidLive();
      theSaleIsAwarded();
      done(bambooRoom);
      holderAndPlatformSign();
      platformUploadsACsvWithABadLineThenAGoodOne();
      done(lycheeRoom);
      holderSeesTheStatementAndItsChart();
      done(holder);
      financeRecordsThePaymentAndReconciles();
      twoOfficersApproveAPayout();
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

    /**
     * Finance records each deposit as received on its page: the amount is pre-filled with the
     * deposit due, the bank reference typed; the row leaves the list.
     */
    void financeRecordsTheDeposits() {
      JsonNode registrations = market.admin.get("/api/v1/listings/" + listing + "/registrations").json();
      assertThat(registrations.size()).isEqualTo(2);
      for (JsonNode registration : registrations) {
        String id = registration.get("id").asString();
        String row = "[id='deposit-" + id + "']";
        finance.go("/finance").waitText("h1", lang.said("finance"));
        finance.waitText(row, "CNY 100,000.00");
        assertThat(finance.find("[id='amount-" + id + "']").getAttribute("value")).isEqualTo("100000.00");
        finance.type("[id='ref-" + id + "']", "BANK-" + id.substring(0, 8));
        finance.click(row + " button.record");
        finance.waitText("#done", lang.said("depositRecorded"));
        assertThat(finance.driver().findElements(By.id("deposit-" + id))).as("recorded: no longer awaited").isEmpty();
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

    /**
     * The holder signs the drafted contract on its page; the winning platform finds it in its
     * workspace, reads and signs it on its page; the contract is active.
     */
    void holderAndPlatformSign() {
      contract = ContractId.forListing(new ListingId(listing)).value();
      String page = "/holder/contracts/" + contract;
      // the contract is drafted from the award by an event handler: the page appears shortly after
      new WebDriverWait(holder.driver(), Duration.ofMinutes(2)).until(d -> {
        holder.go(page);
        return !d.findElements(By.id("sign-form")).isEmpty();
      });
      holder.click("#sign-read").click("#sign");
      holder.waitText("#signed-by-me", lang.signedByMe);
      lycheeRoom.go("/platform").waitText("h1", lang.said("platformWorkspace"));
      lycheeRoom.click("#to-sign a[href='/platform/contracts/" + contract + "']").waitPath("/platform/contracts/" + contract);
      lycheeRoom.waitText("#document", "reelx-licence");
      lycheeRoom.click("#sign-read").click("#sign");
      lycheeRoom.waitText("#signed-by-me", lang.said("platformSigned"));
      lycheeRoom.waitText("#contract-status", "ACTIVE");
      holder.go(page).waitText("#contract-status", "ACTIVE");
    }

    /**
     * The winning platform reports the month as a CSV: a file with a bad line is refused with the
     * line number and field, and nothing is stored; the corrected file is stored and its statement
     * shown (the payable as computed).
     */
    void platformUploadsACsvWithABadLineThenAGoodOne() {
      String page = "/platform/contracts/" + contract;
      // settlement opens the agreement from the activation (its own processor): the report link appears shortly after
      new WebDriverWait(lycheeRoom.driver(), Duration.ofMinutes(2)).until(d -> {
        lycheeRoom.go(page);
        return !d.findElements(By.id("report-new")).isEmpty();
      });
      lycheeRoom.click("#report-new").waitText("h1", lang.said("revenueReport"));
      upload(lycheeRoom, "50,000.00", CSV_HEADER
          + "S01E01,CN,SVOD,1000,250.5,40000000,CNY\n"
          + "S01E02,CN,SVOD,lots,120.25,20000000,CNY\n");
      lycheeRoom.waitText("#report-refused", lang.said("nothingStored"));
      assertThat(lycheeRoom.find("#line-errors tr[data-line='3'] td").getText()).as("line 3's bad field").isEqualTo("views");
      assertThat(lycheeRoom.driver().findElements(By.cssSelector("#line-errors tbody tr"))).as("only line 3").hasSize(1);
      assertThat(lycheeRoom.find("#csv-declared").getAttribute("value")).as("what was typed is kept").isEqualTo("50,000.00");
      assertThat(reports()).as("nothing stored").isZero();

      upload(lycheeRoom, "50,000.00", CSV_HEADER
          + "S01E01,CN,SVOD,1000,250.5,40000000,CNY\n"
          + "S01E02,CN,SVOD,800,120.25,20000000,CNY\n");
      lycheeRoom.waitPath(page + "/statements/" + REPORT_PERIOD + "-v1");
      lycheeRoom.waitText(".figures td.payable", PAYABLE);
      assertThat(reports()).isEqualTo(1);
    }

    /** The holder finds the statement among those received: the chart is drawn and the table has its figures. */
    void holderSeesTheStatementAndItsChart() {
      holder.go("/holder").click("#statements-received").waitText("h1", lang.said("statementsReceived"));
      holder.click("[id='statements-" + contract + "'] .statements-link").waitPath("/holder/statements/" + contract);
      new WebDriverWait(holder.driver(), Browser.WAIT).ignoring(StaleElementReferenceException.class)
          .until(d -> "1".equals(d.findElement(By.id("payable-chart")).getAttribute("data-points")));
      holder.waitText("#payable-table caption", lang.said("payablePerPeriod"));
      WebElement row = holder.find("#payable-table tbody tr[data-period='" + REPORT_PERIOD + "']");
      assertThat(row.getAttribute("data-minor")).isEqualTo(PAYABLE_MINOR);
      assertThat(row.findElement(By.cssSelector("td.payable")).getText()).isEqualTo(PAYABLE);
    }

    /**
     * Finance records the platform's payment of the month's statement invoice (the payer
     * pre-chosen from the contract), sees it paid, and reconciles the month: nothing is found for
     * this platform.
     */
    void financeRecordsThePaymentAndReconciles() {
      finance.go("/finance/payments?contract=" + contract).waitText("h1", lang.said("payments"));
      WebElement invoice = finance.find("#invoices tr[data-invoice][data-period='" + REPORT_PERIOD + "']");
      String number = invoice.getAttribute("data-invoice");
      assertThat(invoice.getText()).contains(PAYABLE);
      assertThat(new Select(finance.find("#counterpartyId")).getFirstSelectedOption().getAttribute("value"))
          .as("the payer is the contract's platform").isEqualTo(lycheeOrg);
      new Select(finance.find("#invoiceNumber")).selectByValue(number);
      finance.type("#amount", "50,000.00");
      finance.type("#bankReference", "PAY-" + listing);
      finance.click("#record-payment");
      finance.waitText("#done", lang.said("paymentRecorded"));
      finance.waitText("#invoices tr[data-invoice='" + number + "'] .state", lang.said("paid"));

      finance.go("/finance/reconciliation").waitText("h1", lang.said("reconciliation"));
      finance.type("#period", REPORT_PERIOD).click("#reconcile");
      finance.waitText("#done", lang.said("reconciled"));
      assertThat(finance.driver().findElements(By.cssSelector("article.discrepancy[data-counterparty='" + lycheeOrg + "']")))
          .as("the statement as declared and its invoice paid: nothing to explain").isEmpty();
    }

    /**
     * The first officer requests a payout to the holder and cannot approve it (the button
     * disabled, the reason next to it); the second officer approves it; the trial balance is zero.
     */
    void twoOfficersApproveAPayout() {
      finance.go("/finance/payouts").waitText("h1", lang.said("payouts"));
      new Select(finance.find("#organizationId")).selectByValue(holderOrg);
      finance.type("#amount", "10,000.00");
      finance.click("#request-payout");
      finance.waitPath("/finance/payouts?requested=");
      payout = finance.path().substring("/finance/payouts?requested=".length());
      String row = "[id='payout-" + payout + "']";
      assertThat(finance.find(row + " button.approve").isEnabled()).as("the requester cannot approve").isFalse();
      assertThat(finance.find(row + " .why-not").getText()).isEqualTo(lang.said("ownRequest"));
      done(finance);

      Browser second = signedIn(secondOfficer, market.holderPassword);
      second.go("/finance/payouts").waitText("h1", lang.said("payouts"));
      assertThat(second.find(row + " button.approve").isEnabled()).isTrue();
      second.click(row + " button.approve");
      second.waitText("#done", lang.said("approvedDone"));
      assertThat(second.find(row).getAttribute("data-status")).isEqualTo("APPROVED");
      assertThat(second.find(row + " .status").getText()).isEqualTo(lang.said("approved"));

      second.go("/finance/ledger").find("#trial");
      assertThat(second.find("#trial-state").getAttribute("data-balanced")).isEqualTo("true");
      assertThat(second.find("#trial-state").getText()).isEqualTo(lang.said("balanced"));
      List<WebElement> totals = second.driver().findElements(By.cssSelector("#trial td.total"));
      assertThat(totals).isNotEmpty();
      assertThat(totals).allSatisfy(total -> assertThat(total.getAttribute("data-total")).isEqualTo("0"));
    }

    /** The revenue reports stored for the contract, as the platform reads them through the API. */
    long reports() {
      Http.Response r = lycheeApi.get("/api/v1/contracts/" + contract + "/revenue-reports");
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      return r.json().size();
    }

    /** Closes a browser whose role in the journey is over (fewer Chromiums on a busy machine). */
    void done(Browser browser) {
      open.remove(browser);
      browser.close();
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

  /** Fills the report's CSV form (the period, the declared payable, the file) and uploads it. */
  private static void upload(Browser browser, String declared, String csv) {
    Path file;
    try {
      file = Files.createTempFile("journey-report-", ".csv");
      Files.writeString(file, csv, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    file.toFile().deleteOnExit();
    set(browser, "#csv-period", REPORT_PERIOD);
    browser.type("#csv-declared", declared);
    browser.find("#csv-file").sendKeys(file.toAbsolutePath().toString());
    browser.click("#upload-csv");
  }

  /** Sets a date or date-time input (their typing differs between locales). */
  private static void set(Browser browser, String css, String value) {
    browser.driver().executeScript("arguments[0].value = arguments[1]", browser.find(css), value);
  }
}
