package io.reelx.exchange.listing.command.bidding;

import io.reelx.exchange.listing.command.BidOutcome;
import io.reelx.exchange.listing.command.BidReceipt;
import io.reelx.exchange.listing.command.PlaceBid;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.reelx.exchange.shared.domain.InvalidValue;
import io.reelx.exchange.shared.domain.NotFound;
import io.reelx.exchange.shared.domain.RuleViolation;
import io.reelx.exchange.shared.domain.StateConflict;
import java.time.Duration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where bids come in: a group commit. Bids that arrive while earlier ones are being decided wait
 * in one queue; the next free decider takes everything queued (at most {@value #MAX_BATCH} bids,
 * on any number of listings) and decides it as one {@link PlaceBidsOnListings}: each listing's
 * bids in arrival order, all of them stored in one transaction. A caller's answer is given only
 * after the commit that holds its bid, so nothing acknowledged is lost, and a refused bid does not
 * affect the others.
 *
 * <p>No extra threads (flat combining): a waiting caller becomes a decider when one of the {@code
 * reelx.bids.deciders} places is free (one per core by default), and hands over to the next
 * waiting caller when its own bid is answered. A quiet exchange decides each bid at once, alone.
 *
 * <p>If a batch fails as a whole (a listing that does not exist, a lost database connection),
 * nothing of it was stored and each of its listings is decided again on its own, so one bad
 * listing cannot fail the bids on others.
 *
 * <p>Metrics: {@code reelx.bids} counts every bid answered, tagged {@code outcome} (accepted,
 * refused, failed) and {@code reason} (the refusal's problem code); {@code reelx.bids.decision}
 * times each bid from its arrival to its answer (a histogram, queueing included).
 */
@Component
public class BidDesk {

  static final int MAX_BATCH = 256;

  /** How long a waiting caller sleeps if no one wakes it (no one should fail to). */
  private static final long SAFETY_NET_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  private static final Logger log = LoggerFactory.getLogger(BidDesk.class);

  private final CommandGateway commands;
  private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
  private final Semaphore deciders;
  private final DistributionSummary batchSizes;
  private final Counter lateWakeUps;
  private final MeterRegistry meters;
  private final Timer decisions;
  private final Map<String, Counter> answered = new ConcurrentHashMap<>();

  public BidDesk(CommandGateway commands, @Value("${reelx.bids.deciders:0}") int deciders, MeterRegistry meters) {
    this.commands = commands;
    this.meters = meters;
    this.decisions = Timer.builder("reelx.bids.decision")
        .description("Time from a bid's arrival at the bid desk to its answer, accepted or refused")
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofSeconds(10))
        .register(meters);
    answeredCounter("accepted", "none");
    this.deciders = new Semaphore(deciders > 0 ? deciders : Math.max(2, Runtime.getRuntime().availableProcessors()));
    this.batchSizes = DistributionSummary.builder("reelx.bids.batch.size")
        .description("Bids decided and committed together by the bid desk").register(meters);
    this.lateWakeUps = Counter.builder("reelx.bids.late-wake-ups")
        .description("Callers that slept the whole safety net while a place was free: a wake-up missed or late")
        .register(meters);
  }

  /** Places the bid and answers with its receipt; a refusal is thrown as the domain exception. */
  public BidReceipt place(PlaceBid bid) {
    long arrived = System.nanoTime();
    Pending mine = new Pending(bid, Thread.currentThread(), new CompletableFuture<>());
    queue.add(mine);
    // once queued, the bid will be decided: an interrupt does not abandon it, it is kept for later
    boolean interrupted = false;
    while (!mine.answer.isDone()) {
      // an empty queue means this bid is in another decider's batch: wait for its answer rather
      // than spin on the free place until that batch commits
      if (!queue.isEmpty() && deciders.tryAcquire()) {
        try {
          decideQueued();
        } finally {
          deciders.release();
        }
        wakeNextWaiter();
      } else {
        // woken when a decider answers this bid or frees its place (every caller waiting here is
        // either in the queue, whose head is woken, or in a batch, whose bids are all answered);
        // the timeout is only a safety net, long enough that idle waiters cost nothing
        long parked = System.nanoTime();
        LockSupport.parkNanos(this, SAFETY_NET_NANOS);
        if (System.nanoTime() - parked >= SAFETY_NET_NANOS && !mine.answer.isDone()
            && deciders.availablePermits() > 0 && queue.contains(mine)) {
          // a free place and this bid still waiting for it: no one woke this caller, or the one
          // woken has not run yet (both should be rare; the benchmark prints the count)
          lateWakeUps.increment();
        }
        interrupted |= Thread.interrupted();
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    decisions.record(System.nanoTime() - arrived, TimeUnit.NANOSECONDS);
    try {
      BidReceipt receipt = mine.answer.getNow(null);
      answeredCounter("accepted", "none").increment();
      return receipt;
    } catch (CompletionException e) {
      RuntimeException failure =
          e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
      String reason = reason(failure);
      answeredCounter(reason == null ? "failed" : "refused", reason == null ? "error" : reason).increment();
      throw failure;
    }
  }

  /** The problem code a refusal is answered with; null for a failure that is not a refusal. */
  private static String reason(RuntimeException failure) {
    if (failure instanceof RuleViolation rule) {
      return rule.code();
    }
    if (failure instanceof StateConflict) {
      return "state-conflict";
    }
    if (failure instanceof NotFound) {
      return "not-found";
    }
    if (failure instanceof InvalidValue) {
      return "invalid-value";
    }
    return null;
  }

  private Counter answeredCounter(String outcome, String reason) {
    return answered.computeIfAbsent(outcome + '/' + reason, k -> Counter.builder("reelx.bids")
        .description("Bids answered by the bid desk, by outcome and refusal reason")
        .tag("outcome", outcome).tag("reason", reason)
        .register(meters));
  }

  private void wakeNextWaiter() {
    Pending next = queue.peek();
    if (next != null) {
      LockSupport.unpark(next.caller);
    }
  }

  private void decideQueued() {
    Map<String, List<Pending>> byListing = new LinkedHashMap<>();
    Pending next;
    for (int taken = 0; taken < MAX_BATCH && (next = queue.poll()) != null; taken++) {
      byListing.computeIfAbsent(next.bid.listingId().value(), k -> new ArrayList<>()).add(next);
    }
    if (byListing.isEmpty()) {
      return;
    }
    List<List<Pending>> groups = new ArrayList<>(byListing.values());
    int bids = groups.stream().mapToInt(List::size).sum();
    batchSizes.record(bids);
    try {
      decide(groups);
    } catch (RuntimeException unexpected) {
      log.error("Answering a batch of {} bids failed after it was sent", bids, unexpected);
    } finally {
      // every bid taken from the queue gets an answer, whatever happened above
      for (List<Pending> group : groups) {
        if (group.stream().anyMatch(p -> !p.answer.isDone())) {
          answerAll(group, new IllegalStateException(
              "The outcome of this bid is not known: read the bid history before bidding again"));
        }
      }
    }
  }

  /**
   * Sends the batch and answers its bids. Only a batch that failed as a whole, and so stored
   * nothing, is sent again listing by listing; once the batch is stored, nothing is resent.
   */
  private void decide(List<List<Pending>> groups) {
    List<List<BidOutcome>> outcomes;
    try {
      outcomes = send(groups);
    } catch (RuntimeException batchFailed) {
      if (groups.size() == 1) {
        answerAll(groups.get(0), batchFailed);
        return;
      }
      for (List<Pending> group : groups) {
        try {
          answer(List.of(group), send(List.of(group)));
        } catch (RuntimeException failed) {
          answerAll(group, failed);
        }
      }
      return;
    }
    answer(groups, outcomes);
  }

  private List<List<BidOutcome>> send(List<List<Pending>> groups) {
    List<PlaceBids> command = groups.stream()
        .map(g -> new PlaceBids(g.get(0).bid.listingId(), g.stream().map(Pending::bid).toList()))
        .toList();
    return commands.sendAndWait(new PlaceBidsOnListings(command));
  }

  private static void answer(List<List<Pending>> groups, List<List<BidOutcome>> outcomes) {
    for (int g = 0; g < groups.size(); g++) {
      List<Pending> group = groups.get(g);
      for (int i = 0; i < group.size(); i++) {
        BidOutcome outcome = outcomes.get(g).get(i);
        Pending pending = group.get(i);
        if (outcome.refusal() != null) {
          pending.answer.completeExceptionally(outcome.refusal());
        } else {
          pending.answer.complete(outcome.receipt());
        }
        LockSupport.unpark(pending.caller);
      }
    }
  }

  /** Answers each bid of the group not answered yet with the failure. */
  private static void answerAll(List<Pending> group, RuntimeException failure) {
    for (Pending pending : group) {
      if (pending.answer.completeExceptionally(failure)) {
        LockSupport.unpark(pending.caller);
      }
    }
  }

  private record Pending(PlaceBid bid, Thread caller, CompletableFuture<BidReceipt> answer) {}
}
