package io.reelx.exchange.listing.command.bidding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.reelx.exchange.listing.command.Actor;
import io.reelx.exchange.listing.command.BidOutcome;
import io.reelx.exchange.listing.command.BidReceipt;
import io.reelx.exchange.listing.command.PlaceBid;
import io.reelx.exchange.listing.domain.ListingId;
import io.reelx.exchange.shared.domain.NotFound;
import io.reelx.exchange.shared.domain.RuleViolation;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The desk's group commit against a stand-in command bus: bids queued while a batch is being
 * decided go together into the next one, each listing's bids in arrival order, and a batch that
 * fails as a whole is decided again listing by listing.
 */
class BidDeskTest {

  private static final Actor BIDDER = new Actor("u-1", "org-1", false);
  /** A bound for waits that should end at once: generous, so that a busy machine does not fail the test. */
  private static final long WAIT_SECONDS = 60;

  private final List<PlaceBidsOnListings> sent = new CopyOnWriteArrayList<>();
  private final CountDownLatch firstBatchHeld = new CountDownLatch(1);
  private final CountDownLatch releaseFirstBatch = new CountDownLatch(1);
  private final ExecutorService callers = Executors.newFixedThreadPool(5);

  @AfterEach
  void stopCallers() {
    callers.shutdownNow();
  }

  @Test
  void bids_that_wait_are_decided_together_and_a_failed_batch_is_retried_per_listing() throws Exception {
    BidDesk desk = new BidDesk(gateway(), 1, new SimpleMeterRegistry());

    CompletableFuture<BidReceipt> first = CompletableFuture.supplyAsync(() -> desk.place(bid("L-a", 100)), callers);
    assertThat(firstBatchHeld.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    // while the first batch is being decided, four more bids arrive on three listings, one after
    // the other (each queued before the next is sent)
    List<CompletableFuture<BidReceipt>> waiting = new ArrayList<>();
    for (PlaceBid bid : List.of(bid("L-b", 200), bid("L-c", 300), bid("L-missing", 400), bid("L-b", 250))) {
      waiting.add(CompletableFuture.supplyAsync(() -> desk.place(bid), callers));
      awaitQueued(desk, waiting.size());
    }
    releaseFirstBatch.countDown();

    assertThat(first.get(WAIT_SECONDS, TimeUnit.SECONDS).bidId()).isEqualTo("L-a/100");
    assertThat(waiting.get(0).get(WAIT_SECONDS, TimeUnit.SECONDS).bidId()).isEqualTo("L-b/200");
    assertThat(waiting.get(1).get(WAIT_SECONDS, TimeUnit.SECONDS).bidId()).isEqualTo("L-c/300");
    assertThatThrownBy(() -> waiting.get(2).join()).hasCauseInstanceOf(NotFound.class);
    assertThatThrownBy(() -> waiting.get(3).join()).hasCauseInstanceOf(RuleViolation.class);

    assertThat(sent).extracting(BidDeskTest::describe).containsExactly(
        "L-a[100]",
        "L-b[200, 250] L-c[300] L-missing[400]", // one transaction for everything that waited; it fails
        "L-b[200, 250]", "L-c[300]", "L-missing[400]"); // then each listing on its own
  }

  @Test
  void a_bid_alone_is_decided_at_once() {
    releaseFirstBatch.countDown();
    BidDesk desk = new BidDesk(gateway(), 0, new SimpleMeterRegistry());

    assertThat(desk.place(bid("L-a", 100)).bidId()).isEqualTo("L-a/100");
    assertThat(sent).extracting(BidDeskTest::describe).containsExactly("L-a[100]");
  }

  @Test
  void every_answer_is_counted_by_outcome_and_reason_and_timed() {
    releaseFirstBatch.countDown();
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    BidDesk desk = new BidDesk(gateway(), 0, meters);

    desk.place(bid("L-a", 100));
    desk.place(bid("L-a", 300));
    assertThatThrownBy(() -> desk.place(bid("L-a", 250))).isInstanceOf(RuleViolation.class);
    assertThatThrownBy(() -> desk.place(bid("L-missing", 400))).isInstanceOf(NotFound.class);

    assertThat(meters.get("reelx.bids").tags("outcome", "accepted", "reason", "none").counter().count()).isEqualTo(2);
    assertThat(meters.get("reelx.bids").tags("outcome", "refused", "reason", "below-high").counter().count())
        .isEqualTo(1);
    assertThat(meters.get("reelx.bids").tags("outcome", "refused", "reason", "not-found").counter().count())
        .isEqualTo(1);
    assertThat(meters.get("reelx.bids.decision").timer().count()).isEqualTo(4);
  }

  @Test
  void a_stored_batch_whose_answer_cannot_be_read_is_not_sent_again_and_its_callers_are_told() {
    List<PlaceBidsOnListings> seen = new CopyOnWriteArrayList<>();
    CommandGateway malformed = (CommandGateway) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {CommandGateway.class}, (proxy, method, args) -> {
          seen.add((PlaceBidsOnListings) args[0]);
          return List.of(); // stored, but no outcome for the listing
        });
    BidDesk desk = new BidDesk(malformed, 0, new SimpleMeterRegistry());

    assertThatThrownBy(() -> desk.place(bid("L-a", 100)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("not known");
    assertThat(seen).hasSize(1);
  }

  /**
   * Holds the first batch until released; fails any batch that names more than one listing and
   * includes the missing one; refuses a bid of 250 (below the one before it).
   */
  private CommandGateway gateway() {
    return (CommandGateway) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {CommandGateway.class},
        (proxy, method, args) -> {
          if (!method.getName().equals("sendAndWait") || args.length != 1) {
            throw new UnsupportedOperationException(method.getName());
          }
          PlaceBidsOnListings batch = (PlaceBidsOnListings) args[0];
          sent.add(batch);
          if (sent.size() == 1) {
            firstBatchHeld.countDown();
            releaseFirstBatch.await(WAIT_SECONDS, TimeUnit.SECONDS);
          }
          boolean missing = batch.listings().stream().anyMatch(l -> l.listingId().value().equals("L-missing"));
          if (missing) {
            throw new NotFound("listing", "L-missing");
          }
          return batch.listings().stream().map(l -> l.bids().stream().map(b -> b.amount() == 250
              ? BidOutcome.refused(new RuleViolation("below-high", "250 does not beat 200"))
              : BidOutcome.placed(new BidReceipt(b.listingId().value() + "/" + b.amount(), null))).toList()).toList();
        });
  }

  /** Waits until the desk's queue holds {@code count} bids (its private queue: there is no other sign of it). */
  private static void awaitQueued(BidDesk desk, int count) throws Exception {
    Field field = BidDesk.class.getDeclaredField("queue");
    field.setAccessible(true);
    Queue<?> queue = (Queue<?>) field.get(desk);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (queue.size() < count) {
      assertThat(System.nanoTime()).as("%d bids queued", count).isLessThan(deadline);
      Thread.sleep(5);
    }
  }

  private static PlaceBid bid(String listing, long amount) {
    return new PlaceBid(new ListingId(listing), BIDDER, amount, "CNY", null);
  }

  private static String describe(PlaceBidsOnListings batch) {
    return String.join(" ", batch.listings().stream()
        .map(l -> l.listingId().value() + l.bids().stream().map(PlaceBid::amount).toList()).toList());
  }
}
