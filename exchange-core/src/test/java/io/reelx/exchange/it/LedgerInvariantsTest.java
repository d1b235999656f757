package io.reelx.exchange.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelx.settlement.ledger.domain.AccountId;
import io.reelx.settlement.ledger.domain.AccountKind;
import io.reelx.settlement.ledger.domain.Transfer;
import io.reelx.settlement.ledger.domain.TransferCode;
import io.reelx.settlement.ledger.domain.TransferId;
import io.reelx.settlement.ledger.domain.TransferRefused;
import io.reelx.settlement.ledger.domain.TransferResult;
import io.reelx.settlement.ledger.domain.TrialBalance;
import io.reelx.settlement.ledger.query.JdbcLedger;
import io.reelx.settlement.money.Money;
import io.reelx.settlement.terms.domain.OrganizationId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The ledger's invariants on real PostgreSQL: concurrent batches on the same accounts lose no
 * update and never deadlock, replays change nothing, reused ids with other content are refused,
 * holds resolve once, and the trial balance nets to zero throughout.
 */
class LedgerInvariantsTest extends IntegrationTest {

  @Autowired JdbcLedger ledger;

  private static AccountId org(String run, int i) {
    return AccountId.organization(new OrganizationId("ledger-" + run + "-" + i), "CNY");
  }

  @Test
  void concurrent_batches_on_the_same_accounts_add_up_exactly_and_replays_post_nothing() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    int threads = 6;
    int batchesPerThread = 40;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<long[]>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      futures.add(pool.submit(() -> {
        Random random = new Random(thread);
        long[] net = new long[4];
        go.await();
        for (int b = 0; b < batchesPerThread; b++) {
          List<Transfer> batch = new ArrayList<>();
          for (int k = 0; k < 3; k++) {
            int from = random.nextInt(4);
            int to = (from + 1 + random.nextInt(3)) % 4;
            long amount = 1 + random.nextInt(1000);
            batch.add(Transfer.posted("it:" + run + ":" + thread + ":" + b + ":" + k, org(run, from), org(run, to),
                Money.of(amount, "CNY"), TransferCode.BANK_RECEIPT));
            net[from] -= amount;
            net[to] += amount;
          }
          ledger.submitAll(batch);
          // every other batch is retried at once: a replay, never a second posting
          if (b % 2 == 0) {
            assertThat(ledger.submitAll(batch)).allMatch(r -> r instanceof TransferResult.Replayed);
          }
        }
        return net;
      }));
    }
    go.countDown();
    long[] expected = new long[4];
    for (Future<long[]> f : futures) {
      long[] net = f.get();
      for (int i = 0; i < 4; i++) {
        expected[i] += net[i];
      }
    }
    pool.shutdown();
    for (int i = 0; i < 4; i++) {
      assertThat(ledger.balance(org(run, i)).orElseThrow().postedCreditBalance()).as("account %d", i).isEqualTo(expected[i]);
    }
    assertThat(ledger.trialBalance().netsToZero()).isTrue();
  }

  @Test
  void an_id_reused_with_other_content_is_refused_and_the_whole_batch_is_dropped() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    Transfer first = Transfer.posted("it:" + run + ":a", org(run, 0), org(run, 1), Money.of(500, "CNY"), TransferCode.PAYOUT);
    ledger.submit(first);
    Transfer fresh = Transfer.posted("it:" + run + ":b", org(run, 0), org(run, 1), Money.of(7, "CNY"), TransferCode.PAYOUT);
    Transfer reused = Transfer.posted("it:" + run + ":a", org(run, 0), org(run, 1), Money.of(501, "CNY"), TransferCode.PAYOUT);

    assertThatThrownBy(() -> ledger.submitAll(List.of(fresh, reused)))
        .isInstanceOf(TransferRefused.class)
        .satisfies(e -> assertThat(((TransferRefused) e).refusal().reason())
            .isEqualTo(TransferResult.Reason.ID_REUSED_WITH_DIFFERENT_CONTENT));
    assertThat(ledger.transfer(new TransferId("it:" + run + ":b"))).isEmpty();
    assertThat(ledger.balance(org(run, 1)).orElseThrow().creditsPosted()).isEqualTo(500);
    assertThat(ledger.trialBalance().netsToZero()).isTrue();
  }

  @Test
  void a_hold_is_pending_until_posted_or_voided_once() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    AccountId platform = org(run, 0);
    AccountId escrow = AccountId.system(AccountKind.DEPOSIT_ESCROW, "CNY");
    Transfer hold = Transfer.pending("it:" + run + ":hold", platform, escrow, Money.of(1_000, "CNY"), TransferCode.DEPOSIT_HOLD);
    ledger.submit(hold);
    assertThat(ledger.balance(platform).orElseThrow().debitsPending()).isEqualTo(1_000);
    assertThat(ledger.holdState(hold.id())).contains(io.reelx.settlement.ledger.domain.Ledger.HoldStatus.PENDING);

    ledger.submit(Transfer.post("it:" + run + ":capture", hold, Money.of(1_000, "CNY"), TransferCode.DEPOSIT_CAPTURE));
    assertThat(ledger.balance(platform).orElseThrow().debitsPending()).isZero();
    assertThat(ledger.balance(platform).orElseThrow().debitsPosted()).isEqualTo(1_000);
    assertThat(ledger.holdState(hold.id())).contains(io.reelx.settlement.ledger.domain.Ledger.HoldStatus.POSTED);

    assertThatThrownBy(() -> ledger.submit(Transfer.voidHold("it:" + run + ":void", hold, TransferCode.DEPOSIT_RELEASE)))
        .isInstanceOf(TransferRefused.class)
        .satisfies(e -> assertThat(((TransferRefused) e).refusal().reason()).isEqualTo(TransferResult.Reason.HOLD_ALREADY_POSTED));
    // the capture again is a replay, not a second posting
    assertThat(ledger.submit(Transfer.post("it:" + run + ":capture", hold, Money.of(1_000, "CNY"), TransferCode.DEPOSIT_CAPTURE)))
        .isInstanceOf(TransferResult.Replayed.class);
    assertThat(ledger.balance(platform).orElseThrow().debitsPosted()).isEqualTo(1_000);

    Transfer second = Transfer.pending("it:" + run + ":hold2", platform, escrow, Money.of(300, "CNY"), TransferCode.DEPOSIT_HOLD);
    ledger.submit(second);
    ledger.submit(Transfer.voidHold("it:" + run + ":void2", second, TransferCode.DEPOSIT_RELEASE));
    assertThat(ledger.balance(platform).orElseThrow().debitsPending()).isZero();
    assertThat(ledger.balance(platform).orElseThrow().debitsPosted()).isEqualTo(1_000);
    TrialBalance trial = ledger.trialBalance();
    assertThat(trial.netsToZero()).isTrue();
  }

  @Test
  void a_transfer_between_currencies_or_to_itself_is_refused_and_changes_nothing() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    AccountId usd = AccountId.organization(new OrganizationId("ledger-" + run + "-usd"), "USD");
    long before = ledger.transferCount();
    assertThatThrownBy(() -> ledger.submit(Transfer.posted("it:" + run + ":fx", org(run, 0), usd, Money.of(5, "CNY"),
        TransferCode.PAYOUT))).isInstanceOf(TransferRefused.class);
    assertThatThrownBy(() -> ledger.submit(Transfer.posted("it:" + run + ":self", org(run, 0), org(run, 0), Money.of(5, "CNY"),
        TransferCode.PAYOUT))).isInstanceOf(TransferRefused.class);
    assertThat(ledger.transferCount()).isEqualTo(before);
    assertThat(ledger.balance(usd)).isEmpty();
  }
}
