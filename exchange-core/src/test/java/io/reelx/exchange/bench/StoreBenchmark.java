package io.reelx.exchange.bench;

import io.reelx.exchange.ReelxApplication;
import io.reelx.exchange.config.ReadModelRebuild;
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
import io.reelx.exchange.listing.domain.BidPlaced;
import io.reelx.exchange.listing.domain.ListingId;
import io.reelx.exchange.listing.domain.RegistrationId;
import io.reelx.exchange.listing.domain.SaleMode;
import io.reelx.exchange.listing.domain.SaleTerms;
import io.reelx.exchange.listing.domain.Schedule;
import io.reelx.exchange.rights.command.RecordHolding;
import io.reelx.exchange.rights.command.RegisterTitle;
import io.reelx.exchange.rights.domain.AvailsCalculator;
import io.reelx.exchange.rights.domain.AvailsRequest;
import io.reelx.exchange.rights.domain.Grant;
import io.reelx.exchange.rights.domain.Holding;
import io.reelx.exchange.rights.domain.HoldingId;
import io.reelx.exchange.rights.domain.TitleId;
import io.reelx.exchange.rights.domain.TitleKind;
import io.reelx.exchange.rights.domain.WindowTerms;
import io.reelx.exchange.rights.query.HoldingView;
import io.reelx.exchange.rights.query.RightsRegister;
import io.reelx.exchange.shared.domain.RuleViolation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmarks of a grown event store (run with {@code ops/bench/rebuild.sh} and {@code
 * ops/bench/growth.sh}), the whole exchange on an embedded PostgreSQL with fsync on.
 * <ul>
 *   <li>{@code mode=rebuild events=1000000}: seeds the store (listings, registrations and
 *       qualifications through the command path, then bids published in bulk through the event
 *       bus, so the bid book is written as live bids write it), checksums the read-model tables,
 *       rebuilds every read model ({@link ReadModelRebuild}) and compares the checksums. Baselines,
 *       same run: a raw JDBC scan of the event table, the storage engine's read of the log, and the
 *       rate the seeding stored the events at.
 *   <li>{@code mode=growth events=5000000}: bid rate and p99 through the command path on fresh
 *       auctions on the empty store (baseline), then again with {@code events} events stored; and
 *       the avails check of a title with 1,000 holdings and 1,000 grants, against one holding.
 * </ul>
 */
public final class StoreBenchmark {

  private static final String PASSWORD = "bench-password-123";
  private static final long START = 100_000;
  private static final long STEP = 100;
  /** Every table the rebuild writes. */
  private static final List<String> VIEWS = List.of("listing_view", "registration_view", "bid_view", "title", "holding",
      "rights_grant", "contract_view", "organization", "app_user");

  private final ConfigurableApplicationContext app;
  private final CommandGateway commands;
  private final JdbcTemplate jdbc;
  private final EventStore eventStore;
  private final TransactionManager transactions;
  private Actor holder;
  private Actor operator;
  private String holderOrg;
  private TitleId title;
  private final List<Actor> platforms = new ArrayList<>();
  private int round;

  private StoreBenchmark(ConfigurableApplicationContext app) {
    this.app = app;
    this.commands = app.getBean(CommandGateway.class);
    this.jdbc = app.getBean(JdbcTemplate.class);
    this.eventStore = app.getBean(EventStore.class);
    this.transactions = app.getBean(TransactionManager.class);
  }

  public static void main(String[] args) throws Exception {
    String mode = arg(args, "mode", "rebuild");
    long events = Long.parseLong(arg(args, "events", mode.equals("growth") ? "5000000" : "1000000"));
    int seconds = Integer.parseInt(arg(args, "seconds", "10"));
    int threads = Integer.parseInt(arg(args, "threads", "16"));
    // each bid run first bids unmeasured this long: with 5 s, the empty store's run measured a
    // half-compiled JVM and the grown store (measured later, warm) came out 1.7 times as fast
    int warmUp = Integer.parseInt(arg(args, "warmup", "60"));
    Path data = Files.createTempDirectory("reelx-store-bench-");
    ConfigurableApplicationContext app = new SpringApplicationBuilder(ReelxApplication.class).run(
        "--server.port=0", "--reelx.data-dir=" + data, "--reelx.embedded-postgres.fsync=true",
        "--reelx.admin.password=" + PASSWORD, "--reelx.datasource.pool-size=" + (threads + 8),
        "--logging.level.root=WARN", "--reelx.auction.min-timed-period-seconds=30");
    try {
      StoreBenchmark bench = new StoreBenchmark(app);
      System.out.printf("machine: %d cores, %d MiB max heap, load %s; fsync on%n",
          Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, load());
      bench.setUp(threads);
      if (mode.equals("rebuild")) {
        bench.rebuild(events);
      } else if (mode.equals("avails")) {
        bench.avails();
      } else {
        bench.growth(events, seconds, threads, warmUp);
      }
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

  // ------------------------------------------------------------------ rebuild

  private void rebuild(long events) throws Exception {
    double seedRate = seed(events);
    awaitProjections();
    Map<String, String> live = checksums();
    double scanRate = rawScan();
    double readRate = engineRead();
    // -Dbench.jfr=file.jfr: a flight recording of the rebuild alone
    String jfr = System.getProperty("bench.jfr");
    jdk.jfr.Recording recording = null;
    if (jfr != null) {
      recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
      recording.start();
    }
    ReadModelRebuild.Report report = app.getBean(ReadModelRebuild.class).rebuild(Duration.ofHours(2));
    if (recording != null) {
      recording.stop();
      recording.dump(Path.of(jfr));
    }
    Map<String, String> rebuilt = checksums();
    System.out.printf("rebuild: %d events (%d handled by a projection) in %.1f s: %8d events/s (target >= 20000)%n",
        report.events(), report.handled(), report.took().toMillis() / 1e3, report.eventsPerSecond());
    System.out.printf("  %.1f s handling and writing, the rest reading the log%n", report.writing().toMillis() / 1e3);
    System.out.printf("  baselines, same run: raw scan of the event table %.0f events/s (rebuild at %.2f x),"
        + " the storage engine's read of the log %.0f events/s (%.2f x), seeding stored them at %.0f events/s%n",
        scanRate, report.eventsPerSecond() / scanRate, readRate, report.eventsPerSecond() / readRate, seedRate);
    boolean same = true;
    for (String view : VIEWS) {
      boolean eq = live.get(view).equals(rebuilt.get(view));
      same &= eq;
      System.out.printf("  %-18s live %s, rebuilt %s: %s%n", view, live.get(view), rebuilt.get(view),
          eq ? "identical" : "DIFFERENT");
    }
    System.out.println(same ? "rebuilt views identical to the live ones" : "REBUILT VIEWS DIFFER");
  }

  /** Events per second of a plain JDBC scan of the event table, every column read. */
  private double rawScan() {
    long began = System.nanoTime();
    long[] n = {0};
    jdbc.query(con -> {
      con.setAutoCommit(false);
      var ps = con.prepareStatement("SELECT globalindex, eventidentifier, aggregateidentifier, sequencenumber,"
          + " type, timestamp, payloadtype, payloadrevision, payload, metadata FROM domainevententry"
          + " ORDER BY globalindex");
      ps.setFetchSize(5_000);
      return ps;
    }, rs -> {
      rs.getBytes(9);
      n[0]++;
    });
    return n[0] / ((System.nanoTime() - began) / 1e9);
  }

  /** Events per second of the storage engine's read of the whole log, payload types resolved, nothing handled. */
  private double engineRead() {
    var storage = app.getBean(org.axonframework.eventsourcing.eventstore.EventStorageEngine.class);
    long began = System.nanoTime();
    long n = 0;
    try (var events = storage.readEvents((org.axonframework.eventhandling.TrackingToken) null, false)) {
      var it = events.iterator();
      while (it.hasNext()) {
        it.next().getPayloadType();
        n++;
      }
    }
    return n / ((System.nanoTime() - began) / 1e9);
  }

  /** The tables whose rows hold only what the events hold, to the microsecond (the bulky ones). */
  private static final Set<String> EXACT = Set.of("listing_view", "registration_view", "bid_view");
  private static final java.util.regex.Pattern TIME =
      java.util.regex.Pattern.compile("(\\d\\d:\\d\\d:\\d\\d)(?:\\.(\\d+))?(\\+00|Z)");

  /**
   * Rows and an order-independent checksum of every row's text, per view. The registers written
   * live are handed the event's timestamp before it is stored, to the microsecond, and the log
   * keeps milliseconds: their times are compared at the log's precision.
   */
  private Map<String, String> checksums() {
    Map<String, String> sums = new LinkedHashMap<>();
    for (String view : VIEWS) {
      if (EXACT.contains(view)) {
        sums.put(view, jdbc.queryForObject("SELECT count(*) || ' rows, sum ' || coalesce(sum(hashtext(t::text)::bigint), 0)"
            + " || ', md5 of sorted ' || coalesce(md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))), '-')"
            + " FROM " + view + " t", String.class));
      } else {
        List<String> rows = jdbc.queryForList("SELECT t::text FROM " + view + " t", String.class).stream()
            .map(row -> TIME.matcher(row).replaceAll(m -> m.group(1) + "."
                + ((m.group(2) == null ? "" : m.group(2)) + "000").substring(0, 3) + m.group(3)))
            .sorted().toList();
        sums.put(view, rows.size() + " rows, hash of sorted (times to the ms) "
            + Integer.toHexString(String.join("\n", rows).hashCode()));
      }
    }
    return sums;
  }

  // ------------------------------------------------------------------ growth

  private void growth(long events, int seconds, int threads, int warmUp) throws Exception {
    Measured empty = bidRun(seconds, threads, warmUp);
    System.out.printf("bids, empty store (%d events):   %8.0f accepted bids/s, p50 %.1f ms, p99 %.1f ms%n",
        headPosition(), empty.rate, empty.p50, empty.p99);
    double seedRate = seed(events);
    System.out.printf("  (seeded at %.0f events/s)%n", seedRate);
    awaitProjections();
    Measured grown = bidRun(seconds, threads, warmUp);
    System.out.printf("bids, grown store (%d events): %8.0f accepted bids/s, p50 %.1f ms, p99 %.1f ms%n",
        headPosition(), grown.rate, grown.p50, grown.p99);
    System.out.printf("growth: rate %.2f x the empty store's, p99 %.2f x (target: within 20%%)%n",
        grown.rate / empty.rate, grown.p99 / empty.p99);
    avails();
  }

  private record Measured(double rate, double p50, double p99) {}

  /** Closed loop over fresh auctions, one per client thread, each thread bidding as its own platform. */
  private Measured bidRun(int seconds, int threads, int warmUp) throws Exception {
    List<ListingId> listings = openAuctions(threads);
    AtomicLong[] ladders = new AtomicLong[listings.size()];
    for (int i = 0; i < ladders.length; i++) {
      ladders[i] = new AtomicLong(START - STEP);
    }
    List<long[]> latencies = new ArrayList<>();
    // warm-up, then measured
    for (int pass = 0; pass < 2; pass++) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(pass == 0 ? warmUp : seconds);
      List<long[]> perThread = runThreads(threads, t -> {
        long[] lat = new long[1 << 20];
        int n = 0;
        Actor me = platforms.get(t);
        while (System.nanoTime() < deadline && n < lat.length) {
          long began = System.nanoTime();
          try {
            commands.sendAndWait(new PlaceBid(listings.get(t), me, ladders[t].addAndGet(STEP), "CNY", null));
            lat[n++] = System.nanoTime() - began;
          } catch (RuleViolation refused) {
            // not counted
          }
        }
        return Arrays.copyOf(lat, n);
      });
      if (pass == 1) {
        latencies = perThread;
      }
    }
    long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    return new Measured(all.length / (double) seconds, all[all.length / 2] / 1e6, all[(int) (all.length * 0.99)] / 1e6);
  }

  private void avails() throws Exception {
    RightsRegister register = app.getBean(RightsRegister.class);
    List<String> countries = List.of("CN", "JP", "KR", "US", "GB", "FR", "DE", "IT", "ES", "BR", "IN", "AU", "CA", "MX",
        "TH", "VN", "ID", "MY", "SG", "PH");
    List<String> media = List.of("SVOD", "AVOD", "TVOD", "FREE_TV", "PAY_TV");
    TitleId big = TitleId.newId();
    commands.sendAndWait(new RegisterTitle(big, holderOrg, "Big Title " + round, null, TitleKind.SERIES, 10, 20,
        "zh", 2025, null));
    for (int i = 0; i < 1_000; i++) {
      commands.sendAndWait(new RecordHolding(big, holderOrg, new Holding(new HoldingId("h-" + i),
          WindowTerms.parse("", List.of(countries.get(i % countries.size())), List.of(media.get(i % media.size())),
              List.of("zh"), LocalDate.of(2026, 1, 1).plusDays(i), LocalDate.of(2040, 12, 31)),
          i % 3 == 0, false, "0".repeat(64)), null));
    }
    // 1,000 grants, as active contracts leave them in the rights register
    jdbc.batchUpdate("INSERT INTO rights_grant (contract_id, title_id, territories, media, languages, term_start,"
        + " term_end, exclusive) VALUES (?, ?, ARRAY[?], ARRAY[?], ARRAY['zh'], ?, ?, ?)",
        java.util.stream.IntStream.range(0, 1_000).mapToObj(i -> new Object[] {"bench-grant-" + i, big.value(),
            countries.get(i % countries.size()), media.get((i / 7) % media.size()),
            java.sql.Date.valueOf(LocalDate.of(2027, 1, 1).plusDays(i % 300)),
            java.sql.Date.valueOf(LocalDate.of(2028, 1, 1).plusDays(i % 300)), i % 2 == 0}).toList());
    AvailsRequest request = new AvailsRequest(WindowTerms.parse("", countries.subList(0, 10), List.of("SVOD", "AVOD"),
        List.of("zh"), LocalDate.of(2027, 6, 1), LocalDate.of(2029, 5, 31)), false, false);
    double[] small = timeAvails(register, title, request);
    double[] large = timeAvails(register, big, request);
    System.out.printf("avails, title with 1 holding, no grant (baseline):  p50 %.2f ms, p99 %.2f ms%n", small[0],
        small[1]);
    System.out.printf("avails, title with 1,000 holdings, 1,000 grants:  p50 %.2f ms, p99 %.2f ms (target < 5 ms;"
        + " %.1f x the baseline's p50)%n", large[0], large[1], large[0] / small[0]);
    List<Holding> holdings = register.holdings(big).stream().map(HoldingView::holding).toList();
    List<Grant> grants = register.grants(big);
    double[] load = time(() -> {
      register.holdings(big);
      register.grants(big);
    });
    double[] calc = time(() -> new AvailsCalculator().check(request, holdings, grants));
    System.out.printf("  of which loading holdings and grants p50 %.2f ms, calculating p50 %.2f ms%n", load[0],
        calc[0]);
  }

  private static double[] time(Runnable work) {
    for (int i = 0; i < 300; i++) {
      work.run();
    }
    long[] t = new long[1_000];
    for (int i = 0; i < t.length; i++) {
      long began = System.nanoTime();
      work.run();
      t[i] = System.nanoTime() - began;
    }
    Arrays.sort(t);
    return new double[] {t[t.length / 2] / 1e6, t[(int) (t.length * 0.99)] / 1e6};
  }

  private static double[] timeAvails(RightsRegister register, TitleId id, AvailsRequest request) {
    return time(() -> register.avails(id, request));
  }

  // ------------------------------------------------------------------ seeding

  private void setUp(int bidders) {
    IdentityService identity = app.getBean(IdentityService.class);
    UserView admin = app.getBean(IdentityRegister.class).userByUsername("admin").orElseThrow();
    operator = new Actor(admin.id().value(), admin.organizationId().value(), true);
    String run = UUID.randomUUID().toString().substring(0, 8);
    OrganizationView org = identity.createOrganization("Bench Holder " + run, OrganizationKind.RIGHTS_HOLDER, "CN");
    holderOrg = org.id().value();
    UserView holderUser = identity.registerUser("holder-" + run, PASSWORD, "Holder", org.id(),
        Set.of(Role.RIGHTS_HOLDER));
    holder = new Actor(holderUser.id().value(), holderOrg, false);
    for (int i = 0; i < bidders; i++) {
      OrganizationView p = identity.createOrganization("Bench Platform " + run + "-" + i, OrganizationKind.PLATFORM,
          "CN");
      UserView user = identity.registerUser("bidder-" + run + "-" + i, PASSWORD, "Bidder", p.id(),
          Set.of(Role.PLATFORM));
      platforms.add(new Actor(user.id().value(), p.id().value(), false));
    }
    title = TitleId.newId();
    commands.sendAndWait(new RegisterTitle(title, holderOrg, "Bench Title", null, TitleKind.SERIES, 10, 20, "zh",
        2025, null));
    commands.sendAndWait(new RecordHolding(title, holderOrg, new Holding(new HoldingId("bench-" + run),
        WindowTerms.parse("", List.of("WORLD"), List.of("ALL_MEDIA"), List.of("zh"), LocalDate.of(2026, 1, 1),
            LocalDate.of(2040, 12, 31)), false, false, "0".repeat(64)), null));
  }

  /** Auctions open for bidding, each with every platform qualified. */
  private List<ListingId> openAuctions(int count) throws InterruptedException {
    round++;
    Instant start = Instant.now().plusSeconds(5 + count / 10);
    List<ListingId> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ListingId id = ListingId.newId();
      commands.sendAndWait(new CreateListing(id, holder, title,
          WindowTerms.parse("", List.of("CN"), List.of("SVOD"), List.of("zh"), LocalDate.of(2027, 1, 1),
              LocalDate.of(2028, 1, 1)), false, false, new SaleTerms(SaleMode.ENGLISH, "CNY", START, null, STEP, 0),
          new Schedule(start, start.plus(Duration.ofHours(2)), 300), 3, null, "bench " + round + "-" + i));
      commands.sendAndWait(new SubmitListing(id, holder, null));
      commands.sendAndWait(new ApproveListing(id, operator, null));
      ids.add(id);
    }
    for (ListingId id : ids) {
      for (Actor platform : platforms) {
        Result registration = commands.sendAndWait(new RegisterForListing(id, RegistrationId.newId(), platform, null));
        commands.sendAndWait(new QualifyBidder(id, new RegistrationId(registration.id()), operator));
      }
    }
    Thread.sleep(Math.max(0, Duration.between(Instant.now(), start).toMillis()) + 200);
    return ids;
  }

  /**
   * Fills the store up to {@code total} events: auctions opened through the command path, then
   * their bids published in bulk on the event bus (what the listing's command handler would have
   * published, the bid book written in the same transaction), 2,000 per transaction. Returns the
   * rate the bids were stored at.
   */
  private double seed(long total) throws Exception {
    long have = headPosition() + 1;
    if (have >= total) {
      return 0;
    }
    int auctions = (int) Math.min(100, Math.max(4, (total - have) / 10_000));
    List<ListingId> listings = openAuctions(auctions);
    // bidding opens on a deadline: the bids below follow its event in each stream
    long openBy = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    for (ListingId listing : listings) {
      while (!"BIDDING".equals(jdbc.queryForObject("SELECT status FROM listing_view WHERE id = ?", String.class,
          listing.value()))) {
        if (System.nanoTime() > openBy) {
          throw new IllegalStateException("bidding did not open on " + listing.value());
        }
        Thread.sleep(50);
      }
    }
    awaitProjections();
    String type = eventStore.readEvents(listings.get(0).value()).next().getType();
    int batch = 2_000;
    long toAdd = total - headPosition() - 1;
    long began = System.nanoTime();
    long added = 0;
    long[] seq = new long[auctions];
    long[] number = new long[auctions];
    long[] amount = new long[auctions];
    List<List<Map<String, Object>>> registrations = new ArrayList<>();
    for (int a = 0; a < auctions; a++) {
      seq[a] = eventStore.lastSequenceNumberFor(listings.get(a).value()).orElse(-1L);
      amount[a] = START - STEP;
      registrations.add(jdbc.queryForList("SELECT id, organization_id, bidder_code FROM registration_view"
          + " WHERE listing_id = ? ORDER BY id", listings.get(a).value()));
    }
    Instant at = Instant.now();
    int a = 0;
    long lastReport = System.nanoTime();
    while (added < toAdd) {
      int n = (int) Math.min(batch, toAdd - added);
      ListingId listing = listings.get(a);
      List<Map<String, Object>> regs = registrations.get(a);
      List<EventMessage<?>> messages = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        Map<String, Object> r = regs.get((int) (number[a] % regs.size()));
        number[a]++;
        amount[a] += STEP;
        BidPlaced bid = new BidPlaced(listing, UUID.randomUUID().toString(), number[a],
            new RegistrationId((String) r.get("id")), (String) r.get("organization_id"), (String) r.get("bidder_code"),
            amount[a], "CNY", at.plusMillis(added + i), false, null, null);
        DomainEventMessage<BidPlaced> m = new GenericDomainEventMessage<>(type, listing.value(), ++seq[a], bid);
        messages.add(m);
      }
      DefaultUnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(null);
      unit.attachTransaction(transactions);
      eventStore.publish(messages);
      unit.commit();
      added += n;
      a = (a + 1) % auctions;
      if (System.nanoTime() - lastReport > TimeUnit.SECONDS.toNanos(30)) {
        lastReport = System.nanoTime();
        System.out.printf("  seeding: %d of %d events%n", added, toAdd);
      }
    }
    return added / ((System.nanoTime() - began) / 1e9);
  }

  private long headPosition() {
    var head = eventStore.createHeadToken();
    return head == null ? -1 : head.position().orElse(-1);
  }

  private void awaitProjections() throws InterruptedException {
    long head = headPosition();
    var processing = app.getBean(org.axonframework.config.EventProcessingConfiguration.class);
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
    for (var processor : processing.eventProcessors().values()) {
      if (processor instanceof org.axonframework.eventhandling.TrackingEventProcessor tracking) {
        while (tracking.processingStatus().values().stream().anyMatch(s -> s.getCurrentPosition().orElse(-1) < head)) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException(tracking.getName() + " did not catch up");
          }
          Thread.sleep(20);
        }
      }
    }
  }

  private static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (Exception e) {
      return "?";
    }
  }

  private interface Body<T> {
    T run(int thread) throws Exception;
  }

  private static <T> List<T> runThreads(int count, Body<T> body) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(count);
    List<Future<T>> futures = new ArrayList<>();
    for (int t = 0; t < count; t++) {
      int thread = t;
      futures.add(pool.submit(() -> body.run(thread)));
    }
    List<T> results = new ArrayList<>();
    for (Future<T> f : futures) {
      results.add(f.get());
    }
    pool.shutdown();
    return results;
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
