package io.reelx.exchange.demo;

import io.reelx.exchange.identity.command.IdentityService;
import io.reelx.exchange.identity.domain.OrganizationKind;
import io.reelx.exchange.identity.domain.Role;
import io.reelx.exchange.identity.query.IdentityRegister;
import io.reelx.exchange.identity.query.OrganizationView;
import io.reelx.exchange.identity.query.UserView;
import io.reelx.exchange.listing.command.Actor;
import io.reelx.exchange.listing.command.ApproveListing;
import io.reelx.exchange.listing.command.CreateListing;
import io.reelx.exchange.listing.command.SubmitListing;
import io.reelx.exchange.listing.domain.ListingId;
import io.reelx.exchange.listing.domain.ListingSettlementTerms;
import io.reelx.exchange.listing.domain.SaleMode;
import io.reelx.exchange.listing.domain.SaleTerms;
import io.reelx.exchange.listing.domain.Schedule;
import io.reelx.exchange.rights.command.RecordHolding;
import io.reelx.exchange.rights.command.RegisterTitle;
import io.reelx.exchange.rights.domain.Holding;
import io.reelx.exchange.rights.domain.HoldingId;
import io.reelx.exchange.rights.domain.RightsWindow;
import io.reelx.exchange.rights.domain.TitleId;
import io.reelx.exchange.rights.domain.TitleKind;
import io.reelx.exchange.rights.domain.WindowTerms;
import io.reelx.exchange.identity.security.Passwords;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Seeds a small, believable market on first start with the demo profile: a rights holder with
 * two titles and their chain of title, two platforms, finance and audit staff, one announced
 * English auction, one announced fixed-price offer and one sealed-bid sale awaiting review.
 * Passwords are generated and printed once.
 */
@Component
@Profile("demo")
@Order(10)
public class DemoSeeder implements ApplicationRunner {

  static final String HOLDER = "Mango Pictures";
  private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

  private final IdentityService identity;
  private final IdentityRegister register;
  private final CommandGateway commands;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public DemoSeeder(IdentityService identity, IdentityRegister register, CommandGateway commands, Clock clock) {
    this.identity = identity;
    this.register = register;
    this.commands = commands;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (register.organizations().stream().anyMatch(o -> o.name().equals(HOLDER))) {
      log.info("Demo data already present");
      return;
    }
    List<String> credentials = new ArrayList<>();
    OrganizationView exchange = register.organizations().stream()
        .filter(o -> o.kind() == OrganizationKind.EXCHANGE).findFirst().orElseThrow();
    OrganizationView mango = identity.createOrganization(HOLDER, OrganizationKind.RIGHTS_HOLDER, "CN");
    OrganizationView bamboo = identity.createOrganization("Bamboo Stream", OrganizationKind.PLATFORM, "CN");
    OrganizationView lychee = identity.createOrganization("Lychee Shorts", OrganizationKind.PLATFORM, "SG");
    UserView ann = user("mango-ann", "Ann Chen", mango, Role.RIGHTS_HOLDER, credentials);
    user("bamboo-bo", "Bo Li", bamboo, Role.PLATFORM, credentials);
    user("lychee-lin", "Lin Tan", lychee, Role.PLATFORM, credentials);
    user("finance-fay", "Fay Wu", exchange, Role.FINANCE, credentials);
    user("audit-ada", "Ada Zhou", exchange, Role.AUDITOR, credentials);
    UserView admin = register.userByUsername("admin").orElseThrow();

    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    TitleId night = title(mango, "The Long Night", "长夜", TitleKind.SERIES, 24, 45);
    TitleId sprint = title(mango, "Ninety Seconds to Love", "九十秒恋爱", TitleKind.MICRO_DRAMA, 80, 2);
    hold(night, mango, List.of("GREATER_CHINA", "ASEAN"), today, today.plusYears(8));
    hold(sprint, mango, List.of("WORLD"), today, today.plusYears(5));

    Actor holder = new Actor(ann.id().value(), mango.id().value(), false);
    Actor operator = new Actor(admin.id().value(), exchange.id().value(), true);
    Instant start = clock.instant().plus(Duration.ofDays(7));
    ListingId english = listing(holder, night, List.of("CN"), today.plusMonths(2), today.plusYears(3), true,
        new SaleTerms(SaleMode.ENGLISH, "CNY", 80_000_000_00L, 120_000_000_00L, 1_000_000_00L, 8_000_000_00L),
        new Schedule(start, start.plus(Duration.ofDays(2)), 300),
        ListingSettlementTerms.simple(null, 20_000_000_00L, "NET", 3500, "MG recouped from a 35% net share"));
    ListingId fixed = listing(holder, sprint, List.of("SG", "MY"), today.plusMonths(1), today.plusYears(2), false,
        new SaleTerms(SaleMode.FIXED_PRICE, "USD", 25_000_00L, null, null, 2_500_00L),
        new Schedule(start, start.plus(Duration.ofDays(30)), null),
        ListingSettlementTerms.simple(25_000_00L, null, null, null, "Flat licence fee"));
    ListingId sealed = listing(holder, night, List.of("HK", "MO"), today.plusMonths(3), today.plusYears(3), true,
        new SaleTerms(SaleMode.SEALED_BID, "HKD", 3_000_000_00L, 4_000_000_00L, null, 300_000_00L),
        new Schedule(start, start.plus(Duration.ofDays(5)), null), null);
    for (ListingId id : List.of(english, fixed, sealed)) {
      commands.sendAndWait(new SubmitListing(id, holder, null));
    }
    commands.sendAndWait(new ApproveListing(english, operator, null));
    commands.sendAndWait(new ApproveListing(fixed, operator, null));

    log.info("Demo data seeded. Sign in with HTTP Basic as:\n  {}", String.join("\n  ", credentials));
  }

  private UserView user(String username, String name, OrganizationView org, Role role, List<String> credentials) {
    byte[] bytes = new byte[12];
    random.nextBytes(bytes);
    String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    UserView user = identity.registerUser(username, password, name, org.id(), Set.of(role));
    credentials.add(String.format("%-12s %-18s %-14s (%s)", username, password, role, org.name()));
    return user;
  }

  private TitleId title(OrganizationView owner, String name, String original, TitleKind kind, int episodes,
      int minutes) {
    TitleId id = TitleId.newId();
    commands.sendAndWait(new RegisterTitle(id, owner.id().value(), name, original, kind, episodes, minutes, "zh",
        2025, null));
    return id;
  }

  private void hold(TitleId title, OrganizationView owner, List<String> territories, LocalDate from, LocalDate to) {
    RightsWindow window = WindowTerms.parse("", territories, List.of("ALL_MEDIA"), List.of("zh", "en"), from, to);
    Holding holding = new Holding(new HoldingId(UUID.randomUUID().toString()), window, true, true,
        Passwords.sha256("chain-of-title:" + title.value()));
    commands.sendAndWait(new RecordHolding(title, owner.id().value(), holding, "Production agreement (demo)"));
  }

  private ListingId listing(Actor holder, TitleId title, List<String> territories, LocalDate from, LocalDate to,
      boolean exclusive, SaleTerms sale, Schedule schedule, ListingSettlementTerms terms) {
    ListingId id = ListingId.newId();
    RightsWindow window = WindowTerms.parse("", territories, List.of("SVOD", "AVOD"), List.of("zh"), from, to);
    commands.sendAndWait(new CreateListing(id, holder, title, window, exclusive, false, sale, schedule, 3, terms,
        "Demo listing"));
    return id;
  }
}
