package io.reelx.exchange.listing.command;

import io.reelx.exchange.listing.domain.ListingId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * Where bids come in. Bids on one listing are decided one at a time (the listing is locked for
 * each command) and each decision waits for its durable commit; under a rush, a bid that arrives
 * while the listing is busy joins the next batch instead of waiting for the lock, and the whole
 * batch is decided in arrival order and committed once ({@link PlaceBids}). A caller's answer is
 * given only after the commit that holds its bid: nothing acknowledged is lost.
 *
 * <p>No extra threads: a waiting caller that finds the listing idle decides the next batch of its
 * queue (flat combining), at most {@value #MAX_BATCH} bids per command, until its own bid is
 * answered.
 */
@Component
public class BidDesk {

  static final int MAX_BATCH = 200;

  private final CommandGateway commands;
  private final Map<String, Lane> lanes = new ConcurrentHashMap<>();

  public BidDesk(CommandGateway commands) {
    this.commands = commands;
  }

  /** Places the bid and answers with its receipt; a refusal is thrown as the domain exception. */
  public BidReceipt place(PlaceBid bid) {
    Lane lane = lanes.computeIfAbsent(bid.listingId().value(), k -> new Lane());
    Pending pending = new Pending(bid, new CompletableFuture<>());
    lane.queue.add(pending);
    try {
      while (true) {
        drainOnce(bid.listingId(), lane);
        try {
          return pending.answer.get(1, TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillQueued) {
          // another caller is deciding a batch; take over the queue when it is done
        }
      }
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while placing a bid", e);
    }
  }

  /** Decides one batch if the listing is idle; every waiting caller may do this, so no bid waits unserved. */
  private void drainOnce(ListingId listing, Lane lane) {
    if (lane.queue.isEmpty() || !lane.busy.compareAndSet(false, true)) {
      return;
    }
    try {
      List<Pending> batch = new ArrayList<>();
      Pending next;
      while (batch.size() < MAX_BATCH && (next = lane.queue.poll()) != null) {
        batch.add(next);
      }
      if (!batch.isEmpty()) {
        decide(listing, batch);
      }
    } finally {
      lane.busy.set(false);
    }
  }

  private void decide(ListingId listing, List<Pending> batch) {
    try {
      if (batch.size() == 1) {
        Pending only = batch.get(0);
        only.answer.complete(commands.sendAndWait(only.bid));
        return;
      }
      List<BidOutcome> outcomes =
          commands.sendAndWait(new PlaceBids(listing, batch.stream().map(Pending::bid).toList()));
      for (int i = 0; i < batch.size(); i++) {
        BidOutcome outcome = outcomes.get(i);
        if (outcome.refusal() != null) {
          batch.get(i).answer.completeExceptionally(outcome.refusal());
        } else {
          batch.get(i).answer.complete(outcome.receipt());
        }
      }
    } catch (RuntimeException failed) {
      batch.forEach(p -> p.answer.completeExceptionally(failed));
    }
  }

  private record Pending(PlaceBid bid, CompletableFuture<BidReceipt> answer) {}

  private static final class Lane {
    final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
    final AtomicBoolean busy = new AtomicBoolean();
  }
}
