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
import io.reelx.exchange.listing.query.AuctionViews;
import io.reelx.exchange.rights.domain.WindowTerms;
import io.reelx.settlement.application.Records.PayoutRecord;
import io.reelx.settlement.fx.application.FxService;
import io.reelx.settlement.payout.application.PayoutService;
import io.reelx.settlement.reconciliation.application.ReconciliationService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
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
 * Finance's pages in a real browser: an officer records a bidder's deposit and a platform's
 * payment against its invoice (a form sent three times records one payment), reconciles the
 * invoice's month and resolves the short payment it finds, requests a payout that they cannot
 * approve (the button is disabled with the reason, and the server refuses it anyway), a second
 * officer approves it in Chinese; the trial balance nets to zero; FX rates are listed and set; a
 * statement is exported as CSV. Each form's bad input is shown next to its field and stores
 * nothing. axe-core runs on every finance page.
 */
class FinanceWorkspaceBrowserTest extends IntegrationTest {

  @Autowired CommandGateway commands;
  @Autowired ContractRegister contracts;
  @Autowired AuctionViews auctions;
  @Autowired ReconciliationService reconciliation;
  @Autowired PayoutService payoutService;
  @Autowired FxService fx;

  /** A finance officer's sign-in. */
  private record Officer(String username, String password) {}

  @Test
  void officers_record_reconcile_and_pay_out_with_four_eyes() throws Exception {
    Market market = market().withTitle();
    String holderOrg = market.holder.get("/api/v1/me").get("organizationId");
    Http platform = market.platform("Payer");
    String platformOrg = platform.get("/api/v1/me").get("organizationId");
    String suffix = UUID.randomUUID().toString().substring(0, 8);

    // a sale with a deposit of CNY 10,000.00, the platform registered for it
    String listing = market.draftListing();
    assertThat(market.holder.post("/api/v1/listings/" + listing + "/submit", null).status()).isEqualTo(200);
    assertThat(market.admin.post("/api/v1/listings/" + listing + "/approve", null).status()).isEqualTo(200);
    Http.Response registration = platform.post("/api/v1/listings/" + listing + "/registrations", null);
    assertThat(registration.status()).as(registration.body()).isEqualTo(201);
    String reg = registration.get("id");

    // an active contract: the intake invoices its price (CNY 10,000.00) to the platform; one statement reported
    ContractId contract = activeContract(market, holderOrg, platformOrg);
    Officer first = officer(market, "first-" + suffix);
    Officer second = officer(market, "second-" + suffix);
    Http financeApi = Http.basic(port, first.username(), first.password());
    awaitAgreement(financeApi, "/api/v1/contracts/" + contract.value());
    Http.Response report = platform.post("/api/v1/contracts/" + contract.value() + "/revenue-reports", Map.of(
        "period", "2027-03", "currency", "CNY", "declaredPayable", 40_000, "lines", List.of(Map.of("episode", "S01E01",
            "territory", "CN", "channel", "SVOD", "views", "10", "watchHours", "2", "gross", "100000"))));
    assertThat(report.status()).as(report.body()).isEqualTo(201);

    String payoutId;
    try (Browser officer = Browser.open(port, "en")) {
      officer.signIn(first.username(), first.password()).waitText("h1", "What needs my action now");
      officer.waitText(".actions", "deposits to record");

      // the deposit: a bad amount is shown next to its field, kept, and nothing is recorded
      officer.click("a[href='/finance']").waitText("h1", "Finance");
      String row = "[id='deposit-" + reg + "']";
      officer.waitText(row, "CNY 10,000.00");
      officer.axe().screenshot("finance-workspace");
      officer.type("[id='amount-" + reg + "']", "12abc");
      officer.type("[id='ref-" + reg + "']", "DEP-" + suffix);
      officer.click(row + " button.record");
      officer.waitText(row + " [id='err-amount']", "invalid-value");
      assertThat(officer.find("[id='amount-" + reg + "']").getAttribute("value")).isEqualTo("12abc");
      assertThat(officer.find("[id='amount-" + reg + "']").getAttribute("aria-invalid")).isEqualTo("true");
      assertThat(officer.find("[id='ref-" + reg + "']").getAttribute("value")).isEqualTo("DEP-" + suffix);
      assertThat(auctions.registration(reg).orElseThrow().depositReceived()).as("nothing recorded").isNull();
      officer.axe();
      officer.type("[id='amount-" + reg + "']", "10,000.00");
      officer.click(row + " button.record");
      officer.find("#done");
      gone(officer, "deposit-" + reg);
      assertThat(auctions.registration(reg).orElseThrow().depositReceived()).isEqualTo(10_000_00L);

      // invoices and payments: the price invoice is open
      officer.go("/finance/payments?contract=" + contract.value()).waitText("h1", "Invoices and payments");
      WebElement invoice = officer.find("tr[data-invoice][data-period]:not([data-period='2027-03'])");
      String invoiceNumber = invoice.getAttribute("data-invoice");
      String period = invoice.getAttribute("data-period");
      assertThat(invoice.getText()).contains("CNY 10,000.00", "Open");
      officer.axe();
      // a statement's CSV, downloaded with the page's session
      String csvHref = officer.find("a.statement-csv").getAttribute("href");
      HttpResponse<String> csv = get(officer, URI.create(csvHref).getPath());
      assertThat(csv.statusCode()).isEqualTo(200);
      assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
      assertThat(csv.body()).startsWith("section,item,basis_points,amount_minor,currency").contains("statement,payable,");

      String bankReference = "PAY-" + suffix;
      int receiptsBefore = reconciliation.receipts(null).size();
      new Select(officer.find("#counterpartyId")).selectByValue(platformOrg);
      new Select(officer.find("#invoiceNumber")).selectByValue(invoiceNumber);
      officer.type("#amount", "6,000.0x");
      officer.type("#bankReference", bankReference);
      officer.click("#record-payment");
      officer.waitText("[id='err-amount']", "invalid-value");
      assertThat(officer.find("#amount").getAttribute("value")).isEqualTo("6,000.0x");
      assertThat(officer.find("#bankReference").getAttribute("value")).isEqualTo(bankReference);
      assertThat(new Select(officer.find("#invoiceNumber")).getFirstSelectedOption().getAttribute("value")).isEqualTo(invoiceNumber);
      assertThat(reconciliation.receipts(null)).as("nothing stored on a refusal").hasSize(receiptsBefore);
      officer.axe();

      // the same form sent twice more (a double click, a resubmission) and by its button: one payment
      officer.type("#amount", "6,000.00");
      String body = (String) officer.driver().executeScript(
          "return new URLSearchParams(new FormData(document.querySelector('#payment-form'))).toString();");
      for (int i = 0; i < 2; i++) {
        HttpResponse<String> sent = post(officer, "/finance/payments", body);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
      }
      officer.click("#record-payment");
      officer.find("#done");
      assertThat(reconciliation.receipts(null).stream().filter(r -> r.bankReference().equals(bankReference)))
          .as("one payment for a form sent three times").hasSize(1);
      assertThat(reconciliation.receipts(null).stream().filter(r -> r.bankReference().equals(bankReference)).findFirst()
          .orElseThrow().amount()).isEqualTo(600_000L);
      officer.waitText("tr[data-invoice='" + invoiceNumber + "']", "Part paid");
      officer.waitText("#receipts", bankReference);

      // reconciliation: the short payment is explained, a resolution needs a reason, then it is resolved
      officer.go("/finance/reconciliation").waitText("h1", "Reconciliation");
      officer.type("#period", period).click("#reconcile");
      officer.find("#done");
      String mismatch = "article.discrepancy[data-kind='PAYMENT_MISMATCH'][data-counterparty='" + platformOrg + "']";
      WebElement found = officer.find(mismatch);
      assertThat(found.findElement(By.cssSelector(".expected")).getText()).isEqualTo("CNY 10,000.00");
      assertThat(found.findElement(By.cssSelector(".actual")).getText()).isEqualTo("CNY 6,000.00");
      assertThat(found.findElement(By.cssSelector(".difference")).getText()).isEqualTo("CNY -4,000.00");
      assertThat(found.findElement(By.cssSelector(".explanation")).getText()).isNotBlank();
      String discrepancyId = found.getAttribute("id").substring("d-".length());
      officer.axe();
      new Select(found.findElement(By.cssSelector("select.outcome"))).selectByValue("AWAIT_CORRECTION");
      officer.find(mismatch + " button.resolve").click();
      officer.waitText(mismatch + " [id='err-reason']", "is required");
      assertThat(reconciliation.discrepancy(discrepancyId).orElseThrow().resolution()).as("nothing stored").isNull();
      assertThat(new Select(officer.find(mismatch + " select.outcome")).getFirstSelectedOption().getAttribute("value"))
          .isEqualTo("AWAIT_CORRECTION");
      officer.axe();
      officer.find(mismatch + " input.reason").sendKeys("The platform pays the balance next week");
      officer.find(mismatch + " button.resolve").click();
      officer.find("#done");
      officer.waitText(mismatch + " .resolution", "The platform pays the balance next week");
      assertThat(officer.find(mismatch).getAttribute("data-status")).isEqualTo("RESOLVED");

      // a payout: a bad amount is refused next to its field, then requested; its requester cannot approve it
      officer.go("/finance/payouts").waitText("h1", "Payouts");
      new Select(officer.find("#organizationId")).selectByValue(holderOrg);
      officer.type("#amount", "-5");
      officer.click("#request-payout");
      officer.waitText("[id='err-amount']", "invalid-value");
      assertThat(payoutService.payouts(holderOrg)).as("nothing stored").isEmpty();
      officer.axe();
      officer.type("#amount", "1,000.00");
      officer.click("#request-payout");
      officer.find("#done");
      List<PayoutRecord> payouts = payoutService.payouts(holderOrg);
      assertThat(payouts).hasSize(1);
      payoutId = payouts.get(0).id();
      assertThat(payouts.get(0).amount()).isEqualTo(100_000L);
      String payoutRow = "[id='payout-" + payoutId + "']";
      WebElement approve = officer.find(payoutRow + " button.approve");
      assertThat(approve.isEnabled()).as("the requester's approve button is disabled").isFalse();
      assertThat(officer.find(payoutRow + " .why-not").getText()).contains("another finance officer approves it");
      assertThat(officer.find(payoutRow).getText()).as("the requester by name").contains(first.username());
      officer.axe().screenshot("finance-payouts");
      // and the server refuses it anyway
      String csrf = (String) officer.driver().executeScript(
          "return document.querySelector(arguments[0] + ' input[name=_csrf]').value;", payoutRow);
      HttpResponse<String> own = post(officer, "/finance/payouts/" + payoutId + "/approve", "_csrf=" + csrf);
      assertThat(own.statusCode()).isEqualTo(422);
      assertThat(own.body()).contains("four-eyes");
      assertThat(payoutService.payout(payoutId).orElseThrow().status()).isEqualTo("REQUESTED");
    }

    try (Browser officer = Browser.open(port, "zh-CN")) {
      officer.signIn(second.username(), second.password()).waitText("h1", "待我处理的事项");
      officer.go("/finance/payouts").waitText("h1", "付款");
      String payoutRow = "[id='payout-" + payoutId + "']";
      assertThat(officer.find(payoutRow + " button.approve").isEnabled()).isTrue();
      officer.axe();
      officer.click(payoutRow + " button.approve");
      officer.find("#done");
      assertThat(officer.find(payoutRow).getAttribute("data-status")).isEqualTo("APPROVED");
      assertThat(payoutService.payout(payoutId).orElseThrow().approvedBy()).isNotNull();

      // the trial balance nets to zero in every currency
      officer.go("/finance/ledger").find("#trial");
      assertThat(officer.find("#trial-state").getAttribute("data-balanced")).isEqualTo("true");
      for (WebElement total : officer.driver().findElements(By.cssSelector("#trial td.total"))) {
        assertThat(total.getAttribute("data-total")).isEqualTo("0");
      }
      assertThat(officer.find("#trial tr[data-currency='CNY'] td.total").getText()).isEqualTo("CNY 0.00");
      officer.axe();

      // FX rates: a bad rate is refused next to its field, then set and listed
      officer.go("/finance/fx").find("#fx-form");
      officer.axe();
      officer.type("#from", "CHF").type("#to", "CNY").type("#rate", "8,1a");
      officer.click("#set-rate");
      officer.waitText("[id='err-rate']", "invalid-value");
      assertThat(officer.find("#rate").getAttribute("value")).isEqualTo("8,1a");
      assertThat(fx.fxRate("CHF", "CNY")).as("nothing stored").isEmpty();
      officer.axe();
      officer.type("#rate", "8.0123");
      officer.click("#set-rate");
      officer.find("#done");
      officer.waitText("#rates tr[data-pair='CHF/CNY'] .rate", "8.0123");

      // every finance page in Chinese passes axe too
      for (String page : List.of("/finance", "/finance/payments?contract=" + contract.value(), "/finance/reconciliation")) {
        officer.go(page).find("h1");
        officer.axe();
      }
    }
  }

  private Officer officer(Market market, String username) {
    String financeOrg = financeOrganization(market);
    Http.Response user = market.admin.post("/api/v1/users", Map.of("username", username, "password", "finance-password-1",
        "displayName", "Finance " + username, "organizationId", financeOrg, "roles", List.of("FINANCE")));
    assertThat(user.status()).as(user.body()).isEqualTo(201);
    return new Officer(username, "finance-password-1");
  }

  private String financeOrg;

  private String financeOrganization(Market market) {
    if (financeOrg == null) {
      Http.Response org = market.admin.post("/api/v1/organizations", Map.of("name", "ReelX Finance " + UUID.randomUUID()
          .toString().substring(0, 8), "kind", "EXCHANGE", "country", "CN"));
      assertThat(org.status()).as(org.body()).isEqualTo(201);
      financeOrg = org.get("id");
    }
    return financeOrg;
  }

  private ContractId activeContract(Market market, String holderOrg, String platformOrg) {
    ListingId listing = new ListingId(UUID.randomUUID().toString());
    ContractId id = ContractId.forListing(listing);
    commands.sendAndWait(new DraftContract(id, listing.value(), market.titleId, "Title", new PartyTerms(holderOrg, "Holder"),
        new PartyTerms(platformOrg, "Payer"), new WindowTerms(List.of("CN"), List.of("SVOD"), List.of("zh"),
            LocalDate.parse("2027-01-01"), LocalDate.parse("2028-12-31")), false, false, 1_000_000, "CNY", 0, 3,
        ListingSettlementTerms.simple(null, null, "GROSS", 4000, null), Instant.now()));
    for (String org : List.of(holderOrg, platformOrg)) {
      commands.sendAndWait(new SignContract(id, org, "u-" + org, contracts.find(id.value()).orElseThrow().documentSha256()));
    }
    assertThat(contracts.find(id.value()).orElseThrow().status()).isEqualTo(ContractStatus.ACTIVE);
    return id;
  }

  /** Settlement opens the agreement moments after the contract is active (its own processor). */
  private static void awaitAgreement(Http finance, String base) throws InterruptedException {
    long until = System.nanoTime() + Browser.WAIT.toNanos();
    while (true) {
      Http.Response r = finance.get(base + "/settlement-agreement");
      if (r.status() == 200 || System.nanoTime() > until) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return;
      }
      Thread.sleep(100);
    }
  }

  private HttpResponse<String> post(Browser browser, String path, String form) {
    return send(browser, HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  private HttpResponse<String> get(Browser browser, String path) {
    return send(browser, HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET());
  }

  /** A request with the browser's session cookie (as a resubmission or a download does). */
  private static HttpResponse<String> send(Browser browser, HttpRequest.Builder request) {
    try {
      return HttpClient.newHttpClient().send(request.header("Cookie", "reelx_session=" + browser.cookie("reelx_session"))
          .build(), HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void gone(Browser browser, String id) {
    new WebDriverWait(browser.driver(), Browser.WAIT).until(d -> d.findElements(By.id(id)).isEmpty());
  }
}
