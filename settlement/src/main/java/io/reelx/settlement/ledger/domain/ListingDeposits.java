package io.reelx.settlement.ledger.domain;

import io.reelx.settlement.eventsourcing.EventSourced;
import io.reelx.settlement.ledger.domain.DepositCommand.Adopt;
import io.reelx.settlement.ledger.domain.DepositCommand.ApplyToPrice;
import io.reelx.settlement.ledger.domain.DepositCommand.Capture;
import io.reelx.settlement.ledger.domain.DepositCommand.Forfeit;
import io.reelx.settlement.ledger.domain.DepositCommand.Receive;
import io.reelx.settlement.ledger.domain.DepositCommand.Refund;
import io.reelx.settlement.ledger.domain.DepositCommand.Release;
import io.reelx.settlement.ledger.domain.DepositEvent.DepositApplied;
import io.reelx.settlement.ledger.domain.DepositEvent.DepositCaptured;
import io.reelx.settlement.ledger.domain.DepositEvent.DepositForfeited;
import io.reelx.settlement.ledger.domain.DepositEvent.DepositReceived;
import io.reelx.settlement.ledger.domain.DepositEvent.DepositRefunded;
import io.reelx.settlement.ledger.domain.DepositEvent.DepositReleased;
import io.reelx.settlement.money.Money;
import io.reelx.settlement.terms.domain.OrganizationId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The deposits of one listing as a pure event-sourced stream: one deposit per registration, moved
 * HELD -> RELEASED, or HELD -> CAPTURED -> APPLIED / FORFEITED / REFUNDED ({@link DepositState}).
 * A command that finds nothing to move (a replay, an unknown registration, a state already left)
 * decides nothing: trading's events arrive at least once. {@link #postings} lists each event's
 * transfers ({@link DepositPlan}, ids derived from the registration).
 */
public final class ListingDeposits implements EventSourced<DepositCommand, DepositEvent> {

  /** One deposit and where it stands. */
  public record Deposit(String registrationId, String platform, Money amount, DepositState state) {
    Deposit in(DepositState next) {
      return new Deposit(registrationId, platform, amount, next);
    }
  }

  private final Map<String, Deposit> deposits = new LinkedHashMap<>();

  public static String streamIdOf(String listingId) {
    return "deposits-" + listingId;
  }

  public static ListingDeposits replay(List<? extends DepositEvent> history) {
    ListingDeposits deposits = new ListingDeposits();
    history.forEach(deposits::evolve);
    return deposits;
  }

  @Override
  public List<DepositEvent> decide(DepositCommand command) {
    if (command instanceof Receive c) {
      return deposits.containsKey(c.registrationId()) ? List.of()
          : List.of(new DepositReceived(c.listingId(), c.registrationId(), c.platform(), c.amount()));
    } else if (command instanceof Release c) {
      return in(c.registrationId(), DepositState.HELD).<List<DepositEvent>>map(
          d -> List.of(new DepositReleased(c.listingId(), d.registrationId()))).orElse(List.of());
    } else if (command instanceof Capture c) {
      return in(c.registrationId(), DepositState.HELD).<List<DepositEvent>>map(
          d -> List.of(new DepositCaptured(c.listingId(), d.registrationId()))).orElse(List.of());
    } else if (command instanceof ApplyToPrice c) {
      return of(c.platform()).filter(d -> d.state() == DepositState.CAPTURED).<List<DepositEvent>>map(
          d -> List.of(new DepositApplied(c.listingId(), d.registrationId(), c.licensor()))).orElse(List.of());
    } else if (command instanceof Forfeit c) {
      return of(c.platform()).<List<DepositEvent>>map(d -> switch (d.state()) {
        // captured first if the award never did
        case HELD -> List.of(new DepositCaptured(c.listingId(), d.registrationId()),
            new DepositForfeited(c.listingId(), d.registrationId(), c.beneficiary()));
        case CAPTURED -> List.of(new DepositForfeited(c.listingId(), d.registrationId(), c.beneficiary()));
        default -> List.of();
      }).orElse(List.of());
    } else if (command instanceof Refund c) {
      return of(c.platform()).<List<DepositEvent>>map(d -> switch (d.state()) {
        case HELD -> List.of(new DepositRefunded(c.listingId(), d.registrationId(), true));
        case CAPTURED -> List.of(new DepositRefunded(c.listingId(), d.registrationId(), false));
        default -> List.of();
      }).orElse(List.of());
    } else if (command instanceof Adopt c) {
      List<DepositEvent> events = new ArrayList<>();
      for (Deposit d : c.deposits()) {
        // one settled before deposits were events (applied, forfeited, refunded) has nothing left to move
        if (deposits.containsKey(d.registrationId()) || !(d.state() == DepositState.HELD || d.state() == DepositState.RELEASED
            || d.state() == DepositState.CAPTURED)) {
          continue;
        }
        events.add(new DepositReceived(c.listingId(), d.registrationId(), d.platform(), d.amount()));
        if (d.state() == DepositState.RELEASED) {
          events.add(new DepositReleased(c.listingId(), d.registrationId()));
        } else if (d.state() == DepositState.CAPTURED) {
          events.add(new DepositCaptured(c.listingId(), d.registrationId()));
        }
      }
      return events;
    }
    throw new IllegalArgumentException("unknown command " + command);
  }

  @Override
  public void evolve(DepositEvent event) {
    if (event instanceof DepositReceived e) {
      deposits.put(e.registrationId(), new Deposit(e.registrationId(), e.platform(), e.amount(), DepositState.HELD));
    } else {
      deposits.computeIfPresent(event.registrationId(), (id, d) -> d.in(stateAfter(event)));
    }
  }

  /** The state a deposit is in after {@code event}. */
  public static DepositState stateAfter(DepositEvent event) {
    if (event instanceof DepositReceived) {
      return DepositState.HELD;
    } else if (event instanceof DepositReleased) {
      return DepositState.RELEASED;
    } else if (event instanceof DepositCaptured) {
      return DepositState.CAPTURED;
    } else if (event instanceof DepositApplied) {
      return DepositState.APPLIED;
    } else if (event instanceof DepositForfeited) {
      return DepositState.FORFEITED;
    } else {
      return DepositState.REFUNDED;
    }
  }

  /** The transfers {@code event} posts (call after {@link #evolve}). */
  public List<Transfer> postings(DepositEvent event) {
    Deposit d = deposits.get(event.registrationId());
    String id = d.registrationId();
    OrganizationId platform = new OrganizationId(d.platform());
    Transfer hold = DepositPlan.hold(id, platform, d.amount());
    if (event instanceof DepositReceived) {
      return List.of(DepositPlan.received(id, platform, d.amount()), hold);
    } else if (event instanceof DepositReleased) {
      return List.of(DepositPlan.release(id, hold));
    } else if (event instanceof DepositCaptured) {
      return List.of(DepositPlan.capture(id, hold));
    } else if (event instanceof DepositApplied e) {
      return List.of(DepositPlan.applyCaptured(id, new OrganizationId(e.licensor()), d.amount()));
    } else if (event instanceof DepositForfeited e) {
      return List.of(DepositPlan.forfeitCaptured(id, AccountId.organization(new OrganizationId(e.beneficiary()), d.amount().currency()),
          d.amount()));
    } else {
      return ((DepositRefunded) event).held() ? List.of(DepositPlan.release(id, hold))
          : List.of(DepositPlan.refund(id, platform, d.amount()));
    }
  }

  public Optional<Deposit> deposit(String registrationId) {
    return Optional.ofNullable(deposits.get(registrationId));
  }

  public List<Deposit> deposits() {
    return List.copyOf(deposits.values());
  }

  private Optional<Deposit> in(String registrationId, DepositState state) {
    return Optional.ofNullable(deposits.get(registrationId)).filter(d -> d.state() == state);
  }

  /** The deposit a platform made on this listing (one per bidder). */
  private Optional<Deposit> of(String platform) {
    return deposits.values().stream().filter(d -> d.platform().equals(platform)).findFirst();
  }
}
