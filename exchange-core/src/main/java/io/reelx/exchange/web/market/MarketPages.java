package io.reelx.exchange.web.market;

import io.reelx.exchange.identity.domain.Role;
import io.reelx.exchange.identity.security.Access;
import io.reelx.exchange.identity.security.CurrentUser;
import io.reelx.exchange.identity.security.Passwords;
import io.reelx.exchange.listing.command.Actor;
import io.reelx.exchange.listing.command.bidding.BidDesk;
import io.reelx.exchange.listing.command.BidReceipt;
import io.reelx.exchange.listing.command.BuyListing;
import io.reelx.exchange.listing.command.PlaceBid;
import io.reelx.exchange.listing.command.RegisterForListing;
import io.reelx.exchange.listing.command.Result;
import io.reelx.exchange.listing.domain.ListingId;
import io.reelx.exchange.listing.domain.ListingStatus;
import io.reelx.exchange.listing.domain.RegistrationId;
import io.reelx.exchange.listing.domain.SaleMode;
import io.reelx.exchange.listing.query.AuctionViews;
import io.reelx.exchange.listing.query.BidView;
import io.reelx.exchange.listing.query.ListingView;
import io.reelx.exchange.listing.query.ListingViews;
import io.reelx.exchange.listing.query.ListingViews.ListingSearch;
import io.reelx.exchange.listing.query.RegistrationView;
import io.reelx.exchange.listing.web.ListingAccess;
import io.reelx.exchange.listing.web.LiveFeed;
import io.reelx.exchange.rights.domain.Media;
import io.reelx.exchange.shared.domain.InvalidValue;
import io.reelx.exchange.shared.domain.NotFound;
import io.reelx.exchange.shared.domain.Refusal;
import io.reelx.exchange.shared.domain.RuleViolation;
import io.reelx.exchange.shared.idempotency.KeyAlreadyUsed;
import io.reelx.exchange.shared.idempotency.KeyedRequest;
import io.reelx.exchange.web.Formats;
import io.reelx.exchange.web.PageController;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import io.reelx.exchange.listing.domain.BidPlaced;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The market, a listing with the viewer's registration, and the live auction room.
 *
 * <p>The room is rendered on the server: its live part ({@code #room-state}: server clock, phase,
 * countdown, high, own position, ladder, result) is fetched again by htmx whenever the listing's
 * live stream (the same {@link LiveFeed} as the API's {@code /stream}) announces a bid, a
 * countdown restart, a status or the close. Every stream starts with the current status, so a
 * reconnecting page renders afresh and never shows a stale high. The bid box is outside that part
 * (what the user types is never overwritten) and carries an idempotency key made when the form
 * was rendered: a double click or a resent form places one bid.
 */
@PageController
public class MarketPages {

  private static final int LADDER = 30;
  /** How far back the latest bid is looked for among a listing's events (its close follows it closely). */
  private static final int RECENT_EVENTS = 8;
  private static final int PAGE_SIZE = 50;
  private static final Duration READ_YOUR_WRITES = Duration.ofSeconds(2);

  private final Access access;
  private final ListingViews listings;
  private final AuctionViews auctions;
  private final LiveFeed feed;
  private final BidDesk desk;
  private final CommandGateway commands;
  private final Clock clock;
  private final Formats formats;
  private final MessageSource messages;
  private final EventStore events;

  public MarketPages(Access access, ListingViews listings, AuctionViews auctions, LiveFeed feed, BidDesk desk,
      CommandGateway commands, Clock clock, Formats formats, MessageSource messages, EventStore events) {
    this.events = events;
    this.access = access;
    this.listings = listings;
    this.auctions = auctions;
    this.feed = feed;
    this.desk = desk;
    this.commands = commands;
    this.clock = clock;
    this.formats = formats;
    this.messages = messages;
  }

  // ------------------------------------------------------------------ market

  @GetMapping("/market")
  public String market(@RequestParam(name = "status", required = false) String status,
      @RequestParam(name = "territory", required = false) String territory,
      @RequestParam(name = "media", required = false) String media,
      @RequestParam(name = "language", required = false) String language,
      @RequestParam(name = "mode", required = false) String mode,
      @RequestParam(name = "maxPrice", required = false) String maxPrice,
      Model model) {
    CurrentUser me = access.current();
    ListingStatus wanted = parse(ListingStatus.class, status);
    Media wantedMedia = parse(Media.class, media);
    SaleMode wantedMode = parse(SaleMode.class, mode);
    String country = territory == null || territory.isBlank() ? null : territory.trim().toUpperCase(Locale.ROOT);
    Long max = null;
    List<String> errors = new ArrayList<>();
    if (maxPrice != null && !maxPrice.isBlank()) {
      try {
        max = formats.toMinor(maxPrice, "CNY", "maxPrice");
      } catch (InvalidValue invalid) {
        errors.add("maxPrice");
      }
    }
    List<ListingStatus> statuses = wanted != null ? List.of(wanted)
        : List.of(ListingStatus.BIDDING, ListingStatus.COUNTDOWN, ListingStatus.ANNOUNCED, ListingStatus.SUSPENDED);
    // one search over the statuses, in that order (two queries, not two per status)
    List<ListingView> found = listings.search(new ListingSearch(me.organizationId().value(), me.seesAllOrganizations(), null,
        null, country, wantedMedia, statuses), 0, PAGE_SIZE * statuses.size()).items();
    String lang = language == null || language.isBlank() ? null : language.trim().toLowerCase(Locale.ROOT);
    Long cap = max;
    model.addAttribute("listings", found.stream()
        .filter(l -> wantedMode == null || l.sale().mode() == wantedMode)
        .filter(l -> cap == null || l.sale().startingPrice() <= cap)
        .filter(l -> lang == null || l.window().languages().stream().anyMatch(x -> x.toLowerCase(Locale.ROOT).equals(lang)))
        .toList());
    model.addAttribute("statuses", List.of(ListingStatus.ANNOUNCED, ListingStatus.BIDDING, ListingStatus.COUNTDOWN,
        ListingStatus.SUSPENDED, ListingStatus.AWARDED, ListingStatus.FAILED));
    model.addAttribute("modes", SaleMode.values());
    model.addAttribute("mediaValues", Media.values());
    model.addAttribute("filter", new Filter(status, territory, media, language, mode, maxPrice));
    model.addAttribute("errors", errors);
    return "market";
  }

  /** The filters as typed, shown back in the form. */
  public record Filter(String status, String territory, String media, String language, String mode, String maxPrice) {}

  // ------------------------------------------------------------------ a listing and registration

  @GetMapping("/market/{listingId}")
  public String listing(@PathVariable String listingId, Model model) {
    CurrentUser me = access.current();
    ListingView listing = visible(listingId, me);
    model.addAttribute("listing", listing);
    model.addAttribute("registration", own(listingId, me).orElse(null));
    model.addAttribute("registrationKey", UUID.randomUUID().toString());
    model.addAttribute("canRegister", me.has(Role.PLATFORM)
        && !listing.holderOrganizationId().equals(me.organizationId().value()));
    return "listing";
  }

  @PostMapping("/market/{listingId}/registration")
  public String register(@PathVariable String listingId, @RequestParam(name = "key") String key,
      HttpServletResponse response, Model model) {
    CurrentUser me = access.require(Role.PLATFORM);
    ListingView listing = visible(listingId, me);
    model.addAttribute("listing", listing);
    model.addAttribute("canRegister", true);
    model.addAttribute("registrationKey", UUID.randomUUID().toString());
    try {
      KeyedRequest keyed = new KeyedRequest(me.organizationId().value(), "page-registration:" + checkedKey(key),
          Passwords.sha256(me.userId().value() + "\n" + listingId + "\nregister"));
      Result result = commands.sendAndWait(new RegisterForListing(new ListingId(listingId), RegistrationId.newId(),
          actor(me), keyed));
      auctions.awaitRegistration(result.id(), result.version(), READ_YOUR_WRITES);
    } catch (KeyAlreadyUsed repeated) {
      // the same form sent twice: one registration, shown below
    } catch (Refusal refused) {
      response.setStatus(422);
      model.addAttribute("refusal", refusal(refused));
    }
    model.addAttribute("registration", own(listingId, me).orElse(null));
    return "listing :: registration";
  }

  // ------------------------------------------------------------------ the live room

  @GetMapping("/market/{listingId}/room")
  public String room(@PathVariable String listingId, Model model) {
    CurrentUser me = access.current();
    ListingView listing = current(listingId, me);
    model.addAttribute("room", state(listing, me));
    model.addAttribute("bidKey", UUID.randomUUID().toString());
    model.addAttribute("incrementMinor", listing.sale().increment() == null ? 0L : listing.sale().increment());
    model.addAttribute("digits", formats.fractionDigits(listing.sale().currency()));
    return "room";
  }

  @GetMapping("/market/{listingId}/state")
  public String roomState(@PathVariable String listingId, Model model) {
    CurrentUser me = access.current();
    model.addAttribute("room", state(current(listingId, me), me));
    return "room :: state";
  }

  @GetMapping(path = "/market/{listingId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @ResponseBody
  public SseEmitter events(@PathVariable String listingId) {
    CurrentUser me = access.current();
    return feed.open(visible(listingId, me), me.organizationId().value());
  }

  @PostMapping("/market/{listingId}/bids")
  public String bid(@PathVariable String listingId, @RequestParam(name = "amount", defaultValue = "") String amount,
      @RequestParam(name = "key", defaultValue = "") String key, HttpServletResponse response, Model model) {
    CurrentUser me = access.require(Role.PLATFORM);
    ListingView listing = visible(listingId, me);
    String currency = listing.sale().currency();
    model.addAttribute("amount", amount);
    model.addAttribute("oob", true);
    try {
      long minor = formats.toMinor(amount, currency, "amount");
      KeyedRequest keyed = new KeyedRequest(me.organizationId().value(), "page-bid:" + checkedKey(key),
          Passwords.sha256(me.userId().value() + "\n" + listingId + "\n" + minor));
      BidReceipt receipt = desk.place(new PlaceBid(new ListingId(listingId), actor(me), minor, currency, keyed));
      model.addAttribute("placed", formats.money(minor, currency));
      model.addAttribute("placedId", receipt.bidId());
      model.addAttribute("bidKey", UUID.randomUUID().toString());
    } catch (KeyAlreadyUsed repeated) {
      model.addAttribute("placed", amount + " " + currency);
      model.addAttribute("repeated", true);
      model.addAttribute("bidKey", UUID.randomUUID().toString());
    } catch (Refusal refused) {
      response.setStatus(422);
      model.addAttribute("refusal", refusal(refused));
      model.addAttribute("bidKey", key);
    }
    return "room :: feedback";
  }

  /**
   * FIXED_PRICE: buy at the listed price. Keyed like a bid (a double click or a resent form buys
   * once); a refusal (not qualified, not open, already sold) appears next to the button.
   */
  @PostMapping("/market/{listingId}/buy")
  public String buy(@PathVariable String listingId, @RequestParam(name = "key", defaultValue = "") String key,
      HttpServletResponse response, Model model) {
    CurrentUser me = access.require(Role.PLATFORM);
    ListingView listing = visible(listingId, me);
    String price = formats.money(listing.sale().startingPrice(), listing.sale().currency());
    model.addAttribute("oob", true);
    try {
      KeyedRequest keyed = new KeyedRequest(me.organizationId().value(), "page-buy:" + checkedKey(key),
          Passwords.sha256(me.userId().value() + "\n" + listingId + "\nbuy"));
      BidReceipt receipt = commands.sendAndWait(new BuyListing(new ListingId(listingId), actor(me), keyed));
      auctions.awaitBid(receipt.bidId(), READ_YOUR_WRITES);
      model.addAttribute("bought", price);
      model.addAttribute("bidKey", UUID.randomUUID().toString());
    } catch (KeyAlreadyUsed repeated) {
      model.addAttribute("bought", price);
      model.addAttribute("repeated", true);
      model.addAttribute("bidKey", UUID.randomUUID().toString());
    } catch (Refusal refused) {
      response.setStatus(422);
      model.addAttribute("refusal", refusal(refused));
      model.addAttribute("bidKey", key);
    } catch (CommandExecutionException failed) {
      if (failed.getCause() instanceof KeyAlreadyUsed) {
        model.addAttribute("bought", price);
        model.addAttribute("repeated", true);
        model.addAttribute("bidKey", UUID.randomUUID().toString());
      } else if (failed.getCause() instanceof Refusal refused) {
        response.setStatus(422);
        model.addAttribute("refusal", refusal(refused));
        model.addAttribute("bidKey", key);
      } else {
        throw failed;
      }
    }
    return "room :: feedback";
  }

  // ------------------------------------------------------------------ the room's state

  /** The viewer's place in the sale. */
  public enum Position { LEADING, OUTBID, NOT_BID, NOT_QUALIFIED, NOT_A_BIDDER }

  /** Everything the live part of the room shows, as of {@code now} on the server. */
  public record RoomState(ListingView listing, Instant now, Instant closesAt, boolean sealed, BidView high,
      List<Line> ladder, long bidCount, RegistrationView registration, Position position, Long lowestValid,
      boolean over, boolean open) {

    public String currency() {
      return listing.sale().currency();
    }
  }

  /** One bid in the ladder, {@code mine} when the viewer's organisation placed it. */
  public record Line(BidView bid, boolean mine) {}

  RoomState state(ListingView listing, CurrentUser me) {
    String org = me.organizationId().value();
    boolean sealed = listing.sale().mode() == SaleMode.SEALED_BID;
    boolean over = listing.result() != null;
    boolean open = listing.status() == ListingStatus.BIDDING || listing.status() == ListingStatus.COUNTDOWN;
    List<Line> ladder = auctions.bids(listing.id(), LADDER).stream()
        .filter(b -> ListingAccess.bidVisible(b.sealed(), b.organizationId(), org))
        .map(b -> new Line(b, b.organizationId().equals(org)))
        .toList();
    BidView high = !sealed || over ? auctions.high(listing.id()).orElse(null) : null;
    RegistrationView registration = own(listing.id(), me).orElse(null);
    Position position;
    if (registration == null) {
      position = Position.NOT_A_BIDDER;
    } else if (registration.status() != io.reelx.exchange.listing.domain.RegistrationStatus.QUALIFIED) {
      position = Position.NOT_QUALIFIED;
    } else if (ladder.stream().noneMatch(Line::mine)) {
      position = Position.NOT_BID;
    } else if (high != null && high.organizationId().equals(org)) {
      position = Position.LEADING;
    } else {
      position = sealed ? Position.NOT_BID : Position.OUTBID;
    }
    if (sealed && position == Position.NOT_BID && ladder.stream().anyMatch(Line::mine)) {
      position = Position.LEADING;   // sealed: "your bid is in"; nobody knows more before the close
    }
    Long lowest = null;
    if (!over) {
      lowest = listing.sale().mode() == SaleMode.ENGLISH && high != null
          ? high.amount() + listing.sale().increment()
          : listing.sale().startingPrice();
    }
    Instant closesAt = listing.status() == ListingStatus.SUSPENDED ? null : listing.closesAt();
    return new RoomState(listing, clock.instant(), closesAt, sealed, high, ladder,
        auctions.bidCount(listing.id()), registration, position,
        lowest, over, open);
  }

  // ------------------------------------------------------------------ helpers

  /**
   * The listing as of its latest event, with the bid views caught up with its latest bid: the live
   * stream announces a change as soon as it is committed, possibly before the read models have
   * it, and the room must never show a stale high or status as current. The read models are
   * awaited briefly; a listing view still behind then is folded from the events.
   */
  private ListingView current(String listingId, CurrentUser me) {
    visible(listingId, me);
    long version = listings.currentVersion(listingId);
    String lastBid = null;
    DomainEventStream recent = events.readEvents(listingId, Math.max(0, version - RECENT_EVENTS));
    while (recent.hasNext()) {
      if (recent.next().getPayload() instanceof BidPlaced placed) {
        lastBid = placed.bidId();
      }
    }
    if (lastBid != null) {
      auctions.awaitBid(lastBid, READ_YOUR_WRITES);
    }
    return listings.awaitVersion(listingId, version, READ_YOUR_WRITES)
        .orElseThrow(() -> new NotFound("listing", listingId));
  }

  private ListingView visible(String listingId, CurrentUser me) {
    return listings.find(listingId)
        .filter(v -> ListingAccess.visible(v, me))
        .orElseThrow(() -> new NotFound("listing", listingId));
  }

  private Optional<RegistrationView> own(String listingId, CurrentUser me) {
    String org = me.organizationId().value();
    return auctions.registrations(listingId).stream().filter(r -> r.organizationId().equals(org)).findFirst();
  }

  private static String checkedKey(String key) {
    if (key == null || !key.matches("[A-Za-z0-9-]{8,64}")) {
      throw new InvalidValue("key", "this form has no valid idempotency key; reload the page");
    }
    return key;
  }

  /** A refusal in the user's language: by its code where there is one, else its own words. */
  String refusal(Refusal refused) {
    Locale locale = LocaleContextHolder.getLocale();
    String code = refused instanceof RuleViolation rule ? rule.code()
        : refused instanceof InvalidValue invalid ? "invalid." + invalid.field()
        : refused instanceof NotFound ? "not-found"
        : "conflict";
    return messages.getMessage("refusal." + code, new Object[] {refused.getMessage()}, refused.getMessage(), locale);
  }

  private static Actor actor(CurrentUser user) {
    return new Actor(user.userId().value(), user.organizationId().value(), user.has(Role.OPERATOR));
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      return null;
    }
  }
}
