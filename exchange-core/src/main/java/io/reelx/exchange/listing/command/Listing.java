package io.reelx.exchange.listing.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.reelx.exchange.listing.domain.ListingApproved;
import io.reelx.exchange.listing.domain.ListingCreated;
import io.reelx.exchange.listing.domain.ListingId;
import io.reelx.exchange.listing.domain.ListingRejected;
import io.reelx.exchange.listing.domain.ListingResumed;
import io.reelx.exchange.listing.domain.ListingStatus;
import io.reelx.exchange.listing.domain.ListingSubmission;
import io.reelx.exchange.listing.domain.ListingSubmitted;
import io.reelx.exchange.listing.domain.ListingSuspended;
import io.reelx.exchange.listing.domain.ListingWithdrawn;
import io.reelx.exchange.listing.domain.Schedule;
import io.reelx.exchange.rights.domain.AvailsRequest;
import io.reelx.exchange.rights.domain.RightsWindow;
import io.reelx.exchange.rights.domain.TitleId;
import io.reelx.exchange.rights.domain.WindowTerms;
import io.reelx.exchange.rights.query.RightsRegister;
import io.reelx.exchange.rights.query.TitleView;
import io.reelx.exchange.shared.domain.InvalidValue;
import io.reelx.exchange.shared.domain.NotFound;
import io.reelx.exchange.shared.domain.RuleViolation;
import io.reelx.exchange.shared.domain.StateConflict;
import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A rights holder's offer of a licence.
 *
 * <pre>
 * DRAFT --submit--> SUBMITTED --approve--> ANNOUNCED --(auction, later)--> BIDDING ...
 *   ^                   |
 *   +-----reject--------+
 * DRAFT | SUBMITTED | ANNOUNCED --withdraw--> WITHDRAWN (final)
 * ANNOUNCED | BIDDING | COUNTDOWN --suspend--> SUSPENDED --resume--> the status it left
 * </pre>
 *
 * Submission and approval both require the window to be within the holder's avails and bidding
 * to start in the future. Only the holder's organisation submits (to others a private listing
 * does not exist); the holder or an operator withdraws; only operators approve, reject, suspend
 * and resume. Every
 * handler returns the aggregate version after the change, which the API exposes as the ETag.
 */
@Aggregate(cache = "aggregateCache", snapshotTriggerDefinition = "snapshotTrigger")
public class Listing {

  @AggregateIdentifier private ListingId id;
  private String holder;
  private TitleId titleId;
  private RightsWindow window;
  private boolean exclusive;
  private boolean sublicensable;
  private Schedule schedule;
  private ListingStatus status;
  private ListingStatus suspendedFrom;

  protected Listing() {}

  @CommandHandler
  public Listing(CreateListing c, RightsRegister rights, Clock clock) {
    TitleView title = rights.title(c.titleId())
        .filter(t -> t.ownerOrganizationId().equals(c.actor().organizationId()))
        .orElseThrow(() -> new InvalidValue("titleId", "no title with this id among your organisation's titles"));
    if (c.signingDays() < 1 || c.signingDays() > 30) {
      throw new InvalidValue("signingDays", "must be between 1 and 30 working days");
    }
    ListingSubmission.checkSchedule(c.schedule(), clock.instant());
    if (c.sale().mode() == io.reelx.exchange.listing.domain.SaleMode.ENGLISH
        && c.schedule().timedPeriodSeconds() == null) {
      throw new RuleViolation("timed-period-required", "An ENGLISH auction needs schedule.timedPeriodSeconds");
    }
    apply(new ListingCreated(c.listingId(), title.id().value(), title.name(), c.actor().organizationId(),
        WindowTerms.of(c.window()), c.exclusive(), c.sublicensable(), c.sale(), c.schedule(), c.signingDays(),
        c.settlementTerms(), c.description()));
  }

  @CommandHandler
  long handle(SubmitListing c, RightsRegister rights, Clock clock) {
    requireHolder(c.actor());
    requireStatus(ListingStatus.DRAFT, "submitted");
    ListingSubmission.check(rights.avails(titleId, availsRequest()), schedule, clock.instant());
    apply(new ListingSubmitted(id, c.actor().userId()));
    return version();
  }

  @CommandHandler
  long handle(ApproveListing c, RightsRegister rights, Clock clock) {
    requireOperator(c.actor());
    requireStatus(ListingStatus.SUBMITTED, "approved");
    ListingSubmission.check(rights.avails(titleId, availsRequest()), schedule, clock.instant());
    apply(new ListingApproved(id, c.actor().userId()));
    return version();
  }

  @CommandHandler
  long handle(RejectListing c) {
    requireOperator(c.actor());
    requireStatus(ListingStatus.SUBMITTED, "rejected");
    apply(new ListingRejected(id, requireReason(c.reason()), c.actor().userId()));
    return version();
  }

  @CommandHandler
  long handle(WithdrawListing c) {
    if (!c.actor().operator()) {
      requireHolder(c.actor());
    }
    if (!status.withdrawable()) {
      throw new StateConflict("A listing that is " + status + " can no longer be withdrawn");
    }
    apply(new ListingWithdrawn(id, c.reason() == null || c.reason().isBlank() ? null : c.reason().strip(),
        c.actor().userId()));
    return version();
  }

  @CommandHandler
  long handle(SuspendListing c) {
    requireOperator(c.actor());
    if (!status.suspendable()) {
      throw new StateConflict("A listing that is " + status + " cannot be suspended");
    }
    apply(new ListingSuspended(id, requireReason(c.reason()), c.actor().userId(), status));
    return version();
  }

  @CommandHandler
  long handle(ResumeListing c) {
    requireOperator(c.actor());
    requireStatus(ListingStatus.SUSPENDED, "resumed");
    apply(new ListingResumed(id, c.actor().userId(), suspendedFrom));
    return version();
  }

  private AvailsRequest availsRequest() {
    return new AvailsRequest(window, exclusive, sublicensable);
  }

  private void requireHolder(Actor actor) {
    if (!holder.equals(actor.organizationId())) {
      if (status.isPrivate()) {
        throw new NotFound("listing", id.value());
      }
      throw new org.apache.shiro.authz.UnauthorizedException("Only the holder's organisation may do this");
    }
  }

  private static void requireOperator(Actor actor) {
    if (!actor.operator()) {
      throw new org.apache.shiro.authz.UnauthorizedException("Only an operator may do this");
    }
  }

  private void requireStatus(ListingStatus expected, String verb) {
    if (status != expected) {
      throw new StateConflict("Only a " + expected + " listing can be " + verb + "; this one is " + status);
    }
  }

  private static String requireReason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw new InvalidValue("reason", "must not be blank");
    }
    return reason.strip();
  }

  private static long version() {
    Long version = AggregateLifecycle.getVersion();
    return version == null ? 0 : version;
  }

  @EventSourcingHandler
  void on(ListingCreated e) {
    id = e.listingId();
    holder = e.holderOrganizationId();
    titleId = new TitleId(e.titleId());
    window = e.window().toWindow();
    exclusive = e.exclusive();
    sublicensable = e.sublicensable();
    schedule = e.schedule();
    status = ListingStatus.DRAFT;
  }

  @EventSourcingHandler
  void on(ListingSubmitted e) {
    status = ListingStatus.SUBMITTED;
  }

  @EventSourcingHandler
  void on(ListingApproved e) {
    status = ListingStatus.ANNOUNCED;
  }

  @EventSourcingHandler
  void on(ListingRejected e) {
    status = ListingStatus.DRAFT;
  }

  @EventSourcingHandler
  void on(ListingWithdrawn e) {
    status = ListingStatus.WITHDRAWN;
  }

  @EventSourcingHandler
  void on(ListingSuspended e) {
    suspendedFrom = e.suspendedFrom();
    status = ListingStatus.SUSPENDED;
  }

  @EventSourcingHandler
  void on(ListingResumed e) {
    status = e.resumedTo();
    suspendedFrom = null;
  }
}
