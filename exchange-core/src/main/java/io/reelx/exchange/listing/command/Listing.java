package io.reelx.exchange.listing.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.reelx.exchange.listing.domain.AuctionSettings;
import io.reelx.exchange.listing.domain.Bid;
import io.reelx.exchange.listing.domain.BidPlaced;
import io.reelx.exchange.listing.domain.BidRules;
import io.reelx.exchange.listing.domain.BidderQualified;
import io.reelx.exchange.listing.domain.BidderRefused;
import io.reelx.exchange.listing.domain.BiddingOpened;
import io.reelx.exchange.listing.domain.Closing;
import io.reelx.exchange.listing.domain.DepositApplied;
import io.reelx.exchange.listing.domain.DepositReceived;
import io.reelx.exchange.listing.domain.DepositReleased;
import io.reelx.exchange.listing.domain.ListingApproved;
import io.reelx.exchange.listing.domain.ListingAwarded;
import io.reelx.exchange.listing.domain.ListingCreated;
import io.reelx.exchange.listing.domain.ListingEvent;
import io.reelx.exchange.listing.domain.ListingFailed;
import io.reelx.exchange.listing.domain.ListingId;
import io.reelx.exchange.listing.domain.ListingRejected;
import io.reelx.exchange.listing.domain.ListingResumed;
import io.reelx.exchange.listing.domain.ListingSettlementTerms;
import io.reelx.exchange.listing.domain.ListingStatus;
import io.reelx.exchange.listing.domain.ListingSubmission;
import io.reelx.exchange.listing.domain.ListingSubmitted;
import io.reelx.exchange.listing.domain.ListingSuspended;
import io.reelx.exchange.listing.domain.ListingWithdrawn;
import io.reelx.exchange.listing.domain.NotPermitted;
import io.reelx.exchange.listing.domain.PlatformRegistered;
import io.reelx.exchange.listing.domain.Registration;
import io.reelx.exchange.listing.domain.RegistrationId;
import io.reelx.exchange.listing.domain.RegistrationPolicy;
import io.reelx.exchange.listing.domain.RegistrationStatus;
import io.reelx.exchange.listing.domain.SaleClock;
import io.reelx.exchange.listing.domain.SaleMode;
import io.reelx.exchange.listing.domain.SaleTerms;
import io.reelx.exchange.listing.domain.Schedule;
import io.reelx.exchange.listing.domain.TimedPeriodStarted;
import io.reelx.exchange.rights.domain.AvailsRequest;
import io.reelx.exchange.rights.domain.RightsWindow;
import io.reelx.exchange.rights.domain.TitleId;
import io.reelx.exchange.rights.domain.WindowTerms;
import io.reelx.exchange.rights.query.RightsRegister;
import io.reelx.exchange.rights.query.TitleView;
import io.reelx.exchange.shared.command.SnapshotState;
import io.reelx.exchange.shared.domain.InvalidValue;
import io.reelx.exchange.shared.domain.NotFound;
import io.reelx.exchange.shared.domain.Refusal;
import io.reelx.exchange.shared.domain.RuleViolation;
import io.reelx.exchange.shared.domain.StateConflict;
import io.reelx.exchange.shared.idempotency.IdempotencyKeys;
import io.reelx.exchange.shared.idempotency.KeyedRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A rights holder's offer of a licence, and the sale that follows.
 *
 * <pre>
 * DRAFT --submit--> SUBMITTED --approve--> ANNOUNCED --start--> BIDDING --free period ends--+
 *   ^                   |                  (platforms register,                              |
 *   +-----reject--------+                   pay deposits, qualify)     ENGLISH: COUNTDOWN <--+
 *                                                                       (each bid restarts it)
 * BIDDING | COUNTDOWN --close--> AWARDED (winner, price) | FAILED (no bids, below reserve, no buyer)
 * FIXED_PRICE: the first qualified buyer's acceptance awards it at once.
 * DRAFT | SUBMITTED | ANNOUNCED --withdraw--> WITHDRAWN
 * ANNOUNCED | BIDDING | COUNTDOWN --suspend--> SUSPENDED --resume--> where it was, timers shifted
 * </pre>
 *
 * <p>Submission and approval require the window to be within the holder's avails and bidding to
 * start in the future. The holder's organisation submits (to others a private listing does not
 * exist); the holder or an operator withdraws; operators approve, reject, qualify, suspend and
 * resume; finance records deposits; platforms register, bid and buy.
 *
 * <p>Time: one persistent deadline ({@link #TIMER}) runs the schedule. It fires at
 * {@code closesAt}; if that has moved later (a bid restarted the countdown) it re-arms itself
 * there. Commands also look at the clock, so a deadline that fires late never lets a bid in
 * after the end, nor keeps one out after the start. At close, losers' deposits are released and
 * the winner's is applied toward the price.
 */
@Aggregate(cache = "aggregateCache", commandTargetResolver = "commandTargetResolver", snapshotTriggerDefinition = "snapshotTrigger")
@SnapshotState
public class Listing {

  static final String TIMER = "listing-timer";

  /**
   * The identifier as a plain string: deadlines store the aggregate's scope with its identifier,
   * and a string is what comes back intact from the JSON serializer.
   */
  @AggregateIdentifier private String aggregateId;

  private ListingId id;
  private String holder;
  private TitleId titleId;
  private RightsWindow window;
  private boolean exclusive;
  private boolean sublicensable;
  private SaleTerms sale;
  private Schedule schedule;
  private ListingStatus status;
  private ListingStatus suspendedFrom;
  private Instant suspendedAt;
  private Instant closesAt;
  private int timerGeneration;
  private Map<String, Registration> registrations = new LinkedHashMap<>();
  /**
   * Registration ids by organisation: an index over {@link #registrations} (one per organisation),
   * so a bid finds its bidder without scanning every registration. Transient, so not part of the
   * snapshot; built again on first use.
   */
  private transient Map<String, String> registrationIdsByOrganization;
  private Map<String, Bid> sealedBids = new LinkedHashMap<>();
  private Bid high;
  private long bidCount;
  /**
   * Each bidder's latest bid id (by registration id): a command that comes again with that id is
   * a retry, answered with the bid already placed. One per bidder, so the state stays bounded.
   */
  private Map<String, String> lastBidIds = new HashMap<>();

  protected Listing() {}

  // ---- creation and review ------------------------------------------------------------------

  @CommandHandler
  public Listing(CreateListing c, RightsRegister rights, Clock clock, AuctionSettings settings) {
    TitleView title = rights.title(c.titleId())
        .filter(t -> t.ownerOrganizationId().equals(c.actor().organizationId()))
        .orElseThrow(() -> new InvalidValue("titleId", "no title with this id among your organisation's titles"));
    if (c.signingDays() < 1 || c.signingDays() > 30) {
      throw new InvalidValue("signingDays", "must be between 1 and 30 working days");
    }
    ListingSubmission.checkSchedule(c.schedule(), clock.instant());
    settings.check(c.schedule());
    if (c.settlementTerms() != null) {
      c.settlementTerms().toTerms(c.sale().currency(), c.actor().organizationId(),
          ListingSettlementTerms.UNKNOWN_COUNTRY);
    }
    if (c.sale().mode() == SaleMode.ENGLISH && c.schedule().timedPeriodSeconds() == null) {
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
  long handle(ApproveListing c, RightsRegister rights, Clock clock, DeadlineManager deadlines) {
    requireOperator(c.actor());
    requireStatus(ListingStatus.SUBMITTED, "approved");
    ListingSubmission.check(rights.avails(titleId, availsRequest()), schedule, clock.instant());
    apply(new ListingApproved(id, c.actor().userId()));
    deadlines.schedule(schedule.biddingStartsAt(), TIMER, new ListingTimer(timerGeneration));
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
  long handle(WithdrawListing c, Clock clock) {
    if (!c.actor().operator()) {
      requireHolder(c.actor());
    }
    catchUp(clock.instant());
    if (!status.withdrawable()) {
      throw new StateConflict("A listing that is " + status + " can no longer be withdrawn");
    }
    apply(new ListingWithdrawn(id, c.reason() == null || c.reason().isBlank() ? null : c.reason().strip(),
        c.actor().userId()));
    applyAll(Closing.settleDeposits(id, List.copyOf(registrations.values()), null, sale.currency()));
    return version();
  }

  @CommandHandler
  long handle(SuspendListing c, Clock clock) {
    requireOperator(c.actor());
    catchUp(clock.instant());
    if (!status.suspendable()) {
      throw new StateConflict("A listing that is " + status + " cannot be suspended");
    }
    apply(new ListingSuspended(id, requireReason(c.reason()), c.actor().userId(), status, clock.instant()));
    return version();
  }

  @CommandHandler
  long handle(ResumeListing c, Clock clock, DeadlineManager deadlines) {
    requireOperator(c.actor());
    requireStatus(ListingStatus.SUSPENDED, "resumed");
    Instant shifted = SaleClock.resumedClosesAt(closesAt, suspendedAt, clock.instant());
    apply(new ListingResumed(id, c.actor().userId(), suspendedFrom, shifted));
    if (shifted != null) {
      deadlines.schedule(shifted, TIMER, new ListingTimer(timerGeneration));
    }
    return version();
  }

  // ---- qualification ------------------------------------------------------------------------

  @CommandHandler
  Result handle(RegisterForListing c, Clock clock, IdempotencyKeys keys) {
    claim(keys, c.idempotency());
    catchUp(clock.instant());
    Optional<Registration> existing = RegistrationPolicy.register(holder, c.actor().organizationId(),
        registrationOf(c.actor().organizationId()), status);
    if (existing.isPresent()) {
      remember(keys, c.idempotency(), existing.get().id().value());
      return Result.unchanged(existing.get().id().value());
    }
    apply(new PlatformRegistered(id, c.registrationId(), c.actor().organizationId(),
        RegistrationPolicy.bidderCode(registrations.size() + 1), sale.deposit(), sale.currency()));
    remember(keys, c.idempotency(), c.registrationId().value());
    return new Result(version(), c.registrationId().value());
  }

  @CommandHandler
  Result handle(RecordDepositReceived c, IdempotencyKeys keys) {
    claim(keys, c.idempotency());
    Registration registration = registration(c.registrationId());
    RegistrationPolicy.checkDeposit(registration, status, sale, c.amount(), c.currency());
    apply(new DepositReceived(id, c.registrationId(), registration.organizationId(), c.amount(), c.currency(),
        c.bankReference(), c.actor().userId()));
    remember(keys, c.idempotency(), c.registrationId().value());
    return new Result(version(), c.registrationId().value());
  }

  @CommandHandler
  Result handle(QualifyBidder c) {
    requireOperator(c.actor());
    if (!RegistrationPolicy.qualify(registration(c.registrationId()), status, sale)) {
      return Result.unchanged(c.registrationId().value());
    }
    apply(new BidderQualified(id, c.registrationId(), c.actor().userId()));
    return new Result(version(), c.registrationId().value());
  }

  @CommandHandler
  Result handle(RefuseBidder c) {
    requireOperator(c.actor());
    Registration registration = registration(c.registrationId());
    RegistrationPolicy.checkRefusal(registration);
    apply(new BidderRefused(id, c.registrationId(), requireReason(c.reason()), c.actor().userId()));
    if (registration.depositHeld() > 0) {
      apply(new DepositReleased(id, registration.id(), registration.organizationId(), registration.depositHeld(),
          sale.currency()));
    }
    return new Result(version(), c.registrationId().value());
  }

  // ---- bidding ------------------------------------------------------------------------------

  @CommandHandler
  BidReceipt handle(PlaceBid c, Clock clock, IdempotencyKeys keys) {
    return place(c, clock.instant(), keys);
  }

  /**
   * Bids that arrived together, in order, for a caller that already holds the listing (the bid
   * desk's batches): each is decided against the state the previous ones left, and all that are
   * accepted are stored in the caller's transaction; a refused bid does not affect the others.
   */
  public List<BidOutcome> decide(List<PlaceBid> bids, Instant now, IdempotencyKeys keys) {
    List<BidOutcome> outcomes = new ArrayList<>(bids.size());
    for (PlaceBid bid : bids) {
      try {
        outcomes.add(BidOutcome.placed(place(bid, now, keys)));
      } catch (Refusal refusal) {
        outcomes.add(BidOutcome.refused(refusal));
      }
    }
    return outcomes;
  }

  private BidReceipt place(PlaceBid c, Instant now, IdempotencyKeys keys) {
    claim(keys, c.idempotency());
    catchUp(now);
    Optional<BidReceipt> repeated = repeated(c.actor(), c.bidId());
    if (repeated.isPresent()) {
      return repeated.get();
    }
    Registration bidder = RegistrationPolicy.qualifiedBidder(holder, c.actor().organizationId(),
        registrationOf(c.actor().organizationId()));
    if (sale.mode() == SaleMode.FIXED_PRICE) {
      throw new RuleViolation("fixed-price", "This listing sells at a fixed price: accept it with /buy");
    }
    RegistrationPolicy.checkBiddingOpen(status, schedule);
    BidPlaced placed;
    if (sale.mode() == SaleMode.SEALED_BID) {
      BidRules.check(sale, null, c.amount(), c.currency());
      Bid previous = sealedBids.get(bidder.id().value());
      placed = bid(c.bidId(), bidder, c.amount(), now, true, previous == null ? null : previous.bidId(), null);
    } else {
      BidRules.check(sale, high, c.amount(), c.currency());
      placed = bid(c.bidId(), bidder, c.amount(), now, false, null, SaleClock.extendedTo(status, schedule, now));
    }
    apply(placed);
    remember(keys, c.idempotency(), placed.bidId());
    return new BidReceipt(placed.bidId(), placed);
  }

  @CommandHandler
  BidReceipt handle(BuyListing c, Clock clock, IdempotencyKeys keys) {
    claim(keys, c.idempotency());
    Instant now = clock.instant();
    catchUp(now);
    Optional<BidReceipt> repeated = repeated(c.actor(), c.bidId());
    if (repeated.isPresent()) {
      return repeated.get();
    }
    Registration buyer = RegistrationPolicy.qualifiedBidder(holder, c.actor().organizationId(),
        registrationOf(c.actor().organizationId()));
    if (sale.mode() != SaleMode.FIXED_PRICE) {
      throw new RuleViolation("not-fixed-price", "This listing is sold by " + sale.mode() + ": place a bid");
    }
    RegistrationPolicy.checkBiddingOpen(status, schedule);
    BidPlaced placed = bid(c.bidId(), buyer, sale.startingPrice(), now, false, null, null);
    apply(placed);
    close(now);
    remember(keys, c.idempotency(), placed.bidId());
    return new BidReceipt(placed.bidId(), placed);
  }

  /**
   * A keyed request takes its key before anything is decided: a key used before (or in use right
   * now) is refused here, and the web layer answers with the first request's response.
   */
  private static void claim(IdempotencyKeys keys, KeyedRequest request) {
    if (request != null) {
      keys.claim(request);
    }
  }

  /** The key answers with what the request created, in the transaction that stores it. */
  private static void remember(IdempotencyKeys keys, KeyedRequest request, String answer) {
    if (request != null) {
      keys.remember(request, answer);
    }
  }

  /**
   * The bid this bidder placed last, if the command carries its id: a retry, answered with the
   * bid's id only (the caller reads the bid back), and nothing placed again.
   */
  private Optional<BidReceipt> repeated(Actor actor, String bidId) {
    return registrationOf(actor.organizationId())
        .filter(r -> bidId.equals(lastBidIds.get(r.id().value())))
        .map(r -> new BidReceipt(bidId, null));
  }

  private BidPlaced bid(String bidId, Registration bidder, long amount, Instant at, boolean sealed, String replaces,
      Instant extendedTo) {
    return new BidPlaced(id, bidId, bidCount + 1, bidder.id(), bidder.organizationId(), bidder.bidderCode(), amount,
        sale.currency(), at, sealed, replaces, extendedTo);
  }

  @DeadlineHandler(deadlineName = TIMER)
  void onTimer(ListingTimer timer, Clock clock, DeadlineManager deadlines) {
    if (timer.generation() != timerGeneration || status == ListingStatus.SUSPENDED || closesAt == null) {
      return;
    }
    Instant now = clock.instant();
    catchUp(now);
    if (closesAt != null && !isClosed()) {
      deadlines.schedule(closesAt, TIMER, timer);
    }
  }

  /**
   * Moves the sale through every phase whose end has passed by {@code now} ({@link SaleClock}):
   * opens bidding, starts the timed period, closes. Used by the deadline and by every command that
   * depends on the phase.
   */
  private void catchUp(Instant now) {
    Optional<SaleClock.Due> due;
    while ((due = SaleClock.due(id, status, sale, schedule, closesAt, now)).isPresent()) {
      if (due.get().closes()) {
        close(due.get().closeAt());
      } else {
        apply(due.get().event());
      }
    }
  }

  private void close(Instant at) {
    applyAll(Closing.close(id, sale, high, List.copyOf(sealedBids.values()), List.copyOf(registrations.values()), at));
  }

  private static void applyAll(List<ListingEvent> events) {
    events.forEach(AggregateLifecycle::apply);
  }

  // ---- guards -------------------------------------------------------------------------------

  private boolean isClosed() {
    return SaleClock.isClosed(status);
  }

  private Optional<Registration> registrationOf(String organizationId) {
    if (registrationIdsByOrganization == null) {
      registrationIdsByOrganization = new HashMap<>();
      registrations.values().forEach(r -> registrationIdsByOrganization.putIfAbsent(r.organizationId(), r.id().value()));
    }
    String registrationId = registrationIdsByOrganization.get(organizationId);
    return registrationId == null ? Optional.empty() : Optional.of(registrations.get(registrationId));
  }

  private Registration registration(RegistrationId registrationId) {
    Registration r = registrations.get(registrationId.value());
    if (r == null) {
      throw new NotFound("registration", registrationId.value());
    }
    return r;
  }

  private AvailsRequest availsRequest() {
    return new AvailsRequest(window, exclusive, sublicensable);
  }

  private void requireHolder(Actor actor) {
    if (!holder.equals(actor.organizationId())) {
      if (status.isPrivate()) {
        throw new NotFound("listing", id.value());
      }
      throw new NotPermitted("Only the holder's organisation may do this");
    }
  }

  private static void requireOperator(Actor actor) {
    if (!actor.operator()) {
      throw new NotPermitted("Only an operator may do this");
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

  // ---- state --------------------------------------------------------------------------------

  @EventSourcingHandler
  void on(ListingCreated e) {
    aggregateId = e.listingId().value();
    id = e.listingId();
    holder = e.holderOrganizationId();
    titleId = new TitleId(e.titleId());
    window = e.window().toWindow();
    exclusive = e.exclusive();
    sublicensable = e.sublicensable();
    sale = e.sale();
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
    closesAt = schedule.biddingStartsAt();
  }

  @EventSourcingHandler
  void on(ListingRejected e) {
    status = ListingStatus.DRAFT;
  }

  @EventSourcingHandler
  void on(ListingWithdrawn e) {
    status = ListingStatus.WITHDRAWN;
    closesAt = null;
  }

  @EventSourcingHandler
  void on(ListingSuspended e) {
    suspendedFrom = e.suspendedFrom();
    suspendedAt = e.at();
    status = ListingStatus.SUSPENDED;
  }

  @EventSourcingHandler
  void on(ListingResumed e) {
    status = e.resumedTo();
    closesAt = e.closesAt();
    suspendedFrom = null;
    suspendedAt = null;
    timerGeneration++;
  }

  @EventSourcingHandler
  void on(PlatformRegistered e) {
    registrations.put(e.registrationId().value(),
        new Registration(e.registrationId(), e.organizationId(), e.bidderCode(), RegistrationStatus.REGISTERED, 0));
    registrationIdsByOrganization = null;
  }

  @EventSourcingHandler
  void on(DepositReceived e) {
    registrations.computeIfPresent(e.registrationId().value(),
        (k, r) -> r.with(RegistrationStatus.DEPOSIT_RECEIVED, e.amount()));
  }

  @EventSourcingHandler
  void on(BidderQualified e) {
    registrations.computeIfPresent(e.registrationId().value(),
        (k, r) -> r.with(RegistrationStatus.QUALIFIED, r.depositHeld()));
  }

  @EventSourcingHandler
  void on(BidderRefused e) {
    registrations.computeIfPresent(e.registrationId().value(),
        (k, r) -> r.with(RegistrationStatus.REFUSED, r.depositHeld()));
  }

  @EventSourcingHandler
  void on(DepositReleased e) {
    registrations.computeIfPresent(e.registrationId().value(), (k, r) -> r.with(r.status(), 0));
  }

  @EventSourcingHandler
  void on(DepositApplied e) {
    registrations.computeIfPresent(e.registrationId().value(), (k, r) -> r.with(r.status(), 0));
  }

  @EventSourcingHandler
  void on(BiddingOpened e) {
    status = ListingStatus.BIDDING;
    closesAt = e.closesAt();
  }

  @EventSourcingHandler
  void on(TimedPeriodStarted e) {
    status = ListingStatus.COUNTDOWN;
    closesAt = e.closesAt();
  }

  @EventSourcingHandler
  void on(BidPlaced e) {
    Bid bid = new Bid(e.bidId(), e.number(), e.registrationId(), e.organizationId(), e.bidderCode(), e.amount(),
        e.placedAt());
    bidCount = e.number();
    lastBidIds.put(e.registrationId().value(), e.bidId());
    if (e.sealed()) {
      sealedBids.put(e.registrationId().value(), bid);
    } else {
      high = bid;
    }
    if (e.extendedTo() != null) {
      closesAt = e.extendedTo();
    }
  }

  @EventSourcingHandler
  void on(ListingAwarded e) {
    status = ListingStatus.AWARDED;
    closesAt = null;
  }

  @EventSourcingHandler
  void on(ListingFailed e) {
    status = ListingStatus.FAILED;
    closesAt = null;
  }
}
