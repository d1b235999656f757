package io.reelx.exchange.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelx.settlement.agreement.domain.OpenAgreement;
import io.reelx.settlement.application.Records.ReportHeader;
import io.reelx.settlement.application.Records.ReportOutcome;
import io.reelx.settlement.application.Records.ReportSource;
import io.reelx.settlement.agreement.application.AgreementService;
import io.reelx.settlement.reconciliation.application.ReconciliationService;
import io.reelx.settlement.report.application.ReportService;
import io.reelx.settlement.statement.application.StatementService;
import io.reelx.settlement.application.SettlementProblem;
import io.reelx.settlement.ledger.domain.AccountId;
import io.reelx.settlement.ledger.domain.TransferCode;
import io.reelx.settlement.ledger.query.JdbcLedger;
import io.reelx.settlement.terms.domain.Accumulation;
import io.reelx.settlement.terms.domain.Basis;
import io.reelx.settlement.terms.domain.Metric;
import io.reelx.settlement.terms.domain.MinimumGuarantee;
import io.reelx.settlement.terms.domain.OrganizationId;
import io.reelx.settlement.terms.domain.Payee;
import io.reelx.settlement.terms.domain.Rate;
import io.reelx.settlement.terms.domain.RateSchedule;
import io.reelx.settlement.terms.domain.RevenueShare;
import io.reelx.settlement.terms.domain.SettlementTerms;
import io.reelx.settlement.terms.domain.Tier;
import io.reelx.settlement.terms.domain.TierMode;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Restatements on PostgreSQL: a new version is a new statement from the same opening position,
 * posted as adjustments (reversed when the figures shrink), invoiced for the difference; the
 * statements of earlier versions stay as they were, and a version is never overwritten.
 */
class RestatementTest extends IntegrationTest {

  @Autowired AgreementService agreements;
  @Autowired ReconciliationService reconciliation;
  @Autowired ReportService reports;
  @Autowired StatementService statements;
  @Autowired JdbcLedger ledger;

  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final String contract = "C-restate-" + run;
  private final String studio = "studio-" + run;
  private final String author = "author-" + run;
  private final String platform = "platform-" + run;

  @Test
  void each_version_posts_only_its_difference_and_the_earlier_statements_stay() {
    // MG 10,000; 50% of gross; studio 80% CN, author 20% US with 10% withheld
    SettlementTerms terms = new SettlementTerms("CNY", null, new MinimumGuarantee(10_000),
        new RevenueShare(Basis.GROSS, List.of(), new RateSchedule(Metric.REVENUE, TierMode.MARGINAL, Accumulation.PER_PERIOD,
            List.of(Tier.from("0", Rate.percent(5000))))),
        List.of(new Payee(new OrganizationId(studio), 8000, "CN"), new Payee(new OrganizationId(author), 2000, "US")),
        0, new io.reelx.settlement.terms.domain.WithholdingTax(1000, "CN"), 0);
    agreements.open(new OpenAgreement(contract, "L-" + run, "CNY", studio, platform, terms, 0, LocalDate.parse("2027-02-01"),
        Instant.parse("2027-01-10T00:00:00Z")));
    long studioAfterMg = owed(studio);

    // v1: gross 100,000 -> share 50,000, 10,000 recouped, payable 40,000: studio 32,000, author 8,000 (800 withheld)
    ReportOutcome v1 = report(100_000, 40_000);
    assertThat(v1.statement().statement().payable().minor()).isEqualTo(40_000);
    assertThat(owed(studio) - studioAfterMg).isEqualTo(32_000);
    // v2: gross 120,000 -> payable 50,000 from the same opening position: +10,000 (studio +8,000, author +1,800 net)
    ReportOutcome v2 = report(120_000, 50_000);
    assertThat(v2.report().version()).isEqualTo(2);
    assertThat(v2.statement().statement().recoupedThisPeriod().minor()).isEqualTo(10_000);
    assertThat(owed(studio) - studioAfterMg).isEqualTo(40_000);
    assertThat(owed(author)).isEqualTo(2_000 + 9_000);
    // v3: gross 90,000 -> payable 35,000: the adjustment is reversed, payees are debited
    report(90_000, 35_000);
    assertThat(owed(studio) - studioAfterMg).isEqualTo(28_000);
    assertThat(ledger.transfersOf(AccountId.organization(new OrganizationId(studio), "CNY"), 10))
        .anySatisfy(t -> {
          assertThat(t.code()).isEqualTo(TransferCode.ADJUSTMENT_PAYEE_NET);
          assertThat(t.debit().owner()).isEqualTo(studio);
        });
    // the platform owes 10,000 MG + 35,000; it is invoiced 40,000, +10,000 and -15,000 for March
    assertThat(owed(platform)).isEqualTo(-45_000);
    assertThat(statements.invoices(contract)).extracting(i -> i.amount()).containsExactlyInAnyOrder(10_000L, 40_000L, 10_000L, -15_000L);
    assertThat(statements.statements(contract)).extracting(s -> s.statement().payable().minor())
        .containsExactly(40_000L, 50_000L, 35_000L);
    assertThat(agreements.agreement(contract).orElseThrow().position().mgRecoupedMinor()).isEqualTo(10_000);

    // a taken version with other content is a conflict; the same content is the first answer
    assertThatThrownBy(() -> reports.submitReport(new ReportHeader(contract, "2027-03", 1, "CNY", 1L),
        new ReportSource.Csv(new StringReader(csv(100_000))), "platform-user")).isInstanceOf(SettlementProblem.Conflict.class);
    assertThat(reports.submitReport(new ReportHeader(contract, "2027-03", 1, "CNY", 40_000L),
        new ReportSource.Csv(new StringReader(csv(100_000))), "platform-user").replayed()).isTrue();
    assertThat(ledger.trialBalance().netsToZero()).isTrue();
  }

  @Test
  void restating_a_month_re_rates_the_later_months_on_cumulative_tiers_and_the_mg_left() {
    // MG 1,000; 10% of cumulative gross up to 10,000, 20% above; studio 100%
    SettlementTerms terms = new SettlementTerms("CNY", null, new MinimumGuarantee(1_000),
        new RevenueShare(Basis.GROSS, List.of(), new RateSchedule(Metric.REVENUE, TierMode.MARGINAL, Accumulation.CUMULATIVE,
            List.of(Tier.from("0", Rate.percent(1000)), Tier.from("10000", Rate.percent(2000))))),
        List.of(new Payee(new OrganizationId(studio), 10_000, "CN")), 0, null, 0);
    agreements.open(new OpenAgreement(contract, "L-" + run, "CNY", studio, platform, terms, 0, LocalDate.parse("2027-02-01"),
        Instant.parse("2027-01-10T00:00:00Z")));
    long afterMg = owed(studio);
    // 8,000 / 6,000 / 5,000: shares 800 / 1,000 / 1,000, the MG keeps back 800 then 200: paid 0 / 800 / 1,000
    report("2027-01", 8_000, 0);
    report("2027-02", 6_000, 800);
    report("2027-03", 5_000, 1_000);
    assertThat(owed(studio) - afterMg).isEqualTo(1_800);

    // January restated to 4,000: shares 400 / 600 / 1,000 (10,000 -> 15,000 at 20%); the MG keeps back 400 then 600
    ReportOutcome restated = report("2027-01", 4_000, 0);

    assertThat(restated.statement().id()).isEqualTo(contract + "/2027-01/v2");
    assertThat(restated.report().statementId()).isEqualTo(contract + "/2027-01/v2");
    assertThat(owed(studio) - afterMg).as("a single run over the final figures pays 1,000").isEqualTo(1_000);
    assertThat(statements.latestStatement(contract, "2027-02").orElseThrow()).satisfies(february -> {
      assertThat(february.version()).isEqualTo(2);
      assertThat(february.declaredPayable()).isEqualTo(800);
      assertThat(february.statement().payable().minor()).isZero();
      assertThat(february.adjustment().payable().minor()).isEqualTo(-800);
      assertThat(february.adjustment().payees()).singleElement().satisfies(p -> assertThat(p.net().minor()).isEqualTo(-800));
    });
    assertThat(statements.statement(contract + "/2027-02/v1").orElseThrow().statement().payable().minor())
        .as("earlier versions stay readable").isEqualTo(800);
    assertThat(statements.invoices(contract)).filteredOn(i -> i.kind().equals("ADJUSTMENT")).extracting(i -> i.amount())
        .containsExactly(-800L);
    assertThat(agreements.agreement(contract).orElseThrow().position().cumulativeVolume()).isEqualByComparingTo("15000");
    assertThat(ledger.trialBalance().netsToZero()).isTrue();

    // February's report restated later opens on January's new closing position
    ReportOutcome february = report("2027-02", 7_000, 100);
    assertThat(february.statement().id()).isEqualTo(contract + "/2027-02/v3");
    assertThat(february.report().version()).isEqualTo(2);
    // 4,000 + 7,000: February's share 600 + 200 = 800, of which 600 recoups the MG: 200
    assertThat(february.statement().statement().payable().minor()).isEqualTo(200);
    assertThat(reports.submitReport(new ReportHeader(contract, "2027-02", null, "CNY", 100L),
        new ReportSource.Csv(new StringReader(csv(7_000))), "platform-user").statement().id())
        .as("a retry replays the statement the report produced").isEqualTo(contract + "/2027-02/v3");
  }

  @Test
  void after_the_licence_ends_later_months_are_refused_and_earlier_ones_still_settle() {
    SettlementTerms terms = new SettlementTerms("CNY", null, null, new RevenueShare(Basis.GROSS, List.of(),
        RateSchedule.flat(Metric.REVENUE, Rate.percent(5000))), List.of(new Payee(new OrganizationId(studio), 10_000, "CN")), 0, null, 0);
    agreements.open(new OpenAgreement(contract, "L-" + run, "CNY", studio, platform, terms, 0, LocalDate.parse("2027-02-01"),
        Instant.parse("2027-01-10T00:00:00Z")));
    agreements.end(contract, LocalDate.parse("2027-03-14"));
    agreements.end(contract, LocalDate.parse("2027-05-31"));   // a later end does not extend it
    assertThat(agreements.agreement(contract).orElseThrow().endsOn()).isEqualTo(LocalDate.parse("2027-03-14"));

    assertThat(report(10_000, 5_000).statement().statement().payable().minor()).isEqualTo(5_000);
    assertThatThrownBy(() -> reports.submitReport(new ReportHeader(contract, "2027-04", null, "CNY", 0L),
        new ReportSource.Csv(new StringReader(csv(10_000))), "platform-user"))
        .isInstanceOfSatisfying(SettlementProblem.Refused.class, e -> assertThat(e.code()).isEqualTo("period-after-licence-end"));
    assertThat(reports.reports(contract)).hasSize(1);

    // months are reported in order: a first report of February after March would be rated on
    // March's running position
    assertThatThrownBy(() -> reports.submitReport(new ReportHeader(contract, "2027-02", null, "CNY", 0L),
        new ReportSource.Csv(new StringReader(csv(10_000))), "platform-user"))
        .isInstanceOfSatisfying(SettlementProblem.Refused.class, e -> assertThat(e.code()).isEqualTo("period-out-of-order"));
    assertThat(reports.reports(contract)).hasSize(1);
  }

  @Test
  void a_discrepancy_that_a_later_reconciliation_no_longer_finds_is_cleared() {
    SettlementTerms terms = new SettlementTerms("CNY", null, new MinimumGuarantee(10_000), new RevenueShare(Basis.GROSS,
        List.of(), RateSchedule.flat(Metric.REVENUE, Rate.percent(5000))),
        List.of(new Payee(new OrganizationId(studio), 10_000, "CN")), 0, null, 0);
    agreements.open(new OpenAgreement(contract, "L-" + run, "CNY", studio, platform, terms, 0, LocalDate.parse("2027-02-01"),
        Instant.parse("2031-01-10T00:00:00Z")));
    String mgInvoice = statements.invoices(contract).get(0).number();
    reconciliation.recordReceipt("r1-" + run, platform, 4_000, "CNY", "BANK-1-" + run, mgInvoice, "2031-01",
        LocalDate.parse("2031-01-12"), "finance-user");
    String open = reconciliation.reconcile("2031-01").payments().stream()
        .filter(c -> c.counterparty().equals(platform)).findFirst().orElseThrow().discrepancyId();
    assertThat(open).as("the MG is 6,000 short").isNotNull();

    reconciliation.recordReceipt("r2-" + run, platform, 6_000, "CNY", "BANK-2-" + run, mgInvoice, "2031-01",
        LocalDate.parse("2031-01-20"), "finance-user");
    assertThat(reconciliation.reconcile("2031-01").payments().stream()
        .filter(c -> c.counterparty().equals(platform)).findFirst().orElseThrow().discrepancyId()).isNull();
    assertThat(reconciliation.discrepancies("2031-01", null)).filteredOn(d -> d.id().equals(open)).singleElement()
        .satisfies(d -> assertThat(d.resolution().outcome().name()).isEqualTo("CLEARED"));
  }

  @Test
  void the_same_receipt_sent_twice_at_the_same_moment_is_recorded_once_and_both_get_its_answer() throws Exception {
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<io.reelx.settlement.application.Records.ReceiptRecord>> answers = new java.util.ArrayList<>();
      for (int i = 0; i < 4; i++) {
        answers.add(pool.submit(() -> {
          go.await();
          return reconciliation.recordReceipt("same-" + run, platform, 7_000, "CNY", "BANK-SAME-" + run, null, "2031-02",
              LocalDate.parse("2031-02-03"), "finance-user");
        }));
      }
      go.countDown();
      java.util.Set<Instant> recorded = new java.util.HashSet<>();
      for (var answer : answers) {
        recorded.add(answer.get().recordedAt());
      }
      assertThat(recorded).as("every caller got the first answer").hasSize(1);
      assertThat(owed(platform)).as("credited once").isEqualTo(7_000);
    } finally {
      pool.shutdownNow();
    }
  }

  private ReportOutcome report(String period, long gross, long declared) {
    return reports.submitReport(new ReportHeader(contract, period, null, "CNY", declared),
        new ReportSource.Csv(new StringReader(csv(gross))), "platform-user");
  }

  private ReportOutcome report(long gross, long declared) {
    return reports.submitReport(new ReportHeader(contract, "2027-03", null, "CNY", declared),
        new ReportSource.Csv(new StringReader(csv(gross))), "platform-user");
  }

  private static String csv(long gross) {
    return "episode,territory,channel,views,watch_hours,gross_minor,currency\n"
        + "S01E01,CN,SVOD,100,10.5," + (gross - 1) + ",CNY\n"
        + "S01E02,CN,SVOD,1,0.001,1,CNY\n";
  }

  private long owed(String organization) {
    return ledger.balance(AccountId.organization(new OrganizationId(organization), "CNY")).orElseThrow().postedCreditBalance();
  }
}
