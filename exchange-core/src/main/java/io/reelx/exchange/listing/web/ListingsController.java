package io.reelx.exchange.listing.web;

import static io.reelx.exchange.shared.web.Times.utc;

import io.reelx.api.ListingsApi;
import io.reelx.api.model.CreateListingRequest;
import io.reelx.api.model.Listing;
import io.reelx.api.model.ListingPage;
import io.reelx.api.model.Media;
import io.reelx.api.model.ReasonRequest;
import io.reelx.api.model.RevenueShare;
import io.reelx.api.model.RevenueShareBasis;
import io.reelx.api.model.SettlementTerms;
import io.reelx.exchange.identity.domain.Role;
import io.reelx.exchange.identity.security.Access;
import io.reelx.exchange.identity.security.CurrentUser;
import io.reelx.exchange.listing.api.SettlementTermsMapping;
import io.reelx.exchange.listing.command.Actor;
import io.reelx.exchange.listing.command.ApproveListing;
import io.reelx.exchange.listing.command.CreateListing;
import io.reelx.exchange.listing.command.RejectListing;
import io.reelx.exchange.listing.command.ResumeListing;
import io.reelx.exchange.listing.command.SubmitListing;
import io.reelx.exchange.listing.command.SuspendListing;
import io.reelx.exchange.listing.command.WithdrawListing;
import io.reelx.exchange.listing.domain.ListingId;
import io.reelx.exchange.listing.domain.ListingSettlementTerms;
import io.reelx.exchange.listing.domain.ListingStatus;
import io.reelx.exchange.listing.domain.SaleMode;
import io.reelx.exchange.listing.domain.SaleTerms;
import io.reelx.exchange.listing.domain.Schedule;
import io.reelx.exchange.listing.query.ListingView;
import io.reelx.exchange.listing.query.ListingViews;
import io.reelx.exchange.listing.query.ListingViews.ListingSearch;
import io.reelx.exchange.rights.api.WindowMapping;
import io.reelx.exchange.rights.domain.RightsWindow;
import io.reelx.exchange.rights.domain.TitleId;
import io.reelx.exchange.rights.query.RightsRegister.Page;
import io.reelx.exchange.shared.domain.InvalidValue;
import io.reelx.exchange.shared.domain.NotFound;
import java.net.URI;
import java.time.Duration;
import java.util.function.Function;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class ListingsController implements ListingsApi {

  /** How long an answer waits for the listing view before it is folded from the stored events. */
  private static final Duration READ_YOUR_WRITES = Duration.ofSeconds(2);

  private final Access access;
  private final CommandGateway commands;
  private final ListingViews views;
  private final io.reelx.exchange.identity.query.IdentityRegister identities;

  public ListingsController(Access access, CommandGateway commands, ListingViews views,
      io.reelx.exchange.identity.query.IdentityRegister identities) {
    this.identities = identities;
    this.access = access;
    this.commands = commands;
    this.views = views;
  }

  @Override
  public ResponseEntity<Listing> createListing(CreateListingRequest r) {
    CurrentUser user = access.require(Role.RIGHTS_HOLDER);
    RightsWindow window = WindowMapping.parse("window.", r.getWindow());
    SaleTerms sale = new SaleTerms(SaleMode.valueOf(r.getSaleMode().name()), r.getCurrency(), r.getStartingPrice(),
        r.getReservePrice(), r.getIncrement(), r.getDeposit());
    Schedule schedule = new Schedule(r.getSchedule().getBiddingStartsAt().toInstant(),
        r.getSchedule().getBiddingEndsAt().toInstant(), r.getSchedule().getTimedPeriodSeconds());
    ListingSettlementTerms terms = SettlementTermsMapping.fromApi(r.getSettlementTerms());
    checkSettlementTerms(terms, r.getCurrency(), user.organizationId().value());
    ListingId id = ListingId.newId();
    commands.sendAndWait(new CreateListing(id, actor(user), new TitleId(r.getTitleId()), window,
        Boolean.TRUE.equals(r.getWindow().getExclusive()), Boolean.TRUE.equals(r.getWindow().getSublicensable()),
        sale, schedule, r.getSigningDays(), terms, r.getDescription()));
    ListingView view = views.awaitVersion(id.value(), 0, READ_YOUR_WRITES)
        .orElseThrow(() -> new NotFound("listing", id.value()));
    return ResponseEntity.created(URI.create("/api/v1/listings/" + id.value()))
        .eTag(etag(view.version())).body(toApi(view, user));
  }

  @Override
  public ResponseEntity<Listing> getListing(String listingId) {
    CurrentUser user = access.current();
    ListingView view = views.find(listingId).filter(v -> ListingAccess.visible(v, user))
        .map(v -> v.atVersion(Math.max(v.version(), views.currentVersion(listingId))))
        .orElseThrow(() -> new NotFound("listing", listingId));
    return ResponseEntity.ok().eTag(etag(view.version())).body(toApi(view, user));
  }

  @Override
  public ResponseEntity<ListingPage> listListings(io.reelx.api.model.ListingStatus status, String titleId,
      String territory, Media media, Integer page, Integer size) {
    CurrentUser user = access.current();
    Page<ListingView> result = views.search(new ListingSearch(user.organizationId().value(),
        user.seesAllOrganizations() || user.has(Role.FINANCE), status == null ? null : ListingStatus.valueOf(status.name()), titleId,
        territory == null ? null : territory.toUpperCase(),
        media == null ? null : io.reelx.exchange.rights.domain.Media.valueOf(media.name())), page, size);
    return ResponseEntity.ok(new ListingPage(result.items().stream().map(v -> toApi(v, user)).toList(),
        result.page(), result.size(), result.totalItems(), result.totalPages()));
  }

  @Override
  public ResponseEntity<Listing> submitListing(String listingId, String ifMatch) {
    CurrentUser user = access.require(Role.RIGHTS_HOLDER);
    return act(listingId, user, v -> new SubmitListing(new ListingId(listingId), actor(user), v), ifMatch);
  }

  @Override
  public ResponseEntity<Listing> approveListing(String listingId, String ifMatch) {
    CurrentUser user = access.require(Role.OPERATOR);
    return act(listingId, user, v -> new ApproveListing(new ListingId(listingId), actor(user), v), ifMatch);
  }

  @Override
  public ResponseEntity<Listing> rejectListing(String listingId, ReasonRequest reason, String ifMatch) {
    CurrentUser user = access.require(Role.OPERATOR);
    return act(listingId, user,
        v -> new RejectListing(new ListingId(listingId), actor(user), reason.getReason(), v), ifMatch);
  }

  @Override
  public ResponseEntity<Listing> withdrawListing(String listingId, String ifMatch, ReasonRequest reason) {
    CurrentUser user = access.require(Role.RIGHTS_HOLDER, Role.OPERATOR);
    String text = reason == null ? null : reason.getReason();
    return act(listingId, user, v -> new WithdrawListing(new ListingId(listingId), actor(user), text, v), ifMatch);
  }

  @Override
  public ResponseEntity<Listing> suspendListing(String listingId, ReasonRequest reason, String ifMatch) {
    CurrentUser user = access.require(Role.OPERATOR);
    return act(listingId, user,
        v -> new SuspendListing(new ListingId(listingId), actor(user), reason.getReason(), v), ifMatch);
  }

  @Override
  public ResponseEntity<Listing> resumeListing(String listingId, String ifMatch) {
    CurrentUser user = access.require(Role.OPERATOR);
    return act(listingId, user, v -> new ResumeListing(new ListingId(listingId), actor(user), v), ifMatch);
  }

  private ResponseEntity<Listing> act(String listingId, CurrentUser user, Function<Long, Object> command,
      String ifMatch) {
    Long version = commands.sendAndWait(command.apply(parseIfMatch(ifMatch)));
    ListingView view = views.awaitVersion(listingId, version, READ_YOUR_WRITES)
        .map(v -> v.atVersion(Math.max(v.version(), version)))
        .orElseThrow(() -> new NotFound("listing", listingId));
    return ResponseEntity.ok().eTag(etag(view.version())).body(toApi(view, user));
  }

  /**
   * Every problem of the settlement terms at once: their shape (as the listing will check it) and
   * payees that are not member organisations (they are paid through the ledger). The listing form
   * of the web workspace checks its terms here too.
   */
  public void checkSettlementTerms(ListingSettlementTerms terms, String currency, String holder) {
    if (terms == null) {
      return;
    }
    java.util.List<InvalidValue.Field> unknown = new java.util.ArrayList<>();
    if (io.reelx.settlement.money.Money.isCurrency(currency)) {
      try {
        terms.toTerms(currency, holder, ListingSettlementTerms.UNKNOWN_COUNTRY);
      } catch (InvalidValue invalid) {
        unknown.addAll(invalid.fields());
      }
    }
    for (int i = 0; i < terms.payees().size(); i++) {
      var payee = terms.payees().get(i);
      if (payee != null && payee.organizationId() != null
          && identities.organization(new io.reelx.exchange.identity.domain.OrganizationId(payee.organizationId())).isEmpty()) {
        unknown.add(new InvalidValue.Field("settlementTerms.payees[" + i + "].organizationId",
            "no member organisation with id " + payee.organizationId()));
      }
    }
    if (!unknown.isEmpty()) {
      throw new InvalidValue(unknown);
    }
  }

  static Long parseIfMatch(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      return null;
    }
    String value = ifMatch.strip();
    if (value.startsWith("W/")) {
      value = value.substring(2);
    }
    value = value.replace("\"", "");
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new InvalidValue("If-Match", "must be the listing's ETag, e.g. \"3\"");
    }
  }

  private static String etag(long version) {
    return "\"" + version + "\"";
  }

  private static Actor actor(CurrentUser user) {
    return new Actor(user.userId().value(), user.organizationId().value(), user.has(Role.OPERATOR));
  }

  private Listing toApi(ListingView v, CurrentUser viewer) {
    boolean insider = viewer.seesAllOrganizations() || v.holderOrganizationId().equals(viewer.organizationId().value());
    RightsWindow window = v.window().toWindow();
    Listing listing = new Listing(v.id(), v.titleId(), v.titleName(), v.holderOrganizationId(),
        io.reelx.api.model.ListingStatus.valueOf(v.status().name()),
        WindowMapping.toApi(window, v.exclusive(), v.sublicensable()),
        io.reelx.api.model.SaleMode.valueOf(v.sale().mode().name()), v.sale().currency(), v.sale().startingPrice(),
        v.sale().deposit(),
        new io.reelx.api.model.Schedule(utc(v.schedule().biddingStartsAt()), utc(v.schedule().biddingEndsAt()))
            .timedPeriodSeconds(v.schedule().timedPeriodSeconds()),
        v.signingDays(), v.version(), utc(v.createdAt()), utc(v.updatedAt()))
        .increment(v.sale().increment())
        .reservePrice(insider ? v.sale().reservePrice() : null)
        .description(v.description())
        .rejectionReason(v.rejectionReason())
        .closesAt(utc(v.closesAt()))
        .result(AuctionsController.result(v, viewer));
    return listing.settlementTerms(SettlementTermsMapping.toApi(v.settlementTerms()));
  }

}
