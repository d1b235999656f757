package io.reelx.exchange.listing.web;

import static io.reelx.exchange.shared.web.Times.utc;

import io.reelx.api.AuctionsApi;
import io.reelx.api.model.AuctionOutcome;
import io.reelx.api.model.AuctionResult;
import io.reelx.api.model.Bid;
import io.reelx.api.model.BidRequest;
import io.reelx.api.model.DepositReceipt;
import io.reelx.api.model.DepositStatus;
import io.reelx.api.model.FailureReason;
import io.reelx.api.model.OrderBook;
import io.reelx.api.model.ReasonRequest;
import io.reelx.api.model.Registration;
import io.reelx.api.model.RegistrationStatus;
import io.reelx.exchange.identity.domain.Role;
import io.reelx.exchange.identity.security.Access;
import io.reelx.exchange.identity.security.CurrentUser;
import io.reelx.exchange.listing.command.Actor;
import io.reelx.exchange.listing.command.bidding.BidDesk;
import io.reelx.exchange.listing.command.BidReceipt;
import io.reelx.exchange.listing.command.BuyListing;
import io.reelx.exchange.listing.command.PlaceBid;
import io.reelx.exchange.listing.command.QualifyBidder;
import io.reelx.exchange.listing.command.RecordDepositReceived;
import io.reelx.exchange.listing.command.RefuseBidder;
import io.reelx.exchange.listing.command.RegisterForListing;
import io.reelx.exchange.listing.command.Result;
import io.reelx.exchange.listing.domain.BidPlaced;
import io.reelx.exchange.listing.domain.ListingId;
import io.reelx.exchange.listing.domain.ListingStatus;
import io.reelx.exchange.listing.domain.RegistrationId;
import io.reelx.exchange.listing.domain.SaleMode;
import io.reelx.exchange.listing.query.AuctionViews;
import io.reelx.exchange.listing.query.BidView;
import io.reelx.exchange.listing.query.ListingView;
import io.reelx.exchange.listing.query.ListingViews;
import io.reelx.exchange.listing.query.RegistrationView;
import io.reelx.exchange.shared.domain.NotFound;
import io.reelx.exchange.shared.idempotency.web.IdempotentRequests;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** Qualification, bidding and the order book of a listing. */
@RestController
public class AuctionsController implements AuctionsApi {

  private static final Duration READ_YOUR_WRITES = Duration.ofSeconds(2);
  private static final int BOOK_DEPTH = 200;

  private final Access access;
  private final CommandGateway commands;
  private final ListingViews listings;
  private final AuctionViews auctions;
  private final Clock clock;
  private final BidDesk desk;
  private final IdempotentRequests idempotent;

  public AuctionsController(Access access, CommandGateway commands, ListingViews listings, AuctionViews auctions,
      Clock clock, BidDesk desk, IdempotentRequests idempotent) {
    this.access = access;
    this.idempotent = idempotent;
    this.commands = commands;
    this.desk = desk;
    this.listings = listings;
    this.auctions = auctions;
    this.clock = clock;
  }

  @Override
  public ResponseEntity<Registration> registerForListing(String listingId, String idempotencyKey) {
    CurrentUser user = access.require(Role.PLATFORM);
    visibleListing(listingId, user);
    return keyed(idempotencyKey, user).respond(Registration.class, request -> {
      Result result = commands.sendAndWait(
          new RegisterForListing(new ListingId(listingId), RegistrationId.newId(), actor(user), request.request()));
      return registrationCreated(listingId, awaitRegistration(listingId, result));
    }, registrationId -> registrationCreated(listingId, registration(listingId, registrationId)));
  }

  private static ResponseEntity<Registration> registrationCreated(String listingId, RegistrationView registration) {
    return ResponseEntity.created(URI.create("/api/v1/listings/" + listingId + "/registrations/" + registration.id()))
        .body(toApi(registration));
  }

  @Override
  public ResponseEntity<List<Registration>> listRegistrations(String listingId) {
    CurrentUser user = access.current();
    ListingView listing = visibleListing(listingId, user);
    boolean all = seesAllRegistrations(user, listing);
    return ResponseEntity.ok(auctions.registrations(listingId).stream()
        .filter(r -> all || r.organizationId().equals(user.organizationId().value()))
        .map(AuctionsController::toApi).toList());
  }

  @Override
  public ResponseEntity<Registration> recordDepositReceived(String listingId, String registrationId,
      DepositReceipt receipt, String idempotencyKey) {
    CurrentUser user = access.require(Role.FINANCE);
    return keyed(idempotencyKey, user).respond(Registration.class, request -> {
      Result result = commands.sendAndWait(new RecordDepositReceived(new ListingId(listingId),
          new RegistrationId(registrationId), actor(user), receipt.getAmount(), receipt.getCurrency(),
          receipt.getBankReference(), request.request()));
      return ResponseEntity.ok(toApi(awaitRegistration(listingId, result)));
    }, id -> ResponseEntity.ok(toApi(registration(listingId, id))));
  }

  @Override
  public ResponseEntity<Registration> qualifyBidder(String listingId, String registrationId) {
    CurrentUser user = access.require(Role.OPERATOR);
    Result result = commands.sendAndWait(
        new QualifyBidder(new ListingId(listingId), new RegistrationId(registrationId), actor(user)));
    return ResponseEntity.ok(toApi(awaitRegistration(listingId, result)));
  }

  @Override
  public ResponseEntity<Registration> refuseBidder(String listingId, String registrationId, ReasonRequest reason) {
    CurrentUser user = access.require(Role.OPERATOR);
    Result result = commands.sendAndWait(new RefuseBidder(new ListingId(listingId),
        new RegistrationId(registrationId), actor(user), reason.getReason()));
    return ResponseEntity.ok(toApi(awaitRegistration(listingId, result)));
  }

  /**
   * Bids without a key (most of them) go to the desk without touching the key store; a listing
   * already known to be published (so visible to the bidder) is not read again.
   */
  @Override
  public ResponseEntity<Bid> placeBid(String listingId, BidRequest request, String idempotencyKey) {
    CurrentUser user = access.require(Role.PLATFORM);
    if (!listings.published(listingId)) {
      visibleListing(listingId, user);
    }
    return keyed(idempotencyKey, user).respond(Bid.class,
        keyed -> bidCreated(listingId, desk.place(new PlaceBid(new ListingId(listingId), actor(user),
            request.getAmount(), request.getCurrency(), keyed.request())), user),
        bidId -> bidCreated(listingId, new BidReceipt(bidId, null), user));
  }

  @Override
  public ResponseEntity<Bid> buyListing(String listingId, String idempotencyKey) {
    CurrentUser user = access.require(Role.PLATFORM);
    visibleListing(listingId, user);
    return keyed(idempotencyKey, user).respond(Bid.class,
        keyed -> bidCreated(listingId, commands.sendAndWait(new BuyListing(new ListingId(listingId), actor(user),
            keyed.request())), user),
        bidId -> bidCreated(listingId, new BidReceipt(bidId, null), user));
  }

  private IdempotentRequests.Keyed keyed(String idempotencyKey, CurrentUser user) {
    return idempotent.of(idempotencyKey, user.organizationId().value(), user.userId().value());
  }

  @Override
  public ResponseEntity<OrderBook> getOrderBook(String listingId) {
    CurrentUser user = access.current();
    ListingView listing = visibleListing(listingId, user);
    boolean closed = listing.result() != null;
    boolean sealedMode = listing.sale().mode() == SaleMode.SEALED_BID;
    String me = user.organizationId().value();
    List<Bid> bids = auctions.bids(listingId, BOOK_DEPTH).stream()
        .filter(b -> ListingAccess.bidVisible(b.sealed(), b.organizationId(), me))
        .map(b -> toApi(b, me)).toList();
    OrderBook book = new OrderBook(listingId, io.reelx.api.model.ListingStatus.valueOf(listing.status().name()),
        io.reelx.api.model.SaleMode.valueOf(listing.sale().mode().name()), listing.sale().currency(),
        listing.sale().startingPrice(), sealedMode && !closed ? (long) bids.size() : auctions.bidCount(listingId),
        bids)
        .increment(listing.sale().increment())
        .timedPeriodSeconds(listing.schedule().timedPeriodSeconds())
        .result(result(listing, user));
    if (!sealedMode || closed) {
      auctions.high(listingId).ifPresent(h -> book.currentHigh(h.amount()).currentHighBidderCode(h.bidderCode()));
    }
    Instant closesAt = listing.closesAt();
    if (closesAt != null && listing.status() != ListingStatus.SUSPENDED) {
      Instant now = clock.instant();
      book.closesAt(utc(closesAt)).secondsRemaining(Math.max(0, Duration.between(now, closesAt).toSeconds()));
    }
    return ResponseEntity.ok(book);
  }

  /** How the sale ended; the winner's organisation is shown to insiders and the winner itself. */
  static AuctionResult result(ListingView listing, CurrentUser viewer) {
    ListingView.Result r = listing.result();
    if (r == null) {
      return null;
    }
    AuctionResult result = new AuctionResult(r.awarded() ? AuctionOutcome.AWARDED : AuctionOutcome.FAILED,
        listing.sale().currency(), utc(r.closedAt()))
        .winnerBidderCode(r.winnerBidderCode())
        .price(r.price())
        .failureReason(r.failureReason() == null ? null : FailureReason.valueOf(r.failureReason()));
    boolean insider = viewer.seesAllOrganizations() || viewer.has(Role.FINANCE)
        || listing.holderOrganizationId().equals(viewer.organizationId().value())
        || viewer.organizationId().value().equals(r.winnerOrganizationId());
    if (insider) {
      result.winnerOrganizationId(r.winnerOrganizationId());
    }
    return result;
  }

  /** Answers from the bid just placed, or reads it back when only its id is known. */
  private ResponseEntity<Bid> bidCreated(String listingId, BidReceipt receipt, CurrentUser user) {
    Bid body;
    if (receipt.placed() != null) {
      BidPlaced p = receipt.placed();
      body = new Bid(p.bidId(), listingId, p.bidderCode(), p.amount(), p.currency(), utc(p.placedAt()), true,
          p.sealed()).extendedTo(utc(p.extendedTo()));
    } else {
      body = toApi(auctions.awaitBid(receipt.bidId(), READ_YOUR_WRITES)
          .orElseThrow(() -> new NotFound("bid", receipt.bidId())), user.organizationId().value());
    }
    return ResponseEntity.status(HttpStatus.CREATED)
        .location(URI.create("/api/v1/listings/" + listingId + "/bids/" + receipt.bidId()))
        .body(body);
  }

  private RegistrationView registration(String listingId, String registrationId) {
    return auctions.registration(registrationId)
        .or(() -> auctions.registrationFromEvents(listingId, registrationId))
        .orElseThrow(() -> new NotFound("registration", registrationId));
  }

  private RegistrationView awaitRegistration(String listingId, Result result) {
    return auctions.awaitRegistration(result.id(), result.version(), READ_YOUR_WRITES)
        .or(() -> auctions.registrationFromEvents(listingId, result.id()))
        .orElseThrow(() -> new NotFound("registration", result.id()));
  }

  private ListingView visibleListing(String listingId, CurrentUser user) {
    return listings.find(listingId)
        .filter(v -> ListingAccess.visible(v, user))
        .orElseThrow(() -> new NotFound("listing", listingId));
  }

  private static boolean seesAllRegistrations(CurrentUser user, ListingView listing) {
    return user.seesAllOrganizations() || user.has(Role.FINANCE)
        || listing.holderOrganizationId().equals(user.organizationId().value());
  }

  private static Actor actor(CurrentUser user) {
    return new Actor(user.userId().value(), user.organizationId().value(), user.has(Role.OPERATOR));
  }

  static Bid toApi(BidView b, String viewerOrganization) {
    return new Bid(b.id(), b.listingId(), b.bidderCode(), b.amount(), b.currency(), utc(b.placedAt()),
        b.organizationId().equals(viewerOrganization), b.sealed())
        .extendedTo(utc(b.extendedTo()));
  }

  static Registration toApi(RegistrationView r) {
    return new Registration(r.id(), r.listingId(), r.organizationId(), r.bidderCode(),
        RegistrationStatus.valueOf(r.status().name()), r.deposit(), r.currency(),
        DepositStatus.valueOf(r.depositStatus()), utc(r.registeredAt()))
        .depositReceived(r.depositReceived())
        .bankReference(r.bankReference())
        .refusalReason(r.refusalReason())
        .qualifiedAt(utc(r.qualifiedAt()));
  }
}
