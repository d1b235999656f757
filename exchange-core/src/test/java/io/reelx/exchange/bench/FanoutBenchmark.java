package io.reelx.exchange.bench;

import io.reelx.exchange.ReelxApplication;
import io.reelx.exchange.identity.command.IdentityService;
import io.reelx.exchange.identity.domain.OrganizationKind;
import io.reelx.exchange.identity.domain.Role;
import io.reelx.exchange.identity.query.IdentityRegister;
import io.reelx.exchange.identity.query.OrganizationView;
import io.reelx.exchange.identity.query.UserView;
import io.reelx.exchange.listing.command.Actor;
import io.reelx.exchange.listing.command.ApproveListing;
import io.reelx.exchange.listing.command.CreateListing;
import io.reelx.exchange.listing.command.PlaceBid;
import io.reelx.exchange.listing.command.QualifyBidder;
import io.reelx.exchange.listing.command.RegisterForListing;
import io.reelx.exchange.listing.command.Result;
import io.reelx.exchange.listing.command.SubmitListing;
import io.reelx.exchange.listing.domain.ListingId;
import io.reelx.exchange.listing.domain.RegistrationId;
import io.reelx.exchange.listing.domain.SaleMode;
import io.reelx.exchange.listing.domain.SaleTerms;
import io.reelx.exchange.listing.domain.Schedule;
import io.reelx.exchange.rights.command.RecordHolding;
import io.reelx.exchange.rights.command.RegisterTitle;
import io.reelx.exchange.rights.domain.Holding;
import io.reelx.exchange.rights.domain.HoldingId;
import io.reelx.exchange.rights.domain.TitleId;
import io.reelx.exchange.rights.domain.TitleKind;
import io.reelx.exchange.rights.domain.WindowTerms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Server side of {@code ops/bench/fanout.sh}: the exchange on embedded PostgreSQL (fsync on) with
 * one hot ENGLISH auction open for bidding. Writes {@code port listingId token} to the file given
 * as {@code ready=}, waits for the file {@code go=} (the clients are connected), places
 * {@code rate} bids per second through the command bus, first for {@code warmup} seconds (60 by
 * default: on a 2-core machine the JIT needs about a minute of this load before the server is
 * warm) and then, once it has written the file {@code measure=} (the clients record from then on),
 * for {@code seconds}, then writes {@code done=} and stops. The streams' latencies are measured by the clients, in their own JVM.
 */
public final class FanoutBenchmark {

  public static void main(String[] args) throws Exception {
    Path ready = Path.of(arg(args, "ready", "/tmp/fanout.ready"));
    Path go = Path.of(arg(args, "go", "/tmp/fanout.go"));
    Path done = Path.of(arg(args, "done", "/tmp/fanout.done"));
    int rate = Integer.parseInt(arg(args, "rate", "100"));
    int seconds = Integer.parseInt(arg(args, "seconds", "30"));
    int warmup = Integer.parseInt(arg(args, "warmup", "60"));
    Path measure = Path.of(arg(args, "measure", "/tmp/fanout.measure"));
    Path data = Files.createTempDirectory("reelx-fanout-bench-");
    String password = "bench-password-123";
    ConfigurableApplicationContext app = new SpringApplicationBuilder(ReelxApplication.class).run(
        "--server.port=0", "--reelx.data-dir=" + data, "--reelx.embedded-postgres.fsync=true",
        "--reelx.admin.password=" + password, "--logging.level.root=WARN",
        "--reelx.auction.min-timed-period-seconds=30", "--server.tomcat.max-connections=5000");
    try {
      CommandGateway commands = app.getBean(CommandGateway.class);
      IdentityService identity = app.getBean(IdentityService.class);
      UserView admin = app.getBean(IdentityRegister.class).userByUsername("admin").orElseThrow();
      Actor operator = new Actor(admin.id().value(), admin.organizationId().value(), true);
      String run = UUID.randomUUID().toString().substring(0, 8);
      OrganizationView holderOrg = identity.createOrganization("Holder " + run, OrganizationKind.RIGHTS_HOLDER, "CN");
      UserView holderUser = identity.registerUser("holder-" + run, password, "Holder", holderOrg.id(),
          Set.of(Role.RIGHTS_HOLDER));
      Actor holder = new Actor(holderUser.id().value(), holderOrg.id().value(), false);
      Actor[] bidders = new Actor[2];
      UserView watcher = null;
      for (int i = 0; i < bidders.length; i++) {
        OrganizationView org = identity.createOrganization("Platform " + run + i, OrganizationKind.PLATFORM, "CN");
        UserView user = identity.registerUser("bidder-" + run + i, password, "Bidder", org.id(), Set.of(Role.PLATFORM));
        bidders[i] = new Actor(user.id().value(), org.id().value(), false);
        watcher = user;
      }
      TitleId title = TitleId.newId();
      commands.sendAndWait(new RegisterTitle(title, holderOrg.id().value(), "Hot Title", null, TitleKind.SERIES, 10, 20,
          "zh", 2025, null));
      commands.sendAndWait(new RecordHolding(title, holderOrg.id().value(), new Holding(new HoldingId("h-" + run),
          WindowTerms.parse("", List.of("WORLD"), List.of("ALL_MEDIA"), List.of("zh"), LocalDate.of(2026, 1, 1),
              LocalDate.of(2040, 12, 31)), false, false, "0".repeat(64)), null));
      ListingId listing = ListingId.newId();
      Instant start = Instant.now().plusSeconds(5);
      commands.sendAndWait(new CreateListing(listing, holder, title,
          WindowTerms.parse("", List.of("CN"), List.of("SVOD"), List.of("zh"), LocalDate.of(2027, 1, 1),
              LocalDate.of(2028, 1, 1)), false, false, new SaleTerms(SaleMode.ENGLISH, "CNY", 100_000L, null, 100L, 0),
          new Schedule(start, start.plus(Duration.ofHours(2)), 300), 3, null, "hot"));
      commands.sendAndWait(new SubmitListing(listing, holder, null));
      commands.sendAndWait(new ApproveListing(listing, operator, null));
      for (Actor bidder : bidders) {
        Result registration = commands.sendAndWait(new RegisterForListing(listing, RegistrationId.newId(), bidder, null));
        commands.sendAndWait(new QualifyBidder(listing, new RegistrationId(registration.id()), operator));
      }
      Thread.sleep(Math.max(0, Duration.between(Instant.now(), start).toMillis()) + 200);
      String token = identity.issueToken(watcher.id(), "fanout", null).token();
      int port = ((WebServerApplicationContext) app).getWebServer().getPort();
      Files.writeString(ready, port + " " + listing.value() + " " + token + "\n");
      while (!Files.exists(go)) {
        Thread.sleep(50);
      }
      long amount = 100_000;
      long interval = 1_000_000_000L / rate;
      // warm-up: the same load, not measured
      long begin = System.nanoTime();
      int total = rate * warmup;
      for (int i = 0; i < total; i++) {
        pace(begin + i * interval);
        commands.sendAndWait(new PlaceBid(listing, bidders[i % 2], amount, "CNY", null));
        amount += 100;
      }
      System.out.printf("server: warm-up %d s: %d bids placed in %.1f s%n", warmup, total,
          (System.nanoTime() - begin) / 1e9);
      // -Dbench.jfr=file.jfr: a flight recording of the measured bidding phase
      String jfr = System.getProperty("bench.jfr");
      jdk.jfr.Recording recording = null;
      if (jfr != null) {
        recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
        recording.start();
      }
      Files.writeString(measure, "measure\n");
      begin = System.nanoTime();
      total = rate * seconds;
      long behind = 0;
      for (int i = 0; i < total; i++) {
        long due = begin + i * interval;
        pace(due);
        behind = Math.max(behind, System.nanoTime() - due);
        commands.sendAndWait(new PlaceBid(listing, bidders[i % 2], amount, "CNY", null));
        amount += 100;
      }
      System.out.printf("server: %d bids placed in %.1f s (%d/s asked; the driver fell at most %.0f ms behind)%n",
          total, (System.nanoTime() - begin) / 1e9, rate, behind / 1e6);
      if (recording != null) {
        recording.stop();
        recording.dump(Path.of(jfr));
      }
      Thread.sleep(2_000);
      Files.writeString(done, "done\n");
      Thread.sleep(1_000);
    } catch (Exception | Error failed) {
      failed.printStackTrace(System.out);
    } finally {
      app.close();
      try (var paths = Files.walk(data)) {
        for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
      System.exit(0);
    }
  }

  private static void pace(long due) {
    for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
      LockSupport.parkNanos(wait);
    }
  }

  private static String arg(String[] args, String name, String fallback) {
    for (String arg : args) {
      if (arg.startsWith(name + "=")) {
        return arg.substring(name.length() + 1);
      }
    }
    return fallback;
  }
}
