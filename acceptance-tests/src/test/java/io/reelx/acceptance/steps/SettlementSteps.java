package io.reelx.acceptance.steps;

import static io.reelx.acceptance.support.Calls.expectSuccess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cucumber.java.ParameterType;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.reelx.acceptance.support.Actor;
import io.reelx.acceptance.support.Auction;
import io.reelx.acceptance.support.World;
import io.reelx.client.model.Discrepancy;
import io.reelx.client.model.FieldError;
import io.reelx.client.model.LedgerAccount;
import io.reelx.client.model.PaymentRequest;
import io.reelx.client.model.PayoutRequest;
import io.reelx.client.model.Reconciliation;
import io.reelx.client.model.ResolutionRequest;
import io.reelx.client.model.RevenueReportLine;
import io.reelx.client.model.RevenueReportOutcome;
import io.reelx.client.model.RevenueReportRequest;
import io.reelx.client.model.SettlementAgreement;
import io.reelx.client.model.SettlementInvoice;
import io.reelx.client.model.StatementPayee;
import io.reelx.client.model.StatementSummary;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Settlement of the scenario's contract: agreement, reports, statements, reconciliation, payouts. */
public class SettlementSteps {

  private final World world;
  private final ContractSteps contracts;
  private RevenueReportRequest lastReport;
  private RevenueReportOutcome firstOutcome;
  private long transfersBefore;
  private Reconciliation reconciliation;

  public SettlementSteps(World world, ContractSteps contracts) {
    this.world = world;
    this.contracts = contracts;
  }

  /** A percentage with up to two decimals, in basis points: {@code 1.5%} is 150. */
  @ParameterType("\\d{1,3}(?:\\.\\d{1,2})?%")
  public Long percent(String text) {
    return new BigDecimal(text.substring(0, text.length() - 1)).movePointRight(2).longValueExact();
  }

  private String contractId() {
    return contracts.contract().getId();
  }

  private Actor finance() {
    return world.actor("fay-fin");
  }

  private String org(String name) {
    return world.organization(name).getId();
  }

  private SettlementAgreement agreement() {
    return expectSuccess("Reading the settlement agreement", () -> finance().settlement().getSettlementAgreement(contractId()));
  }

  private long owed(String organization) {
    List<LedgerAccount> accounts = expectSuccess("Reading ledger accounts",
        () -> finance().finance().listLedgerAccounts(org(organization)));
    return accounts.stream().filter(a -> a.getKind().equals("ORGANIZATION")).mapToLong(LedgerAccount::getBalance).sum();
  }

  // ------------------------------------------------------------------ agreement and terms

  @Then("settlement has opened the agreement: {string} is invoiced {amount} {word} for the price and {amount} {word} for the MG, and {string} is owed {amount} {word}: the price, the deposit of {amount} and its {percent} of the MG")
  public void settlementHasOpenedTheAgreement(String platform, Long price, String currency, Long mg, String mgCurrency,
      String licensor, Long owedToLicensor, String owedCurrency, Long deposit, Long mgShare) {
    SettlementAgreement agreement = await("the settlement agreement of the active contract").atMost(Auction.SLACK)
        .ignoreExceptions().until(this::agreement, a -> a != null);
    assertThat(agreement.getLicenseeOrganizationId()).isEqualTo(org(platform));
    assertThat(agreement.getCurrency()).isEqualTo(currency).isEqualTo(mgCurrency).isEqualTo(owedCurrency);
    assertThat(agreement.getInvoices()).anySatisfy(i -> {
      assertThat(i.getKind()).isEqualTo("LICENCE_PRICE");
      assertThat(i.getAmount()).isEqualTo(price);
      assertThat(i.getCounterpartyId()).isEqualTo(org(platform));
    });
    isAlsoInvoicedTheMg(platform, mg, currency);
    // the price balance, the deposit applied toward it, and the licensor's part of the MG
    assertThat(owedToLicensor).isEqualTo(price + deposit + mg * mgShare / 10_000);
    assertThat(owed(licensor)).isEqualTo(owedToLicensor);
  }

  @Given("{actor} offers the licence under an MG of {amount} {word}, {percent} of gross up to {amount} and {percent} above, an exchange fee of {percent} and {percent} withheld from payees outside {word}, shared by:")
  public void offersTheLicenceUnder(Actor holder, Long mg, String currency, Long lowRate, Long threshold, Long highRate,
      Long fee, Long withholding, String payerCountry, List<Map<String, String>> payees) {
    offer(mg, lowRate, threshold, highRate, fee, withholding, payerCountry, payees,
        io.reelx.client.model.RateSchedule.AccumulationEnum.PER_PERIOD);
  }

  private void offer(Long mg, Long lowRate, Long threshold, Long highRate, Long fee, Long withholding, String payerCountry,
      List<Map<String, String>> payees, io.reelx.client.model.RateSchedule.AccumulationEnum accumulation) {
    List<io.reelx.client.model.SettlementPayee> payeeList = new ArrayList<>();
    for (Map<String, String> row : payees) {
      payeeList.add(new io.reelx.client.model.SettlementPayee().organizationId(org(row.get("payee")))
          .shareBasisPoints(percent(row.get("share"))).country(row.get("country")));
    }
    world.offerNextListingUnder(new io.reelx.client.model.SettlementTerms()
        .minimumGuarantee(mg)
        .revenueShare(new io.reelx.client.model.RevenueShare().basis(io.reelx.client.model.RevenueShareBasis.GROSS)
            .schedule(new io.reelx.client.model.RateSchedule()
                .metric(io.reelx.client.model.RateSchedule.MetricEnum.REVENUE)
                .mode(io.reelx.client.model.RateSchedule.ModeEnum.MARGINAL)
                .accumulation(accumulation)
                .tiers(List.of(new io.reelx.client.model.RateTier().from("0").basisPoints(lowRate),
                    new io.reelx.client.model.RateTier().from(Long.toString(threshold)).basisPoints(highRate)))))
        .payees(payeeList)
        .exchangeFeeBasisPoints(fee)
        .withholdingTax(new io.reelx.client.model.WithholdingTax().basisPoints(withholding).payerCountry(payerCountry))
        .notes("Monthly revenue reports; statements in CNY."));
  }

  @Given("{actor} offers the licence under an MG of {amount} {word}, {percent} of cumulative gross up to {amount} and {percent} above, an exchange fee of {percent} and {percent} withheld from payees outside {word}, shared by:")
  public void offersTheLicenceUnderCumulativeTiers(Actor holder, Long mg, String currency, Long lowRate, Long threshold, Long highRate,
      Long fee, Long withholding, String payerCountry, List<Map<String, String>> payees) {
    offer(mg, lowRate, threshold, highRate, fee, withholding, payerCountry, payees,
        io.reelx.client.model.RateSchedule.AccumulationEnum.CUMULATIVE);
  }

  @Given("settlement has opened the agreement")
  public void settlementHasOpenedTheAgreement() {
    await("the settlement agreement of the active contract").atMost(Auction.SLACK).ignoreExceptions().until(this::agreement, a -> a != null);
  }

  @Then("{string} is also invoiced {amount} {word} for the MG")
  public void isAlsoInvoicedTheMg(String platform, Long mg, String currency) {
    List<SettlementInvoice> invoices = agreement().getInvoices();
    assertThat(invoices).anySatisfy(i -> {
      assertThat(i.getKind()).isEqualTo("MINIMUM_GUARANTEE");
      assertThat(i.getAmount()).isEqualTo(mg);
      assertThat(i.getCurrency()).isEqualTo(currency);
      assertThat(i.getCounterpartyId()).isEqualTo(org(platform));
    });
  }

  // ------------------------------------------------------------------ reports and statements

  @When("{actor} reports the revenue of {word}, declaring {amount} {word} payable:")
  public void reportsTheRevenue(Actor platform, String period, Long declared, String currency, List<Map<String, String>> rows) {
    List<RevenueReportLine> lines = new ArrayList<>();
    for (Map<String, String> row : rows) {
      lines.add(new RevenueReportLine().episode(row.get("episode")).territory(row.get("territory")).channel(row.get("channel"))
          .views(row.get("views")).watchHours(row.get("watch hours"))
          .gross(Long.toString(new BigDecimal(row.get("gross").replace(",", "")).movePointRight(2).longValueExact())));
    }
    lastReport = new RevenueReportRequest().period(period).currency(currency).declaredPayable(declared).lines(lines);
    firstOutcome = expectSuccess(platform + " reporting revenue",
        () -> platform.settlement().submitRevenueReport(contractId(), lastReport, "report-" + UUID.randomUUID()));
    assertThat(firstOutcome.getReplayed()).isFalse();
  }

  @Then("the {word} statement shows a share of {amount}, {amount} recouped, {amount} payable and an exchange fee of {amount}")
  public void theStatementShows(String period, Long share, Long recouped, Long payable, Long fee) {
    StatementSummary s = statement(period);
    assertThat(s.getShare()).isEqualTo(share);
    assertThat(s.getRecouped()).isEqualTo(recouped);
    assertThat(s.getPayable()).isEqualTo(payable);
    assertThat(s.getExchangeFee()).isEqualTo(fee);
  }

  private StatementSummary statement(String period) {
    return expectSuccess("Listing statements", () -> finance().settlement().listStatements(contractId())).stream()
        .filter(s -> s.getPeriod().equals(period)).reduce((a, b) -> b).orElseThrow();
  }

  @Then("the {word} statement is version {int}: a share of {amount}, {amount} recouped, {amount} payable, {amount} less than version {int}")
  public void theStatementIsVersion(String period, int version, Long share, Long recouped, Long payable, Long less, int replaced) {
    StatementSummary s = statement(period);
    assertThat(s.getVersion()).isEqualTo(version);
    assertThat(s.getId()).isEqualTo(period + "-v" + version);
    assertThat(s.getShare()).isEqualTo(share);
    assertThat(s.getRecouped()).isEqualTo(recouped);
    assertThat(s.getPayable()).isEqualTo(payable);
    assertThat(s.getAdjustment()).isNotNull();
    assertThat(s.getAdjustment().getReplaces()).isEqualTo(period + "-v" + replaced);
    assertThat(s.getAdjustment().getPayable()).isEqualTo(-less);
  }

  @Then("the {word} adjustment takes back {amount} from {string} and {amount} from {string}, also in its CSV")
  public void theAdjustmentTakesBack(String period, Long first, String firstPayee, Long second, String secondPayee) {
    StatementSummary s = statement(period);
    Map<String, Long> byPayee = new LinkedHashMap<>();
    s.getAdjustment().getPayees().forEach(p -> {
      byPayee.put(p.getOrganizationId(), p.getNet());
      assertThat(p.getOrganizationName()).as("payees by name as well as id").isNotBlank();
    });
    assertThat(byPayee).containsEntry(org(firstPayee), -first).containsEntry(org(secondPayee), -second);
    assertThat(s.getPayees()).extracting(StatementPayee::getOrganizationName)
        .containsExactly(world.organization(firstPayee).getName(), world.organization(secondPayee).getName());
    var export = finance().getText("/api/v1/contracts/" + contractId() + "/statements/" + s.getId() + "/csv", "text/csv");
    assertThat(export.status()).isEqualTo(200);
    assertThat(export.body()).contains("adjustment,payable,," + (-(first + second)) + ",CNY")
        .contains("adjustment," + org(firstPayee) + " net,," + (-first) + ",CNY");
  }

  @Then("after {word} no MG is left to recoup")
  public void noMgIsLeft(String period) {
    assertThat(statement(period).getMgOutstanding()).isZero();
  }

  @Then("version {int} of the {word} statement still reads {amount} payable")
  public void versionStillReads(int version, String period, Long payable) {
    var earlier = expectSuccess("Reading an earlier version",
        () -> finance().settlement().getStatement(contractId(), period + "-v" + version));
    assertThat(earlier.getSummary().getPayable()).isEqualTo(payable);
    assertThat(earlier.getSummary().getAdjustment()).isNull();
  }

  @Then("the payees' parts are:")
  public void thePayeesPartsAre(List<Map<String, String>> rows) {
    List<StatementPayee> payees = statement(firstOutcome.getStatement().getPeriod()).getPayees();
    assertThat(payees).hasSize(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      Map<String, String> row = rows.get(i);
      StatementPayee payee = payees.get(i);
      assertThat(payee.getOrganizationId()).isEqualTo(org(row.get("payee")));
      assertThat(payee.getPart()).as("part of %s", row.get("payee")).isEqualTo(minor(row.get("part")));
      assertThat(payee.getWithholdingTax()).as("withheld from %s", row.get("payee")).isEqualTo(minor(row.get("withheld")));
      assertThat(payee.getNet()).as("net of %s", row.get("payee")).isEqualTo(minor(row.get("net")));
    }
  }

  private static long minor(String amount) {
    return new BigDecimal(amount.replace(",", "")).movePointRight(2).longValueExact();
  }

  @Then("{actor} and {actor} see the statement, and {actor} does not")
  public void seeTheStatement(Actor licensor, Actor payee, Actor outsider) {
    String id = firstOutcome.getStatement().getId();
    for (Actor reader : List.of(licensor, payee)) {
      assertThat(expectSuccess(reader + " reading the statement", () -> reader.settlement().getStatement(contractId(), id))
          .getSummary().getPayable()).isEqualTo(firstOutcome.getStatement().getPayable());
    }
    var export = licensor.getText("/api/v1/contracts/" + contractId() + "/statements/" + id + "/csv", "text/csv");
    assertThat(export.status()).isEqualTo(200);
    assertThat(export.contentType()).startsWith("text/csv");
    assertThat(export.body()).startsWith("section,item,basis_points,amount_minor,currency")
        .contains("statement,payable,," + firstOutcome.getStatement().getPayable() + ",");
    assertThat(world.attempt(() -> outsider.settlement().getStatement(contractId(), id)).status()).isEqualTo(404);
    assertThat(world.attempt(() -> outsider.settlement().listStatements(contractId())).status()).isEqualTo(404);
  }

  @When("{actor} sends the same report again")
  public void sendsTheSameReportAgain(Actor platform) {
    transfersBefore = trialTotals();
    RevenueReportOutcome again = expectSuccess("Sending the report again",
        () -> platform.settlement().submitRevenueReport(contractId(), lastReport, null));
    assertThat(again.getReplayed()).isTrue();
    assertThat(again.getStatement()).isEqualTo(firstOutcome.getStatement());
  }

  @Then("the first statement is answered again and nothing is posted twice")
  public void nothingIsPostedTwice() {
    assertThat(trialTotals()).isEqualTo(transfersBefore);
    assertThat(expectSuccess("Listing statements", () -> finance().settlement().listStatements(contractId()))).hasSize(1);
  }

  private long trialTotals() {
    return expectSuccess("Reading the trial balance", () -> finance().finance().getTrialBalance()).getCurrencies().stream()
        .mapToLong(c -> c.getDebitsPosted()).sum();
  }

  @When("{actor} uploads the revenue of {word} as CSV, declaring {amount} {word} payable:")
  public void uploadsCsv(Actor platform, String period, Long declared, String currency, String csv) {
    String path = "/api/v1/contracts/" + URLEncoder.encode(contractId(), StandardCharsets.UTF_8) + "/revenue-reports/csv?period="
        + period + "&currency=" + currency + "&declaredPayable=" + declared;
    world.lastOutcome(platform.sendCsv(path, csv));
  }

  @Then("the problem lists these errors, all at once:")
  public void theProblemListsTheseErrors(List<String> fields) {
    List<FieldError> errors = world.lastOutcome().problem().getErrors();
    assertThat(errors).extracting(FieldError::getField).containsAll(fields.subList(1, fields.size()));
    assertThat(errors).allSatisfy(e -> assertThat(e.getReason()).isNotBlank());
  }

  @Then("the contract has no revenue report and no statement")
  public void noReportNoStatement() {
    assertThat(expectSuccess("Listing reports", () -> finance().settlement().listRevenueReports(contractId()))).isEmpty();
    assertThat(expectSuccess("Listing statements", () -> finance().settlement().listStatements(contractId()))).isEmpty();
  }

  // ------------------------------------------------------------------ payments and reconciliation

  @When("{actor} records a receipt of {amount} {word} from {string} for the {word} statement")
  public void recordsAReceipt(Actor officer, Long amount, String currency, String payer, String period) {
    String invoice = "INV-" + contractId() + "/" + period + "/v" + statement(period).getVersion();
    expectSuccess("Recording a bank receipt", () -> officer.finance().recordPayment("receipt-" + UUID.randomUUID(),
        new PaymentRequest().counterpartyId(org(payer)).amount(amount).currency(currency).bankReference("CMB-" + UUID.randomUUID())
            .invoiceNumber(invoice).receivedOn(LocalDate.parse(period + "-28").plusDays(10))));
  }

  @When("{actor} reconciles {word}")
  public void reconciles(Actor officer, String period) {
    reconciliation = expectSuccess("Reconciling " + period, () -> officer.finance().reconcile(period));
  }

  private Discrepancy discrepancy(Discrepancy.KindEnum kind) {
    String platform = contracts.contract().getLicensee().getOrganizationId();
    return expectSuccess("Listing discrepancies", () -> finance().finance().listDiscrepancies(reconciliation.getPeriod(), null))
        .stream().filter(d -> d.getKind() == kind)
        .filter(d -> contractId().equals(d.getContractId()) || platform.equals(d.getCounterpartyId()))
        .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " discrepancy in " + reconciliation));
  }

  @Then("the declared payable is flagged {amount} {word} short of the computed {amount}")
  public void theDeclaredPayableIsFlagged(Long shortBy, String currency, Long computed) {
    Discrepancy d = discrepancy(Discrepancy.KindEnum.PAYABLE_MISMATCH);
    assertThat(d.getExpected()).isEqualTo(computed);
    assertThat(d.getDifference()).isEqualTo(-shortBy);
    assertThat(d.getCurrency()).isEqualTo(currency);
    assertThat(d.getStatus()).isEqualTo(Discrepancy.StatusEnum.OPEN);
    assertThat(d.getExplanation()).contains("declared payable");
    assertThat(d.getDetails()).anySatisfy(line -> assertThat(line).startsWith("band"));
  }

  @Then("the receipt is flagged {amount} {word} short of the invoiced {amount}")
  public void theReceiptIsFlagged(Long shortBy, String currency, Long invoiced) {
    Discrepancy d = discrepancy(Discrepancy.KindEnum.PAYMENT_MISMATCH);
    assertThat(d.getExpected()).isEqualTo(invoiced);
    assertThat(d.getDifference()).isEqualTo(-shortBy);
    assertThat(d.getDetails()).anySatisfy(line -> assertThat(line).contains("short"));
  }

  @When("{actor} resolves the payable discrepancy as {word} because {string}")
  public void resolvesThePayableDiscrepancy(Actor officer, String outcome, String reason) {
    Discrepancy d = discrepancy(Discrepancy.KindEnum.PAYABLE_MISMATCH);
    expectSuccess("Resolving " + d.getId(), () -> officer.finance().resolveDiscrepancy(d.getId(),
        new ResolutionRequest().outcome(ResolutionRequest.OutcomeEnum.fromValue(outcome)).reason(reason)));
  }

  @Then("the payable discrepancy is resolved, and only the payment discrepancy stays open")
  public void thePayableDiscrepancyIsResolved() {
    Discrepancy payable = discrepancy(Discrepancy.KindEnum.PAYABLE_MISMATCH);
    assertThat(payable.getStatus()).isEqualTo(Discrepancy.StatusEnum.RESOLVED);
    assertThat(payable.getResolvedBy()).isNotBlank();
    assertThat(payable.getReason()).isNotBlank();
    assertThat(discrepancy(Discrepancy.KindEnum.PAYMENT_MISMATCH).getStatus()).isEqualTo(Discrepancy.StatusEnum.OPEN);
    assertThat(world.attempt(() -> finance().finance().resolveDiscrepancy(payable.getId(),
        new ResolutionRequest().outcome(ResolutionRequest.OutcomeEnum.WRITE_OFF).reason("twice"))).status()).isEqualTo(409);
  }

  // ------------------------------------------------------------------ payouts and ledger

  @When("{actor} pays out to {string} and {string} what the exchange owes them, and {actor} approves the payouts")
  public void paysOut(Actor officer, String first, String second, Actor approver) {
    for (String payee : List.of(first, second)) {
      long owed = owed(payee);
      assertThat(owed).as("owed to %s", payee).isPositive();
      String key = "payout-" + UUID.randomUUID();
      expectSuccess("Requesting a payout", () -> officer.finance().requestPayout(key,
          new PayoutRequest().organizationId(org(payee)).amount(owed).currency(agreement().getCurrency())));
      assertThat(world.attempt(() -> officer.finance().approvePayout(key)).status()).as("four eyes").isEqualTo(422);
      assertThat(expectSuccess("Approving the payout", () -> approver.finance().approvePayout(key)).getStatus().getValue())
          .isEqualTo("APPROVED");
    }
  }

  @Then("the exchange owes {string} and {string} nothing")
  public void owesNothing(String first, String second) {
    assertThat(owed(first)).isZero();
    assertThat(owed(second)).isZero();
  }

  @Then("the trial balance nets to zero")
  public void theTrialBalanceNetsToZero() {
    var trial = expectSuccess("Reading the trial balance", () -> finance().finance().getTrialBalance());
    assertThat(trial.getBalanced()).isTrue();
    assertThat(trial.getCurrencies()).allSatisfy(c -> {
      assertThat(c.getDebitsPosted()).isEqualTo(c.getCreditsPosted());
      assertThat(c.getDebitsPending()).isEqualTo(c.getCreditsPending());
    });
  }
}
