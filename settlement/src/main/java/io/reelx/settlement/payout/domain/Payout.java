package io.reelx.settlement.payout.domain;

import io.reelx.settlement.eventsourcing.EventSourced;
import io.reelx.settlement.eventsourcing.Refused;
import io.reelx.settlement.ledger.domain.AccountBalance;
import io.reelx.settlement.ledger.domain.AccountId;
import io.reelx.settlement.ledger.domain.AccountKind;
import io.reelx.settlement.ledger.domain.Transfer;
import io.reelx.settlement.ledger.domain.TransferCode;
import io.reelx.settlement.money.Money;
import io.reelx.settlement.payout.domain.PayoutEvent.PayoutApproved;
import io.reelx.settlement.payout.domain.PayoutEvent.PayoutRefused;
import io.reelx.settlement.payout.domain.PayoutEvent.PayoutRequested;
import io.reelx.settlement.terms.domain.OrganizationId;
import java.time.Instant;
import java.util.List;

/**
 * A payout as a pure event-sourced stream: requested (the id is the idempotency key), then
 * approved by another officer ({@link FourEyes}) if the organisation's balance covers it ({@link
 * CoveredPayout}), or refused. Approving an approved payout, or refusing a refused one, decides
 * nothing.
 */
public final class Payout implements EventSourced<Payout.Command, PayoutEvent> {

  public enum Status { REQUESTED, APPROVED, REFUSED }

  public sealed interface Command {
    String payoutId();
  }

  public record Request(String payoutId, String organizationId, Money amount, String requestedBy, Instant at) implements Command {}

  /** {@code balance} is the organisation's account as the ledger holds it now, locked (null: never opened). */
  public record Approve(String payoutId, String approvedBy, AccountBalance balance, Instant at) implements Command {}

  public record Refuse(String payoutId, String refusedBy, String reason, Instant at) implements Command {}

  /** A payout stored before payouts were events (its row): the stream starts with its history so far. */
  public record Adopt(PayoutRequested requested, PayoutApproved approved) implements Command {
    @Override
    public String payoutId() {
      return requested.payoutId();
    }
  }

  private PayoutRequested requested;
  private Status status;
  private String decidedBy;

  public static String streamIdOf(String payoutId) {
    return "payout-" + payoutId;
  }

  @Override
  public List<PayoutEvent> decide(Command command) {
    if (command instanceof Adopt c) {
      return requested != null ? List.of() : c.approved() == null ? List.of(c.requested()) : List.of(c.requested(), c.approved());
    }
    if (command instanceof Request c) {
      if (requested != null) {
        if (requested.organizationId().equals(c.organizationId()) && requested.amount().equals(c.amount())) {
          return List.of();
        }
        throw Refused.conflict("Idempotency key " + c.payoutId() + " was used for another payout");
      }
      return List.of(new PayoutRequested(c.payoutId(), c.organizationId(), c.amount(), c.requestedBy(), c.at()));
    }
    if (requested == null) {
      throw Refused.notFound("payout", command.payoutId());
    }
    if (command instanceof Approve c) {
      switch (status) {
        case APPROVED -> {
          return List.of();
        }
        case REFUSED -> throw Refused.conflict("Payout " + c.payoutId() + " was refused by " + decidedBy);
        default -> { }
      }
      FourEyes.refusal(c.payoutId(), requested.requestedBy(), c.approvedBy()).ifPresent(reason -> {
        throw Refused.rule("four-eyes", reason);
      });
      CoveredPayout.refusal(requested.organizationId(), c.balance(), requested.amount()).ifPresent(reason -> {
        throw Refused.rule("insufficient-balance", reason);
      });
      return List.of(new PayoutApproved(c.payoutId(), c.approvedBy(), c.at()));
    }
    Refuse c = (Refuse) command;
    return switch (status) {
      case REFUSED -> List.of();
      case APPROVED -> throw Refused.conflict("Payout " + c.payoutId() + " was already approved and paid");
      case REQUESTED -> List.of(new PayoutRefused(c.payoutId(), c.refusedBy(), c.reason(), c.at()));
    };
  }

  @Override
  public void evolve(PayoutEvent event) {
    if (event instanceof PayoutRequested e) {
      requested = e;
      status = Status.REQUESTED;
    } else if (event instanceof PayoutApproved e) {
      status = Status.APPROVED;
      decidedBy = e.approvedBy();
    } else if (event instanceof PayoutRefused e) {
      status = Status.REFUSED;
      decidedBy = e.refusedBy();
    }
  }

  /** The transfer {@code event} posts: an approval pays organisation -> bank. */
  public List<Transfer> postings(PayoutEvent event) {
    if (!(event instanceof PayoutApproved)) {
      return List.of();
    }
    String currency = requested.amount().currency();
    return List.of(Transfer.posted("payout:" + requested.payoutId(),
        AccountId.organization(new OrganizationId(requested.organizationId()), currency), AccountId.system(AccountKind.BANK, currency),
        requested.amount(), TransferCode.PAYOUT));
  }

  public Status status() {
    return status;
  }
}
