package io.reelx.exchange.demo;

import io.reelx.exchange.identity.command.AdminBootstrap;
import io.reelx.exchange.identity.command.IdentityService;
import io.reelx.exchange.identity.domain.OrganizationKind;
import io.reelx.exchange.identity.domain.Role;
import io.reelx.exchange.identity.query.IdentityRegister;
import io.reelx.exchange.identity.query.OrganizationView;
import io.reelx.exchange.identity.query.UserView;
import io.reelx.exchange.identity.security.Passwords;
import io.reelx.exchange.listing.command.Actor;
import io.reelx.exchange.listing.command.ApproveListing;
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
import io.reelx.exchange.rights.query.RightsRegister;
import io.reelx.exchange.rights.query.TitleView;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Makes the demo profile a market one can drive at once, through the same commands and
 * application services the API uses.
 *
 * <p>First start: a rights holder with two titles and their chain of title, two platforms, two
 * finance officers (payouts need four eyes) and an auditor; an English auction and a fixed-price
 * offer announced for next week and a sealed-bid sale awaiting review; an ACTIVE licence contract
 * with two months of revenue reports and statements, one with a discrepancy to resolve (see
 * {@link DemoSettlement}).
 *
 * <p>Every start: missing demo users are created (their passwords appended to
 * {@value DemoCredentials#FILE_NAME} in the data directory, owner-only), and when no live demo
 * sale of a kind is open, a fresh one is seeded with both platforms qualified (see
 * {@link DemoSales}): an English auction whose bidding opens seconds after start-up, a
 * fixed-price offer and a sealed-bid sale. The start-up line says where the credentials are.
 */
@Component
@Profile("demo")
@Order(10)
public class DemoSeeder implements ApplicationRunner {

  static final String HOLDER = "Mango Pictures";
  static final String NIGHT = "The Long Night";
  static final String SPRINT = "Ninety Seconds to Love";
  private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

  private final IdentityService identity;
  private final IdentityRegister register;
  private final RightsRegister rights;
  private final CommandGateway commands;
  private final DemoSales sales;
  private final DemoSettlement settlement;
  private final Clock clock;
  private final DemoCredentials credentials;
  private final SecureRandom random = new SecureRandom();

  public DemoSeeder(IdentityService identity, IdentityRegister register, RightsRegister rights,
      CommandGateway commands, DemoSales sales, DemoSettlement settlement, Clock clock, Environment env) {
    this.identity = identity;
    this.register = register;
    this.rights = rights;
    this.commands = commands;
    this.sales = sales;
    this.settlement = settlement;
    this.clock = clock;
    this.credentials = new DemoCredentials(Path.of(env.getProperty("reelx.data-dir", "./data")));
  }

  /** Who acts in the demo, and its titles. */
  record Cast(Actor holder, Actor operator, Actor finance, Actor bamboo, Actor lychee,
      TitleId night, TitleId sprint) {}

  @Override
  public void run(ApplicationArguments args) {
    boolean first = register.organizations().stream().noneMatch(o -> o.name().equals(HOLDER));
    OrganizationView exchange = register.organizations().stream()
        .filter(o -> o.kind() == OrganizationKind.EXCHANGE && o.name().equals(AdminBootstrap.EXCHANGE_ORGANIZATION))
        .findFirst().orElseThrow();
    OrganizationView mango = organization(HOLDER, OrganizationKind.RIGHTS_HOLDER, "CN");
    OrganizationView bamboo = organization("Bamboo Stream", OrganizationKind.PLATFORM, "CN");
    OrganizationView lychee = organization("Lychee Shorts", OrganizationKind.PLATFORM, "SG");
    List<String> created = new ArrayList<>();
    UserView ann = user("mango-ann", "Ann Chen", mango, Role.RIGHTS_HOLDER, created);
    UserView bo = user("bamboo-bo", "Bo Li", bamboo, Role.PLATFORM, created);
    UserView lin = user("lychee-lin", "Lin Tan", lychee, Role.PLATFORM, created);
    UserView fay = user("finance-fay", "Fay Wu", exchange, Role.FINANCE, created);
    user("finance-fei", "Fei Huang", exchange, Role.FINANCE, created);
    user("audit-ada", "Ada Zhou", exchange, Role.AUDITOR, created);
    credentials.append(created);
    UserView admin = register.userByUsername(AdminBootstrap.ADMIN).orElseThrow();

    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    Actor holder = actor(ann, false);
    Actor operator = actor(admin, true);
    TitleId night;
    TitleId sprint;
    if (first) {
      night = title(mango, NIGHT, "长夜", TitleKind.SERIES, 24, 45);
      sprint = title(mango, SPRINT, "九十秒恋爱", TitleKind.MICRO_DRAMA, 80, 2);
      // held since last year, so that the demo's active licence can have run for a few months
      hold(night, mango, List.of("GREATER_CHINA", "ASEAN"), today.minusYears(1), today.plusYears(8));
      hold(sprint, mango, List.of("WORLD"), today.minusYears(1), today.plusYears(5));
      announcedNextWeek(holder, operator, night, sprint, today);
    } else {
      night = titleNamed(mango, NIGHT);
      sprint = titleNamed(mango, SPRINT);
    }
    Cast cast = new Cast(holder, operator, actor(fay, false), actor(bo, false), actor(lin, false), night, sprint);
    List<String> open = sales.ensureOpen(cast);
    if (!settlement.present(cast)) {
      try {
        open.add("ACTIVE contract " + settlement.seed(cast, today)
            + " (Ninety Seconds to Love, JP): two months of statements, one discrepancy open");
      } catch (RuntimeException e) {
        log.warn("Could not seed the demo's active licence: {}", e.getMessage());
      }
    }

    StringBuilder line = new StringBuilder(first ? "Demo data seeded." : "Demo data already present.");
    if (credentials.exists()) {
      line.append(" Demo users and their passwords (HTTP Basic) are in ").append(credentials.file());
      if (!created.isEmpty() && !first) {
        line.append(" (added: ").append(String.join(", ", created.stream().map(c -> c.split(" ")[0]).toList()))
            .append(')');
      }
    } else {
      line.append(" The demo credentials file ").append(credentials.file())
          .append(" is missing: the passwords were written there at first start and exist nowhere else");
    }
    log.info("{}\n  {}", line, String.join("\n  ", open));
  }

  private OrganizationView organization(String name, OrganizationKind kind, String country) {
    return register.organizations().stream().filter(o -> o.name().equals(name)).findFirst()
        .orElseGet(() -> identity.createOrganization(name, kind, country));
  }

  /** The user, created with a generated password (noted in {@code created}) when missing. */
  private UserView user(String username, String name, OrganizationView org, Role role, List<String> created) {
    Optional<UserView> existing = register.userByUsername(username);
    if (existing.isPresent()) {
      return existing.get();
    }
    byte[] bytes = new byte[12];
    random.nextBytes(bytes);
    String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    UserView user = identity.registerUser(username, password, name, org.id(), Set.of(role));
    created.add(String.format("%-12s %-18s %-14s %s", username, password, role, org.name()));
    return user;
  }

  private static Actor actor(UserView user, boolean operator) {
    return new Actor(user.id().value(), user.organizationId().value(), operator);
  }

  private TitleId titleNamed(OrganizationView owner, String name) {
    return rights.titles(owner.id().value(), name, 0, 10).items().stream()
        .filter(t -> t.name().equals(name)).map(TitleView::id).findFirst()
        .orElseThrow(() -> new IllegalStateException("The demo title '" + name + "' is missing"));
  }

  /** Today's original demo listings: announced for next week, and one awaiting review. */
  private void announcedNextWeek(Actor holder, Actor operator, TitleId night, TitleId sprint, LocalDate today) {
    Instant start = clock.instant().plus(Duration.ofDays(7));
    ListingId english = sales.listing(holder, night, List.of("CN"), today.plusMonths(2), today.plusYears(3), true,
        new SaleTerms(SaleMode.ENGLISH, "CNY", 80_000_000_00L, 120_000_000_00L, 1_000_000_00L, 8_000_000_00L),
        new Schedule(start, start.plus(Duration.ofDays(2)), 300),
        ListingSettlementTerms.simple(null, 20_000_000_00L, "NET", 3500, "MG recouped from a 35% net share"),
        "Demo listing");
    ListingId fixed = sales.listing(holder, sprint, List.of("SG", "MY"), today.plusMonths(1), today.plusYears(2),
        false, new SaleTerms(SaleMode.FIXED_PRICE, "USD", 25_000_00L, null, null, 2_500_00L),
        new Schedule(start, start.plus(Duration.ofDays(30)), null),
        ListingSettlementTerms.simple(25_000_00L, null, null, null, "Flat licence fee"), "Demo listing");
    ListingId sealed = sales.listing(holder, night, List.of("HK", "MO"), today.plusMonths(3), today.plusYears(3),
        true, new SaleTerms(SaleMode.SEALED_BID, "HKD", 3_000_000_00L, 4_000_000_00L, null, 300_000_00L),
        new Schedule(start, start.plus(Duration.ofDays(5)), null), null, "Demo listing");
    for (ListingId id : List.of(english, fixed, sealed)) {
      commands.sendAndWait(new SubmitListing(id, holder, null));
    }
    commands.sendAndWait(new ApproveListing(english, operator, null));
    commands.sendAndWait(new ApproveListing(fixed, operator, null));
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
}
