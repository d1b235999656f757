package io.reelx.exchange.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelx.settlement.agreement.domain.OpenAgreement;
import io.reelx.settlement.agreement.application.AgreementService;
import io.reelx.settlement.ledger.application.DepositService;
import io.reelx.settlement.statement.application.StatementService;
import io.reelx.settlement.ledger.domain.AccountBalance;
import io.reelx.settlement.ledger.domain.AccountId;
import io.reelx.settlement.ledger.domain.TransferId;
import io.reelx.settlement.ledger.query.JdbcLedger;
import io.reelx.settlement.terms.domain.Basis;
import io.reelx.settlement.terms.domain.Metric;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the settlement intake does with deposit events, on PostgreSQL: received -> held, then
 * released, or captured and applied to the licensor on activation, or forfeited, or refunded.
 * Every step is delivered twice, as a replayed event would be: nothing is posted twice.
 */
class DepositPostingsTest extends IntegrationTest {

  @Autowired AgreementService agreements;
  @Autowired DepositService deposits;
  @Autowired StatementService statements;
  @Autowired JdbcLedger ledger;

  private final String run = UUID.randomUUID().toString().substring(0, 8);

  private AccountBalance account(String org) {
    return ledger.balance(AccountId.organization(new OrganizationId(org), "CNY")).orElseThrow();
  }

  @Test
  void a_losing_bidders_hold_is_released_and_the_winners_deposit_goes_to_the_licensor_on_activation() {
    String listing = "L-" + run;
    String holder = "holder-" + run;
    String winner = "winner-" + run;
    String loser = "loser-" + run;
    twice(() -> deposits.listingOffered(listing, holder));
    twice(() -> deposits.depositReceived("reg-w-" + run, listing, winner, 100_000, "CNY"));
    twice(() -> deposits.depositReceived("reg-l-" + run, listing, loser, 100_000, "CNY"));
    assertThat(account(loser).debitsPending()).isEqualTo(100_000);
    assertThat(account(loser).creditsPosted()).isEqualTo(100_000);

    twice(() -> deposits.depositReleased("reg-l-" + run));
    twice(() -> deposits.depositApplied("reg-w-" + run));
    assertThat(account(loser).debitsPending()).isZero();
    assertThat(account(loser).postedCreditBalance()).as("the loser's money is its own again").isEqualTo(100_000);
    assertThat(ledger.holdState(new TransferId("deposit:reg-l-" + run + ":hold"))).contains(io.reelx.settlement.ledger.domain.Ledger.HoldStatus.VOIDED);
    assertThat(ledger.holdState(new TransferId("deposit:reg-w-" + run + ":hold"))).contains(io.reelx.settlement.ledger.domain.Ledger.HoldStatus.POSTED);
    assertThat(account(winner).postedCreditBalance()).isZero();

    OpenAgreement open = new OpenAgreement("C-" + run, listing, "CNY", holder, winner, terms(holder), 900_000,
        LocalDate.parse("2027-02-01"), Instant.parse("2027-01-15T08:00:00Z"));
    twice(() -> agreements.open(open));
    assertThat(account(holder).postedCreditBalance()).as("price balance + deposit").isEqualTo(1_000_000);
    assertThat(account(winner).postedCreditBalance()).as("the winner owes the balance").isEqualTo(-900_000);
    assertThat(statements.invoices("C-" + run)).singleElement().satisfies(i -> assertThat(i.amount()).isEqualTo(900_000));
    assertThat(ledger.trialBalance().netsToZero()).isTrue();
  }

  @Test
  void a_winner_that_does_not_sign_forfeits_and_a_voided_contract_refunds() {
    String holder = "holder-" + run;
    String late = "late-" + run;
    String unlucky = "unlucky-" + run;
    twice(() -> deposits.depositReceived("reg-f-" + run, "LF-" + run, late, 50_000, "CNY"));
    twice(() -> deposits.depositApplied("reg-f-" + run));
    twice(() -> deposits.depositForfeited("LF-" + run, late, holder));
    assertThat(account(holder).postedCreditBalance()).isEqualTo(50_000);
    assertThat(account(late).postedCreditBalance()).as("paid in, then lost").isZero();

    twice(() -> deposits.depositReceived("reg-r-" + run, "LR-" + run, unlucky, 70_000, "CNY"));
    twice(() -> deposits.depositApplied("reg-r-" + run));
    twice(() -> deposits.depositRefunded("LR-" + run, unlucky));
    assertThat(account(unlucky).postedCreditBalance()).as("paid in, and given back").isEqualTo(70_000);
    assertThat(account(unlucky).debitsPending()).isZero();
    assertThat(ledger.trialBalance().netsToZero()).isTrue();
  }

  private static SettlementTerms terms(String licensor) {
    return new SettlementTerms("CNY", null, null, new RevenueShare(Basis.GROSS, List.of(),
        RateSchedule.flat(Metric.REVENUE, Rate.percent(4000))), List.of(new Payee(new OrganizationId(licensor), 10_000, "CN")),
        0, null, 0);
  }

  private static void twice(Runnable step) {
    step.run();
    step.run();
  }
}
