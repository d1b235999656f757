package io.reelx.exchange.listing.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * How a sale ends: the best bid (the open high, or the best sealed bid) wins unless it is below
 * the reserve; the winner's deposit is applied toward the price and every other held deposit is
 * released. A withdrawn listing releases every deposit.
 */
public final class Closing {

  private Closing() {}

  /** The events that close the sale at {@code at}, in the order they are applied. */
  public static List<ListingEvent> close(ListingId id, SaleTerms sale, Bid high, Collection<Bid> sealedBids,
      Collection<Registration> registrations, Instant at) {
    Bid best = sale.mode() == SaleMode.SEALED_BID
        ? sealedBids.stream().reduce(null, (a, b) -> b.beats(a) ? b : a)
        : high;
    BidRules.Outcome outcome = BidRules.decide(sale, best);
    List<ListingEvent> events = new ArrayList<>();
    if (outcome.winner() != null) {
      Bid w = outcome.winner();
      events.add(new ListingAwarded(id, w.bidId(), w.registrationId(), w.organizationId(), w.bidderCode(),
          w.amount(), sale.currency(), at));
      events.addAll(settleDeposits(id, registrations, w.registrationId(), sale.currency()));
    } else {
      events.add(new ListingFailed(id, outcome.failure(), at));
      events.addAll(settleDeposits(id, registrations, null, sale.currency()));
    }
    return events;
  }

  /**
   * Every held deposit released, except the {@code winner}'s (null: none), which is applied
   * toward the price.
   */
  public static List<ListingEvent> settleDeposits(ListingId id, Collection<Registration> registrations,
      RegistrationId winner, String currency) {
    List<ListingEvent> events = new ArrayList<>();
    for (Registration r : registrations) {
      if (r.depositHeld() <= 0) {
        continue;
      }
      events.add(r.id().equals(winner)
          ? new DepositApplied(id, r.id(), r.organizationId(), r.depositHeld(), currency)
          : new DepositReleased(id, r.id(), r.organizationId(), r.depositHeld(), currency));
    }
    return events;
  }
}
