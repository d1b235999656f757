package io.reelx.settlement.eventsourcing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelx.settlement.ledger.domain.AccountBalance;
import io.reelx.settlement.ledger.domain.DepositCommand;
import io.reelx.settlement.ledger.domain.DepositEvent;
import io.reelx.settlement.ledger.domain.DepositState;
import io.reelx.settlement.ledger.domain.Ledger;
import io.reelx.settlement.ledger.domain.ListingDeposits;
import io.reelx.settlement.ledger.domain.Transfer;
import io.reelx.settlement.money.Money;
import io.reelx.settlement.payout.domain.Payout;
import io.reelx.settlement.payout.domain.PayoutEvent;
import io.reelx.settlement.reconciliation.domain.Discrepancy;
import io.reelx.settlement.reconciliation.domain.PeriodReconciliation;
import io.reelx.settlement.reconciliation.domain.ReconciliationEvent;
import io.reelx.settlement.reconciliation.domain.Resolution;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Settlement's streams beside the agreements', given events, when a command, then events (or a refusal). */
class SettlementStreamsTest {

  private static final Instant AT = Instant.parse("2027-04-01T00:00:00Z");
  private static final Money DEPOSIT = Money.of(100_000, "CNY");

  // ---- deposits

  /** Decides and folds {@code commands} in order, collecting the events and their transfers. */
  private static List<DepositEvent> run(ListingDeposits deposits, List<Transfer> transfers, DepositCommand... commands) {
    List<DepositEvent> all = new ArrayList<>();
    for (DepositCommand c : commands) {
      List<DepositEvent> events = deposits.decide(c);
      events.forEach(deposits::evolve);
      events.forEach(e -> transfers.addAll(deposits.postings(e)));
      all.addAll(events);
    }
    return all;
  }

  @Test
  void a_loser_is_released_and_the_winner_captured_then_applied_and_every_step_again_decides_nothing() {
    ListingDeposits deposits = new ListingDeposits();
    List<Transfer> transfers = new ArrayList<>();
    List<DepositEvent> events = run(deposits, transfers,
        new DepositCommand.Receive("L-1", "reg-w", "winner", DEPOSIT), new DepositCommand.Receive("L-1", "reg-w", "winner", DEPOSIT),
        new DepositCommand.Receive("L-1", "reg-l", "loser", DEPOSIT),
        new DepositCommand.Release("L-1", "reg-l"), new DepositCommand.Release("L-1", "reg-l"),
        new DepositCommand.Capture("L-1", "reg-w"), new DepositCommand.Capture("L-1", "reg-w"),
        new DepositCommand.ApplyToPrice("L-1", "winner", "studio"), new DepositCommand.ApplyToPrice("L-1", "winner", "studio"),
        new DepositCommand.Release("L-1", "reg-unknown"));
    assertThat(events).extracting(e -> e.getClass().getSimpleName() + ":" + e.registrationId()).containsExactly(
        "DepositReceived:reg-w", "DepositReceived:reg-l", "DepositReleased:reg-l", "DepositCaptured:reg-w", "DepositApplied:reg-w");
    assertThat(events).allSatisfy(e -> assertThat(e.streamId()).isEqualTo("deposits-L-1"));
    assertThat(deposits.deposits()).extracting(ListingDeposits.Deposit::state).containsExactly(DepositState.APPLIED,
        DepositState.RELEASED);
    assertThat(ListingDeposits.replay(events).deposits()).isEqualTo(deposits.deposits());
    Ledger ledger = new Ledger();
    for (Transfer t : transfers) {
      ledger.open(t.debit());
      ledger.open(t.credit());
      assertThat(ledger.submit(t)).as(t.id().value()).isInstanceOf(io.reelx.settlement.ledger.domain.TransferResult.Accepted.class);
    }
    assertThat(ledger.trialBalance().netsToZero()).isTrue();
  }

  @Test
  void a_winner_held_but_never_captured_forfeits_through_a_capture_and_a_voided_contract_refunds_a_held_deposit() {
    ListingDeposits deposits = new ListingDeposits();
    List<Transfer> transfers = new ArrayList<>();
    assertThat(run(deposits, transfers, new DepositCommand.Receive("L-1", "reg-f", "late", DEPOSIT),
        new DepositCommand.Forfeit("L-1", "late", "studio"), new DepositCommand.Forfeit("L-1", "late", "studio")))
        .extracting(e -> e.getClass().getSimpleName()).containsExactly("DepositReceived", "DepositCaptured", "DepositForfeited");
    assertThat(run(deposits, transfers, new DepositCommand.Receive("L-1", "reg-r", "unlucky", DEPOSIT),
        new DepositCommand.Refund("L-1", "unlucky")))
        .extracting(e -> e instanceof DepositEvent.DepositRefunded r ? "Refunded held=" + r.held() : e.getClass().getSimpleName())
        .containsExactly("DepositReceived", "Refunded held=true");
  }

  @Test
  void deposits_stored_before_they_were_events_are_adopted_up_to_their_state_once() {
    ListingDeposits deposits = new ListingDeposits();
    List<ListingDeposits.Deposit> rows = List.of(new ListingDeposits.Deposit("reg-h", "a", DEPOSIT, DepositState.HELD),
        new ListingDeposits.Deposit("reg-c", "b", DEPOSIT, DepositState.CAPTURED),
        new ListingDeposits.Deposit("reg-x", "c", DEPOSIT, DepositState.FORFEITED));
    assertThat(run(deposits, new ArrayList<>(), new DepositCommand.Adopt("L-1", rows), new DepositCommand.Adopt("L-1", rows)))
        .extracting(e -> e.getClass().getSimpleName() + ":" + e.registrationId())
        .containsExactly("DepositReceived:reg-h", "DepositReceived:reg-c", "DepositCaptured:reg-c");
  }

  // ---- payouts

  private static List<PayoutEvent> decide(Payout payout, Payout.Command command) {
    List<PayoutEvent> events = payout.decide(command);
    events.forEach(payout::evolve);
    return events;
  }

  private static AccountBalance covering(long credits) {
    return new AccountBalance(null, 0, 0, 0, credits);
  }

  @Test
  void a_payout_is_requested_once_approved_by_another_officer_only_if_covered_and_never_after_a_refusal() {
    Payout payout = new Payout();
    assertThat(decide(payout, new Payout.Request("P-1", "studio", Money.of(500, "CNY"), "fin-1", AT))).hasSize(1);
    assertThat(decide(payout, new Payout.Request("P-1", "studio", Money.of(500, "CNY"), "fin-1", AT))).isEmpty();
    assertThatThrownBy(() -> decide(payout, new Payout.Request("P-1", "studio", Money.of(501, "CNY"), "fin-1", AT)))
        .isInstanceOf(Refused.class).hasMessageContaining("Idempotency key P-1");
    assertThatThrownBy(() -> decide(payout, new Payout.Approve("P-1", "fin-1", covering(1_000), AT)))
        .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.code()).isEqualTo("four-eyes"));
    assertThatThrownBy(() -> decide(payout, new Payout.Approve("P-1", "fin-2", covering(499), AT)))
        .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.code()).isEqualTo("insufficient-balance"));
    List<PayoutEvent> approved = decide(payout, new Payout.Approve("P-1", "fin-2", covering(500), AT));
    assertThat(approved).singleElement().isInstanceOf(PayoutEvent.PayoutApproved.class);
    assertThat(payout.postings(approved.get(0))).singleElement().satisfies(t -> assertThat(t.id().value()).isEqualTo("payout:P-1"));
    assertThat(decide(payout, new Payout.Approve("P-1", "fin-2", covering(0), AT))).as("approved again: a replay").isEmpty();
    assertThatThrownBy(() -> decide(payout, new Payout.Refuse("P-1", "fin-3", "late", AT))).isInstanceOf(Refused.class);

    Payout refused = new Payout();
    decide(refused, new Payout.Request("P-2", "studio", Money.of(500, "CNY"), "fin-1", AT));
    assertThat(decide(refused, new Payout.Refuse("P-2", "fin-2", "no contract covers it", AT))).hasSize(1);
    assertThatThrownBy(() -> decide(refused, new Payout.Approve("P-2", "fin-3", covering(1_000), AT)))
        .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.kind()).isEqualTo(Refused.Kind.CONFLICT));
    assertThatThrownBy(() -> new Payout().decide(new Payout.Approve("P-3", "fin-2", covering(1_000), AT)))
        .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.kind()).isEqualTo(Refused.Kind.NOT_FOUND));
  }

  // ---- reconciliation

  private static Discrepancy mismatch(String id, long actual) {
    return new Discrepancy(id, Discrepancy.Kind.PAYMENT_MISMATCH, "platform", Money.of(1_000, "CNY"), Money.of(actual, "CNY"),
        Money.of(actual - 1_000, "CNY"), "received " + actual, List.of(), null);
  }

  private static List<ReconciliationEvent> decide(PeriodReconciliation period, PeriodReconciliation.Command command) {
    List<ReconciliationEvent> events = period.decide(command);
    events.forEach(period::evolve);
    return events;
  }

  private static PeriodReconciliation.Run run(Discrepancy... found) {
    return new PeriodReconciliation.Run("2027-03", 1, 1,
        java.util.Arrays.stream(found).map(d -> new PeriodReconciliation.Found(d, null, "platform")).toList(), AT);
  }

  @Test
  void a_run_finds_refreshes_and_clears_discrepancies_and_finance_resolves_one_once() {
    PeriodReconciliation period = new PeriodReconciliation();
    assertThat(decide(period, run(mismatch("pay:a", 900), mismatch("pay:b", 800)))).extracting(e -> e.getClass().getSimpleName())
        .containsExactly("DiscrepancyFound", "DiscrepancyFound", "PeriodReconciled");
    assertThat(decide(period, run(mismatch("pay:a", 900), mismatch("pay:b", 800)))).as("found again, same figures")
        .extracting(e -> e.getClass().getSimpleName()).containsExactly("PeriodReconciled");
    List<ReconciliationEvent> third = decide(period, run(mismatch("pay:a", 950)));
    assertThat(third).extracting(e -> e.getClass().getSimpleName())
        .containsExactly("DiscrepancyFound", "DiscrepancyResolved", "PeriodReconciled");
    assertThat(((ReconciliationEvent.DiscrepancyResolved) third.get(1)).resolution().outcome()).isEqualTo(Resolution.Outcome.CLEARED);
    assertThat(third).allSatisfy(e -> assertThat(e.streamId()).isEqualTo("reconciliation-2027-03"));

    Resolution resolution = new Resolution(Resolution.Outcome.WRITE_OFF, "bank charges", "fin-1", AT);
    assertThat(decide(period, new PeriodReconciliation.Resolve("2027-03", "pay:a", resolution))).hasSize(1);
    assertThatThrownBy(() -> decide(period, new PeriodReconciliation.Resolve("2027-03", "pay:a", resolution)))
        .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.kind()).isEqualTo(Refused.Kind.CONFLICT));
    assertThatThrownBy(() -> decide(period, new PeriodReconciliation.Resolve("2027-03", "pay:z", resolution)))
        .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.kind()).isEqualTo(Refused.Kind.NOT_FOUND));
    assertThat(decide(period, run(mismatch("pay:a", 990)))).as("a resolved discrepancy is left alone")
        .extracting(e -> e.getClass().getSimpleName()).containsExactly("PeriodReconciled");
  }
}
