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
import io.reelx.settlement.application.SettlementDesk;
import io.reelx.settlement.application.SettlementProblem;
import io.reelx.settlement.ledger.domain.AccountId;
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

  @Autowired SettlementDesk settlement;
  @Autowired JdbcLedger ledger;
  @Autowired EventStore events;

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
    settlement.open(open);
    settlement.open(open);   // a replay records nothing
    settlement.replaceTerms(contract, withMg, "finance-1");
    settlement.end(contract, LocalDate.parse("2027-03-14"));
    settlement.end(contract, LocalDate.parse("2027-05-31"));   // a later end records nothing
    assertThatThrownBy(() -> settlement.replaceTerms(contract, terms, "finance-1"))
        .as("the MG is invoiced: the agreement refuses, nothing is recorded").isInstanceOf(SettlementProblem.Conflict.class);

    List<AgreementEvent> stored = events.readEvents("settlement-" + contract).asStream()
        .map(DomainEventMessage::getPayload).map(AgreementEvent.class::cast).toList();
    assertThat(stored).extracting(e -> e.getClass().getSimpleName())
        .containsExactly("AgreementOpened", "InvoiceRaised", "TermsReplaced", "InvoiceRaised", "AgreementEnded");
    assertThat(((AgreementOpened) stored.get(0)).terms()).isEqualTo(terms);
    assertThat(((TermsReplaced) stored.get(2)).terms()).isEqualTo(withMg);
    assertThat(((TermsReplaced) stored.get(2)).ruleVersion()).isEqualTo(2);
    assertThat(((TermsReplaced) stored.get(2)).replacedBy()).isEqualTo("finance-1");
    assertThat(((InvoiceRaised) stored.get(3)).number()).isEqualTo("INV-" + contract + "-MG");
    assertThat(((AgreementEnded) stored.get(4)).lastDay()).isEqualTo(LocalDate.parse("2027-03-14"));

    // the rows are the events' projection
    assertThat(settlement.agreement(contract).orElseThrow()).isEqualTo(SettlementAgreement.replay(stored).agreement());
    assertThat(settlement.invoices(contract)).extracting(i -> i.number() + "=" + i.amount())
        .containsExactlyInAnyOrder("INV-" + contract + "-PRICE=3000", "INV-" + contract + "-MG=7000");
    assertThat(ledger.balance(AccountId.organization(new OrganizationId(studio), "CNY")).orElseThrow().postedCreditBalance())
        .isEqualTo(3_000 + 7_000);
    assertThat(ledger.trialBalance().netsToZero()).isTrue();
  }
}
