package io.reelx.exchange.demo;

import io.reelx.exchange.listing.command.Actor;
import io.reelx.exchange.listing.command.ApproveListing;
import io.reelx.exchange.listing.command.CreateListing;
import io.reelx.exchange.listing.command.QualifyBidder;
import io.reelx.exchange.listing.command.RecordDepositReceived;
import io.reelx.exchange.listing.command.RegisterForListing;
import io.reelx.exchange.listing.command.Result;
import io.reelx.exchange.listing.command.SubmitListing;
import io.reelx.exchange.listing.domain.ListingId;
import io.reelx.exchange.listing.domain.ListingSettlementTerms;
import io.reelx.exchange.listing.domain.ListingStatus;
import io.reelx.exchange.listing.domain.RegistrationId;
import io.reelx.exchange.listing.domain.SaleMode;
import io.reelx.exchange.listing.domain.SaleTerms;
import io.reelx.exchange.listing.domain.Schedule;
import io.reelx.exchange.listing.query.ListingView;
import io.reelx.exchange.listing.query.ListingViews;
import io.reelx.exchange.listing.query.ListingViews.ListingSearch;
import io.reelx.exchange.rights.domain.RightsWindow;
import io.reelx.exchange.rights.domain.TitleId;
import io.reelx.exchange.rights.domain.WindowTerms;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The demo's open sales: an English auction live within seconds of start-up, a fixed-price offer
 * and a sealed-bid sale, each announced and with both demo platforms registered, their deposits
 * recorded by finance and qualified by the operator, so a person can bid at once. Seeded again on
 * a start that finds none of its kind still open (the previous one closed while the exchange was
 * down, or was sold). Their windows are non-exclusive, so a sale awarded and signed never blocks
 * the next one.
 *
 * <p>Demo-only settings: {@code reelx.demo.live-auction.opens-after} (ISO duration, default
 * {@code PT10S}: how long after its announcement a sale opens for bidding; approval needs an
 * opening in the future), {@code reelx.demo.live-auction.free-period} (ISO duration, default
 * {@code PT3M}: how long bidding runs before the countdown) and
 * {@code reelx.demo.live-auction.timed-period-seconds} (default 60: the countdown every bid
 * restarts).
 */
@Component
@Profile("demo")
public class DemoSales {

  /** How the demo's open sales are told apart from other listings of the demo holder. */
  static final String OPEN_SALE = "Open demo sale";
  private static final Set<ListingStatus> OPEN =
      EnumSet.of(ListingStatus.ANNOUNCED, ListingStatus.BIDDING, ListingStatus.COUNTDOWN);
  private static final Logger log = LoggerFactory.getLogger(DemoSales.class);

  private final CommandGateway commands;
  private final ListingViews listings;
  private final Clock clock;
  private final DemoBidders bidders;
  private final Duration opensAfter;
  private final Duration freePeriod;
  private final int timedPeriodSeconds;

  public DemoSales(CommandGateway commands, ListingViews listings, Clock clock, DemoBidders bidders,
      Environment env) {
    this.bidders = bidders;
    this.commands = commands;
    this.listings = listings;
    this.clock = clock;
    this.opensAfter = Duration.parse(env.getProperty("reelx.demo.live-auction.opens-after", "PT10S"));
    this.freePeriod = Duration.parse(env.getProperty("reelx.demo.live-auction.free-period", "PT3M"));
    this.timedPeriodSeconds = env.getProperty("reelx.demo.live-auction.timed-period-seconds", Integer.class, 60);
  }

  /** How long after its announcement a demo sale opens for bidding. */
  Duration opensAfter() {
    return opensAfter;
  }

  /** Seeds each kind of open sale that has none open now; answers one line per open sale. */
  List<String> ensureOpen(DemoSeeder.Cast cast) {
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    List<String> lines = new ArrayList<>();
    for (SaleMode mode : List.of(SaleMode.ENGLISH, SaleMode.FIXED_PRICE, SaleMode.SEALED_BID)) {
      Optional<ListingView> open = open(cast, mode, now);
      if (open.isPresent()) {
        lines.add(describe(open.get(), "still open") + simulated(open.get(), cast));
        continue;
      }
      // approval needs bidding to start in the future: take the time again for each sale
      Instant start = clock.instant().truncatedTo(ChronoUnit.SECONDS).plus(opensAfter);
      try {
        ListingId id = switch (mode) {
          case ENGLISH -> listing(cast.holder(), cast.night(), List.of("TW"), today.plusMonths(1), today.plusYears(2),
              false, new SaleTerms(SaleMode.ENGLISH, "CNY", 2_000_000_00L, 2_500_000_00L, 50_000_00L, 200_000_00L),
              new Schedule(start, start.plus(freePeriod), timedPeriodSeconds),
              ListingSettlementTerms.simple(null, 500_000_00L, "GROSS", 3000, "MG recouped from a 30% gross share"),
              OPEN_SALE + ": English auction, live now");
          case FIXED_PRICE -> listing(cast.holder(), cast.sprint(), List.of("TH", "VN"), today.plusMonths(1),
              today.plusYears(2), false, new SaleTerms(SaleMode.FIXED_PRICE, "USD", 12_000_00L, null, null, 1_200_00L),
              new Schedule(start, start.plus(Duration.ofDays(30)), null),
              ListingSettlementTerms.simple(12_000_00L, null, null, null, "Flat licence fee"),
              OPEN_SALE + ": fixed price, buy it now");
          case SEALED_BID -> listing(cast.holder(), cast.night(), List.of("SG", "MY"), today.plusMonths(2),
              today.plusYears(3), false, new SaleTerms(SaleMode.SEALED_BID, "USD", 50_000_00L, 60_000_00L, null,
                  5_000_00L),
              new Schedule(start, start.plus(Duration.ofDays(3)), null),
              ListingSettlementTerms.simple(null, null, "NET", 4000, "40% of net revenue"),
              OPEN_SALE + ": sealed bids, opened at the close");
        };
        commands.sendAndWait(new SubmitListing(id, cast.holder(), null));
        commands.sendAndWait(new ApproveListing(id, cast.operator(), null));
        ListingView view = listings.awaitVersion(id.value(), 0, Duration.ofSeconds(5)).orElseThrow();
        for (Actor platform : List.of(cast.bamboo(), cast.lychee())) {
          qualify(id, view.sale(), platform, cast);
        }
        lines.add(describe(view, "seeded now, both platforms qualified") + simulated(view, cast));
      } catch (RuntimeException e) {
        log.warn("Could not seed a fresh {} demo sale: {}", mode, e.getMessage());
      }
    }
    return lines;
  }

  /** The platform registers, finance records its deposit, the operator qualifies it. */
  void qualify(ListingId listing, SaleTerms sale, Actor platform, DemoSeeder.Cast cast) {
    Result registered = commands.sendAndWait(new RegisterForListing(listing, RegistrationId.newId(), platform, null));
    RegistrationId registration = new RegistrationId(registered.id());
    commands.sendAndWait(new RecordDepositReceived(listing, registration, cast.finance(), sale.deposit(),
        sale.currency(), "DEMO-" + registered.id().substring(0, 8).toUpperCase(), null));
    commands.sendAndWait(new QualifyBidder(listing, registration, cast.operator()));
  }

  ListingId listing(Actor holder, TitleId title, List<String> territories, LocalDate from, LocalDate to,
      boolean exclusive, SaleTerms sale, Schedule schedule, ListingSettlementTerms terms, String description) {
    ListingId id = ListingId.newId();
    RightsWindow window = WindowTerms.parse("", territories, List.of("SVOD", "AVOD"), List.of("zh"), from, to);
    commands.sendAndWait(new CreateListing(id, holder, title, window, exclusive, false, sale, schedule, 3, terms,
        description));
    return id;
  }

  /**
   * The newest open demo sale of {@code mode}, if it stays open a while yet: announced (about to
   * open), or bidding with more than half a minute before its next deadline.
   */
  private Optional<ListingView> open(DemoSeeder.Cast cast, SaleMode mode, Instant now) {
    return listings.search(new ListingSearch(cast.holder().organizationId(), false, null, null, null, null), 0, 200)
        .items().stream()
        .filter(v -> v.description() != null && v.description().startsWith(OPEN_SALE))
        .filter(v -> v.sale().mode() == mode && OPEN.contains(v.status()))
        .filter(v -> v.status() == ListingStatus.ANNOUNCED || v.closesAt() == null
            || v.closesAt().isAfter(now.plusSeconds(30)))
        .findFirst();
  }

  private String simulated(ListingView v, DemoSeeder.Cast cast) {
    return v.sale().mode() == SaleMode.ENGLISH && bidders.start(v.id(), List.of(cast.bamboo(), cast.lychee()))
        ? " (simulated bidders on)" : "";
  }

  private static String describe(ListingView v, String state) {
    return String.format("%s listing %s (%s, %s): bidding %s to %s%s, %s", v.sale().mode(), v.id(), v.titleName(),
        String.join(",", v.window().territories()), v.schedule().biddingStartsAt(),
        v.schedule().biddingEndsAt(),
        v.schedule().timedPeriodSeconds() == null ? "" : " then a " + v.schedule().timedPeriodSeconds()
            + " s countdown every bid restarts", state);
  }
}
