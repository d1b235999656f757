package io.reelx.exchange.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelx.settlement.agreement.domain.AgreementEvent;
import io.reelx.settlement.agreement.domain.AgreementEvent.AgreementEnded;
import io.reelx.settlement.agreement.domain.AgreementEvent.AgreementOpened;
import io.reelx.settlement.agreement.domain.AgreementEvent.InvoiceRaised;
import io.reelx.settlement.agreement.domain.AgreementEvent.TermsReplaced;
import io.reelx.settlement.agreement.domain.OpenAgreement;
import io.reelx.settlement.agreement.domain.SettlementAgreement;
import io.reelx.settlement.application.Records.ReportHeader;
import io.reelx.settlement.application.Records.ReportOutcome;
import io.reelx.settlement.application.Records.ReportSource;
import io.reelx.settlement.application.Records.StatementRecord;
import io.reelx.settlement.agreement.application.AgreementService;
import io.reelx.settlement.reconciliation.application.ReconciliationService;
import io.reelx.settlement.report.application.ReportService;
import io.reelx.settlement.statement.application.StatementService;
import io.reelx.settlement.application.SettlementProblem;
import io.reelx.settlement.application.StreamLog;
import io.reelx.settlement.eventsourcing.EventSourced;
import io.reelx.settlement.eventsourcing.StreamEvent;
import io.reelx.settlement.fx.application.FxService;
import io.reelx.settlement.fx.domain.FxRateSet;
import io.reelx.settlement.ledger.application.DepositService;
import io.reelx.settlement.ledger.domain.AccountId;
import io.reelx.settlement.ledger.domain.ListingDeposits;
import io.reelx.settlement.payout.application.PayoutService;
import io.reelx.settlement.payout.domain.Payout;
import io.reelx.settlement.reconciliation.domain.BankReceipt;
import io.reelx.settlement.reconciliation.domain.PeriodReconciliation;
import io.reelx.settlement.reconciliation.domain.Resolution;
import io.reelx.settlement.ledger.query.JdbcLedger;
import io.reelx.settlement.terms.domain.Basis;
import io.reelx.settlement.terms.domain.Metric;
import io.reelx.settlement.terms.domain.MinimumGuarantee;
import io.reelx.settlement.terms.domain.OrganizationId;
import io.reelx.settlement.terms.domain.Payee;
import io.reelx.settlement.terms.domain.Rate;
import io.reelx.settlement.terms.domain.RateSchedule;
import io.reelx.settlement.terms.domain.RevenueShare;
import io.reelx.settlement.terms.domain.SettlementTerms;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The agreement flow (open, terms replaced, licence ended) is recorded as the agreement's events in
 * the event store, and the desk's rows and ledger transfers are what those events project into:
 * replaying the stored events gives the agreement the desk shows.
 */
class AgreementEventsTest extends IntegrationTest {

  @Autowired AgreementService agreements;
  @Autowired ReconciliationService reconciliation;
  @Autowired ReportService reports;
  @Autowired StatementService statements;
  @Autowired JdbcLedger ledger;
  @Autowired DepositService deposits;
  @Autowired FxService fx;
  @Autowired PayoutService payouts;
  @Autowired EventStore events;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final String contract = "C-events-" + run;
  private final String studio = "studio-" + run;
  private final String platform = "platform-" + run;

  @Test
  void opening_replacing_terms_and_ending_are_the_agreements_events_and_the_rows_follow_them() {
    SettlementTerms terms = new SettlementTerms("CNY", null, null, new RevenueShare(Basis.GROSS, List.of(),
        RateSchedule.flat(Metric.REVENUE, Rate.percent(5000))), List.of(new Payee(new OrganizationId(studio), 10_000, "CN")), 0, null, 0);
    SettlementTerms withMg = new SettlementTerms("CNY", null, new MinimumGuarantee(7_000), terms.revenueShare(), terms.payees(), 0,
        null, 0);
    OpenAgreement open = new OpenAgreement(contract, "L-" + run, "CNY", studio, platform, terms, 3_000, LocalDate.parse("2027-02-01"),
        Instant.parse("2027-01-10T00:00:00Z"));
    agreements.open(open);
    agreements.open(open);   // a replay records nothing
    agreements.replaceTerms(contract, withMg, "finance-1");
    agreements.end(contract, LocalDate.parse("2027-03-14"));
    agreements.end(contract, LocalDate.parse("2027-05-31"));   // a later end records nothing
    assertThatThrownBy(() -> agreements.replaceTerms(contract, terms, "finance-1"))
        .as("the MG is invoiced: the agreement refuses, nothing is recorded").isInstanceOf(SettlementProblem.Conflict.class);
    reconciliation.recordReceipt("R-" + run, platform, 3_000, "CNY", "BANK-" + run, "INV-" + contract + "-PRICE", null,
        LocalDate.parse("2027-01-20"), "finance-1");
    reconciliation.recordReceipt("R-" + run, platform, 3_000, "CNY", "BANK-" + run, "INV-" + contract + "-PRICE", null,
        LocalDate.parse("2027-01-20"), "finance-1");   // the same receipt again records nothing

    List<AgreementEvent> stored = events.readEvents("settlement-" + contract).asStream()
        .map(DomainEventMessage::getPayload).map(AgreementEvent.class::cast).toList();
    assertThat(stored).extracting(e -> e.getClass().getSimpleName())
        .containsExactly("AgreementOpened", "InvoiceRaised", "TermsReplaced", "InvoiceRaised", "AgreementEnded", "PaymentReceived");
    assertThat(reconciliation.receipt("R-" + run).orElseThrow().period()).isEqualTo("2027-01");
    assertThat(ledger.balance(AccountId.organization(new OrganizationId(platform), "CNY")).orElseThrow().postedCreditBalance())
        .as("invoiced 3,000 + 7,000, paid 3,000").isEqualTo(-7_000);
    assertThat(((AgreementOpened) stored.get(0)).terms()).isEqualTo(terms);
    assertThat(((TermsReplaced) stored.get(2)).terms()).isEqualTo(withMg);
    assertThat(((TermsReplaced) stored.get(2)).ruleVersion()).isEqualTo(2);
    assertThat(((TermsReplaced) stored.get(2)).replacedBy()).isEqualTo("finance-1");
    assertThat(((InvoiceRaised) stored.get(3)).number()).isEqualTo("INV-" + contract + "-MG");
    assertThat(((AgreementEnded) stored.get(4)).lastDay()).isEqualTo(LocalDate.parse("2027-03-14"));

    // the rows are the events' projection
    assertThat(agreements.agreement(contract).orElseThrow()).isEqualTo(SettlementAgreement.replay(stored).agreement());
    assertThat(statements.invoices(contract)).extracting(i -> i.number() + "=" + i.amount())
        .containsExactlyInAnyOrder("INV-" + contract + "-PRICE=3000", "INV-" + contract + "-MG=7000");
    assertThat(ledger.balance(AccountId.organization(new OrganizationId(studio), "CNY")).orElseThrow().postedCreditBalance())
        .isEqualTo(3_000 + 7_000);
    assertThat(ledger.trialBalance().netsToZero()).isTrue();
  }

  @Test
  void an_agreement_opened_before_agreements_had_events_is_adopted_from_its_row() {
    SettlementTerms terms = new SettlementTerms("CNY", null, null, new RevenueShare(Basis.GROSS, List.of(),
        RateSchedule.flat(Metric.REVENUE, Rate.percent(5000))), List.of(new Payee(new OrganizationId(studio), 10_000, "CN")), 0, null, 0);
    jdbc.update("INSERT INTO settlement_agreement (contract_id, currency, licensor_org_id, licensee_org_id, terms, position, opened_at,"
            + " updated_at) VALUES (?,?,?,?,?::jsonb,?::jsonb,?,?)", contract, "CNY", studio, platform,
        io.reelx.settlement.application.SettlementJson.write(terms),
        io.reelx.settlement.application.SettlementJson.write(io.reelx.settlement.statement.domain.SettlementPosition.INITIAL),
        java.sql.Timestamp.from(Instant.parse("2027-01-10T00:00:00Z")), java.sql.Timestamp.from(Instant.parse("2027-01-10T00:00:00Z")));

    agreements.end(contract, LocalDate.parse("2027-03-14"));

    List<AgreementEvent> stored = events.readEvents("settlement-" + contract).asStream()
        .map(DomainEventMessage::getPayload).map(AgreementEvent.class::cast).toList();
    assertThat(stored).extracting(e -> e.getClass().getSimpleName()).containsExactly("AgreementOpened", "AgreementEnded");
    assertThat(agreements.agreement(contract).orElseThrow().endsOn()).isEqualTo(LocalDate.parse("2027-03-14"));
  }

  @Test
  void reports_and_restatements_are_the_agreements_events_and_the_statements_their_projection() {
    // MG 1,000; 10% of cumulative gross up to 10,000, 20% above
    SettlementTerms terms = new SettlementTerms("CNY", null, new MinimumGuarantee(1_000), new RevenueShare(Basis.GROSS, List.of(),
        new RateSchedule(Metric.REVENUE, io.reelx.settlement.terms.domain.TierMode.MARGINAL,
            io.reelx.settlement.terms.domain.Accumulation.CUMULATIVE, List.of(io.reelx.settlement.terms.domain.Tier.from("0",
                Rate.percent(1000)), io.reelx.settlement.terms.domain.Tier.from("10000", Rate.percent(2000))))),
        List.of(new Payee(new OrganizationId(studio), 10_000, "CN")), 0, null, 0);
    agreements.open(new OpenAgreement(contract, "L-" + run, "CNY", studio, platform, terms, 0, LocalDate.parse("2027-02-01"),
        Instant.parse("2027-01-10T00:00:00Z")));
    report("2027-01", 8_000);
    report("2027-02", 6_000);
    ReportOutcome restated = report("2027-01", 4_000);
    assertThat(report("2027-01", 4_000).replayed()).isTrue();

    List<AgreementEvent> stored = events.readEvents("settlement-" + contract).asStream()
        .map(DomainEventMessage::getPayload).map(AgreementEvent.class::cast).toList();
    assertThat(stored).extracting(e -> e.getClass().getSimpleName()).containsExactly("AgreementOpened", "InvoiceRaised",
        "RevenueReported", "StatementIssued",
        "RevenueReported", "StatementIssued", "InvoiceRaised",
        "RevenueReported", "StatementRestated", "StatementRestated", "InvoiceRaised");
    SettlementAgreement agreement = SettlementAgreement.replay(stored);
    assertThat(restated.statement().statement()).isEqualTo(agreement.latestStatement("2027-01").orElseThrow());
    assertThat(statements.statements(contract)).extracting(StatementRecord::statement).containsExactlyInAnyOrder(
        agreement.statements("2027-01").get(0), agreement.statements("2027-01").get(1),
        agreement.statements("2027-02").get(0), agreement.statements("2027-02").get(1));
    assertThat(agreements.agreement(contract).orElseThrow()).isEqualTo(agreement.agreement());
    assertThat(ledger.trialBalance().netsToZero()).isTrue();
  }

  @Test
  void deposits_fx_receipts_reconciliation_and_payouts_are_events_and_the_tables_replay_them() {
    String listing = "L-" + run;
    String loser = "loser-" + run;
    String period = "2041-03";
    SettlementTerms terms = new SettlementTerms("CNY", null, null, new RevenueShare(Basis.GROSS, List.of(),
        RateSchedule.flat(Metric.REVENUE, Rate.percent(5000))), List.of(new Payee(new OrganizationId(studio), 10_000, "CN")), 0, null, 0);
    // deposits: every step delivered twice, as a replayed trading event would be
    for (int i = 0; i < 2; i++) {
      deposits.depositReceived("reg-w-" + run, listing, platform, 5_000, "CNY");
      deposits.depositReceived("reg-l-" + run, listing, loser, 5_000, "CNY");
      deposits.depositReleased("reg-l-" + run);
      deposits.depositApplied("reg-w-" + run);
    }
    agreements.open(new OpenAgreement(contract, listing, "CNY", studio, platform, terms, 3_000, LocalDate.parse("2041-04-01"),
        Instant.parse("2041-03-10T00:00:00Z")));
    // FX
    fx.setFxRate("NOK", "SEK", new java.math.BigDecimal("0.98"), "finance-1");
    fx.setFxRate("NOK", "SEK", new java.math.BigDecimal("0.97"), "finance-2");
    // money received: the loser sends money against no invoice; the platform pays the price invoice (the agreement's event) in parts
    for (int i = 0; i < 2; i++) {
      reconciliation.recordReceipt("R0-" + run, loser, 1_000, "CNY", "BANK0-" + run, null, period, LocalDate.parse("2041-03-20"),
          "finance-1");
    }
    String price = "INV-" + contract + "-PRICE";
    reconciliation.recordReceipt("R1-" + run, platform, 1_000, "CNY", "BANK1-" + run, price, null, LocalDate.parse("2041-03-20"),
        "finance-1");
    String payments = "payments:" + period + ":" + platform + ":CNY";
    String unexpected = "payments:" + period + ":" + loser + ":CNY";
    assertThat(reconciliation.reconcile(period).payments()).filteredOn(c -> c.counterparty().equals(platform))
        .singleElement().satisfies(c -> assertThat(c.discrepancyId()).isEqualTo(payments));
    reconciliation.recordReceipt("R2-" + run, platform, 1_500, "CNY", "BANK2-" + run, price, null, LocalDate.parse("2041-03-21"),
        "finance-1");
    reconciliation.reconcile(period);   // found again, other figures
    assertThat(reconciliation.discrepancy(payments).orElseThrow().actual()).isEqualTo(2_500);
    reconciliation.recordReceipt("R3-" + run, platform, 500, "CNY", "BANK3-" + run, price, null, LocalDate.parse("2041-03-22"),
        "finance-1");
    reconciliation.reconcile(period);   // no longer found: cleared
    assertThat(reconciliation.discrepancy(payments).orElseThrow().resolution().outcome()).isEqualTo(Resolution.Outcome.CLEARED);
    reconciliation.resolve(unexpected, Resolution.Outcome.AWAIT_CORRECTION, "the bank will return it", "finance-1");
    assertThatThrownBy(() -> reconciliation.resolve(unexpected, Resolution.Outcome.WRITE_OFF, "again", "finance-1"))
        .isInstanceOf(SettlementProblem.Conflict.class);
    reconciliation.reconcile(period);   // a resolved one is left alone
    assertThat(reconciliation.discrepancy(unexpected).orElseThrow().resolution().outcome())
        .isEqualTo(Resolution.Outcome.AWAIT_CORRECTION);
    // payouts: the studio is owed the price balance and the deposit
    for (int i = 0; i < 2; i++) {
      payouts.requestPayout("P-" + run, studio, 6_000, "CNY", "finance-1");
    }
    assertThatThrownBy(() -> payouts.approvePayout("P-" + run, "finance-1")).isInstanceOfSatisfying(SettlementProblem.Refused.class,
        r -> assertThat(r.code()).isEqualTo("four-eyes"));
    payouts.approvePayout("P-" + run, "finance-2");
    payouts.approvePayout("P-" + run, "finance-2");
    payouts.requestPayout("P2-" + run, studio, 6_000, "CNY", "finance-1");
    assertThatThrownBy(() -> payouts.approvePayout("P2-" + run, "finance-2")).as("2,000 left")
        .isInstanceOfSatisfying(SettlementProblem.Refused.class, r -> assertThat(r.code()).isEqualTo("insufficient-balance"));
    payouts.refusePayout("P2-" + run, "finance-2", "more than is owed");

    // the streams hold the events
    assertThat(names("deposits-" + listing)).containsExactly("DepositReceived", "DepositReceived", "DepositReleased", "DepositCaptured",
        "DepositApplied");
    assertThat(names("receipt-R0-" + run)).containsExactly("ReceiptRecorded");
    assertThat(names("payout-P-" + run)).containsExactly("PayoutRequested", "PayoutApproved");
    assertThat(names("payout-P2-" + run)).containsExactly("PayoutRequested", "PayoutRefused");
    assertThat(stream("reconciliation-" + period)).filteredOn(e -> e.toString().contains(payments))
        .extracting(e -> e.getClass().getSimpleName())
        .as("the runs that found it, then its clearing")
        .containsExactly("DiscrepancyFound", "PeriodReconciled", "DiscrepancyFound", "PeriodReconciled", "DiscrepancyResolved");
    assertThat(names("reconciliation-" + period)).filteredOn("PeriodReconciled"::equals).hasSize(4);

    // and the tables are their replay
    ListingDeposits replayed = replay("deposits-" + listing);
    assertThat(jdbc.queryForList("SELECT registration_id, state FROM settlement_deposit WHERE listing_id = ? ORDER BY registration_id",
        listing)).extracting(r -> r.get("registration_id") + "=" + r.get("state")).containsExactlyInAnyOrderElementsOf(
        replayed.deposits().stream().map(d -> d.registrationId() + "=" + d.state()).toList());
    FxRateSet latest = (FxRateSet) stream("fx-NOK-SEK").get(stream("fx-NOK-SEK").size() - 1);
    assertThat(fx.fxRate("NOK", "SEK").orElseThrow()).satisfies(r -> {
      assertThat(r.rate()).isEqualByComparingTo(latest.rate());
      assertThat(r.setBy()).isEqualTo(latest.setBy()).isEqualTo("finance-2");
    });
    BankReceipt receipt = replay("receipt-R0-" + run);
    assertThat(reconciliation.receipt("R0-" + run).orElseThrow()).satisfies(r -> {
      assertThat(r.amount()).isEqualTo(receipt.recorded().orElseThrow().amount().minor());
      assertThat(r.period()).isEqualTo(receipt.recorded().orElseThrow().period());
    });
    PeriodReconciliation reconciled = replay("reconciliation-" + period);
    assertThat(reconciliation.discrepancies(period, null)).allSatisfy(d -> {
      var e = reconciled.discrepancy(d.id()).orElseThrow();
      assertThat(d.actual()).isEqualTo(e.actual().minor());
      assertThat(d.expected()).isEqualTo(e.expected().minor());
      assertThat(d.resolution()).isEqualTo(e.resolution());
    });
    assertThat(payouts.payout("P-" + run).orElseThrow().status()).isEqualTo(((Payout) replay("payout-P-" + run)).status().name());
    assertThat(payouts.payout("P2-" + run).orElseThrow().status()).isEqualTo(((Payout) replay("payout-P2-" + run)).status().name());
    assertThat(ledger.balance(AccountId.organization(new OrganizationId(studio), "CNY")).orElseThrow().postedCreditBalance())
        .as("price 3,000 + deposit 5,000 - payout 6,000").isEqualTo(2_000);
    assertThat(ledger.trialBalance().netsToZero()).isTrue();
  }

  private List<StreamEvent> stream(String streamId) {
    return events.readEvents(streamId).asStream().map(DomainEventMessage::getPayload).map(StreamEvent.class::cast).toList();
  }

  private List<String> names(String streamId) {
    return stream(streamId).stream().map(e -> e.getClass().getSimpleName()).toList();
  }

  @SuppressWarnings("unchecked")
  private <S> S replay(String streamId) {
    EventSourced<Object, StreamEvent> state = StreamLog.emptyState(streamId);
    stream(streamId).forEach(state::evolve);
    return (S) state;
  }

  private ReportOutcome report(String period, long gross) {
    return reports.submitReport(new ReportHeader(contract, period, null, "CNY", 0L), new ReportSource.Csv(new StringReader(
        "episode,territory,channel,views,watch_hours,gross_minor,currency\nS01E01,CN,SVOD,100,10.5," + gross + ",CNY\n")),
        "platform-user");
  }
}
