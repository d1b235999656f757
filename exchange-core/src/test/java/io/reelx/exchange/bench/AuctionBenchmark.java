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
import io.reelx.exchange.shared.domain.RuleViolation;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Rerunnable auction benchmark (run with {@code ops/bench/auction.sh}): the whole exchange on an
 * embedded PostgreSQL with fsync on, measuring
 * <ol>
 *   <li>a plain JDBC insert loop (one row per committed transaction) as the baseline,
 *   <li>accepted bids/s on one hot ENGLISH auction through the command bus,
 *   <li>accepted bids/s over 100 concurrent auctions, first with the {@code threads} client threads
 *       spread over them, then with one client thread per auction (every auction has a bidder
 *       waiting for an answer at every moment),
 *   <li>HTTP bid latency p50/p99 at half the saturating HTTP rate.
 * </ol>
 * Arguments: {@code seconds=10 threads=16 auctions=100 warmup=20 parts=jdbc,hot,many,http}.
 */
public final class AuctionBenchmark {

  private static final String PASSWORD = "bench-password-123";
  private static final long START = 1_000_00;
  private static final long STEP = 100;

  private final ConfigurableApplicationContext app;
  private final CommandGateway commands;
  private final IdentityService identity;
  private final int port;
  private final int seconds;
  private final int threads;
  private final int warmUpSeconds;
  private final int bidders;
  /** Many-auctions part: which paths (one command per bid, the bid desk) and how many runs of each. */
  private boolean[] paths = {false, true};
  private int rounds = 1;
  private OrganizationView holderOrg;
  private Actor holder;
  private Actor operator;
  private TitleId title;
  private final List<Actor> platforms = new ArrayList<>();
  private final List<String> platformUsers = new ArrayList<>();
  /** The next amount per listing comes from here, so every run continues where the last one ended. */
  private final java.util.Map<ListingId, AtomicLong> ladders = new java.util.concurrent.ConcurrentHashMap<>();

  private AuctionBenchmark(ConfigurableApplicationContext app, int seconds, int threads, int warmUpSeconds,
      int bidders) {
    this.app = app;
    this.commands = app.getBean(CommandGateway.class);
    this.identity = app.getBean(IdentityService.class);
    this.port = ((WebServerApplicationContext) app).getWebServer().getPort();
    this.seconds = seconds;
    this.threads = threads;
    this.warmUpSeconds = warmUpSeconds;
    this.bidders = bidders;
  }

  public static void main(String[] args) throws Exception {
    int seconds = intArg(args, "seconds", 10);
    int threads = intArg(args, "threads", 16);
    int auctions = intArg(args, "auctions", 100);
    int warmUp = intArg(args, "warmup", 20);
    List<String> parts = List.of(stringArg(args, "parts", "jdbc,hot,many,http").split(","));
    // one platform per client thread, and in the many-auctions part one per auction
    int bidders = parts.contains("many") ? Math.max(threads, auctions) : threads;
    Path data = Files.createTempDirectory("reelx-bench-");
    ConfigurableApplicationContext app = new SpringApplicationBuilder(ReelxApplication.class).run(
        "--server.port=0", "--reelx.data-dir=" + data, "--reelx.embedded-postgres.fsync=true",
        "--reelx.admin.password=" + PASSWORD, "--reelx.datasource.pool-size=" + (bidders + 8),
        "--server.tomcat.threads.max=" + Math.max(50, threads * 2), "--logging.level.root=WARN",
        "--reelx.auction.min-timed-period-seconds=30");
    try {
      AuctionBenchmark bench = new AuctionBenchmark(app, seconds, threads, warmUp, bidders);
      List<String> paths = List.of(stringArg(args, "paths", "command,desk").split(","));
      bench.paths = paths.contains("command") && paths.contains("desk") ? new boolean[] {false, true}
          : new boolean[] {paths.contains("desk")};
      bench.rounds = Math.max(1, intArg(args, "rounds", 1));
      System.out.printf("machine: %d cores, %d MiB max heap, %s %s%n", Runtime.getRuntime().availableProcessors(),
          Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.vm.name"),
          System.getProperty("java.version"));
      System.out.printf("config: %d s per run after %d s of warm-up, %d client threads, fsync on%n", seconds, warmUp,
          threads);
      bench.setUp();
      if (parts.contains("jdbc")) {
        bench.jdbcBaseline();
      }
      if (parts.contains("hot")) {
        bench.hotAuction();
      }
      if (parts.contains("many")) {
        bench.manyAuctions(auctions);
      }
      if (parts.contains("http")) {
        bench.httpLatency();
      }
    } finally {
      app.close();
      deleteRecursively(data);
      System.exit(0);
    }
  }

  /** The run's database goes with it: runs of minutes leave gigabytes, and no run reads another's. */
  private static void deleteRecursively(Path directory) throws java.io.IOException {
    try (var paths = Files.walk(directory)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private void setUp() {
    IdentityRegister register = app.getBean(IdentityRegister.class);
    UserView admin = register.userByUsername("admin").orElseThrow();
    operator = new Actor(admin.id().value(), admin.organizationId().value(), true);
    String run = UUID.randomUUID().toString().substring(0, 8);
    holderOrg = identity.createOrganization("Bench Holder " + run, OrganizationKind.RIGHTS_HOLDER, "CN");
    UserView holderUser = identity.registerUser("holder-" + run, PASSWORD, "Holder", holderOrg.id(),
        Set.of(Role.RIGHTS_HOLDER));
    holder = new Actor(holderUser.id().value(), holderOrg.id().value(), false);
    for (int i = 0; i < bidders; i++) {
      OrganizationView org = identity.createOrganization("Bench Platform " + run + "-" + i, OrganizationKind.PLATFORM,
          "CN");
      String username = "bidder-" + run + "-" + i;
      UserView user = identity.registerUser(username, PASSWORD, "Bidder", org.id(), Set.of(Role.PLATFORM));
      platforms.add(new Actor(user.id().value(), org.id().value(), false));
      platformUsers.add(username);
    }
    title = TitleId.newId();
    commands.sendAndWait(new RegisterTitle(title, holderOrg.id().value(), "Bench Title", null, TitleKind.SERIES, 10,
        20, "zh", 2025, null));
    commands.sendAndWait(new RecordHolding(title, holderOrg.id().value(), new Holding(new HoldingId("bench-" + run),
        WindowTerms.parse("", List.of("WORLD"), List.of("ALL_MEDIA"), List.of("zh"), LocalDate.of(2026, 1, 1),
            LocalDate.of(2040, 12, 31)), false, false, "0".repeat(64)), null));
  }

  /**
   * Opens {@code count} non-exclusive ENGLISH auctions with every platform qualified. All are
   * announced first (their start must still be ahead at approval), then bidders qualify.
   */
  private List<ListingId> openAuctions(int count) throws InterruptedException {
    java.time.Instant start = java.time.Instant.now().plusSeconds(5 + count / 10);
    List<ListingId> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ListingId id = ListingId.newId();
      commands.sendAndWait(new CreateListing(id, holder, title,
          WindowTerms.parse("", List.of("CN"), List.of("SVOD"), List.of("zh"), LocalDate.of(2027, 1, 1),
              LocalDate.of(2028, 1, 1)), false, false,
          new SaleTerms(SaleMode.ENGLISH, "CNY", START, null, STEP, 0),
          new Schedule(start, start.plus(Duration.ofHours(2)), 300), 3, null, "bench"));
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
    Thread.sleep(Math.max(0, Duration.between(java.time.Instant.now(), start).toMillis()) + 200);
    return ids;
  }

  private void jdbcBaseline() throws Exception {
    DataSource ds = app.getBean(DataSource.class);
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS bench_insert (id BIGSERIAL PRIMARY KEY, payload BYTEA NOT NULL)");
    }
    byte[] payload = new byte[400];
    for (int t : new int[] {1, threads}) {
      AtomicLong rows = new AtomicLong();
      Counts counts = new Counts(rows, new AtomicLong(), CpuMeter.start());
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      runThreads(t, i -> {
        try (Connection c = ds.getConnection();
            PreparedStatement insert = c.prepareStatement("INSERT INTO bench_insert (payload) VALUES (?)")) {
          c.setAutoCommit(false);
          while (System.nanoTime() < deadline) {
            insert.setBytes(1, payload);
            insert.executeUpdate();
            c.commit();
            rows.incrementAndGet();
          }
        }
      });
      counts.cpu.stop();
      System.out.printf("jdbc insert+commit loop, %2d threads: %8.0f commits/s (%s)%n", t, rows.get() / (double) seconds,
          counts.cpuPerBid().replace("per bid", "per commit"));
    }
  }

  private void hotAuction() throws Exception {
    ListingId listing = openAuctions(1).get(0);
    warmUp(List.of(listing));
    for (int t : new int[] {1, threads}) {
      for (boolean desk : new boolean[] {false, true}) {
        Counts counts = bid(List.of(listing), t, desk, seconds);
        System.out.printf("one hot auction, %2d threads, %-28s %8.0f accepted bids/s (%d refused as outbid; %s)%n", t,
            desk ? "via the bid desk (batched):" : "one PlaceBid command each:", counts.accepted.get() / (double) seconds,
            counts.refused.get(), counts.cpuPerBid());
      }
    }
  }

  /**
   * Bids over many auctions, with {@code threads} client threads and then with one per auction.
   * Each client waits for its answer before bidding again, so the client threads bound the bids in
   * flight: 16 threads leave 84 of 100 auctions without a pending bid at any moment.
   */
  private void manyAuctions(int auctions) throws Exception {
    List<ListingId> listings = openAuctions(auctions);
    warmUp(listings);
    for (int clients : new java.util.TreeSet<>(List.of(threads, bidders))) {
      for (boolean desk : paths) {
        List<Double> rates = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
          Counts counts = bid(listings, clients, desk, seconds);
          rates.add(counts.accepted.get() / (double) seconds);
          System.out.printf("%d auctions, %3d threads, %-28s %8.0f accepted bids/s (%d refused; %s)%n", auctions,
              clients, desk ? "via the bid desk (batched):" : "one PlaceBid command each:",
              rates.get(round), counts.refused.get(), counts.cpuPerBid());
        }
        if (rounds > 1) {
          rates.sort(null);
          System.out.printf("%d auctions, %3d threads, %-28s %8.0f accepted bids/s, median of %d runs (lowest %.0f)%n",
              auctions, clients, desk ? "via the bid desk (batched):" : "one PlaceBid command each:",
              rates.get(rounds / 2), rounds, rates.get(0));
        }
      }
    }
  }

  /**
   * Both paths for a while before measuring, so the JIT has compiled them: the first seconds of a
   * fresh JVM measure the compiler as much as the exchange.
   */
  private void warmUp(List<ListingId> listings) throws Exception {
    bid(listings, threads, false, warmUpSeconds / 2);
    bid(listings, threads, true, warmUpSeconds - warmUpSeconds / 2);
  }

  private record Counts(AtomicLong accepted, AtomicLong refused, CpuMeter cpu) {
    /** CPU per accepted bid: the whole machine (exchange, PostgreSQL, load generator) and this JVM. */
    String cpuPerBid() {
      long bids = Math.max(1, accepted.get());
      return String.format("CPU per bid: machine %.0f us, JVM %.0f us; steal %.0f%%", cpu.machineNanos / 1e3 / bids,
          cpu.jvmNanos / 1e3 / bids, cpu.stealShare * 100);
    }
  }

  /**
   * CPU used during a run, from /proc/stat (all processes, so PostgreSQL's backends too) and the
   * JVM's own counter. Throughput on a shared two-core machine varies with its neighbours; CPU
   * per bid does much less, and says how far the cores would carry the design.
   */
  private static final class CpuMeter {
    private long machineStart;
    private long stealStart;
    private long totalStart;
    private long jvmStart;
    long machineNanos;
    long jvmNanos;
    double stealShare;

    static CpuMeter start() {
      CpuMeter m = new CpuMeter();
      long[] t = procStat();
      m.machineStart = t[0];
      m.stealStart = t[1];
      m.totalStart = t[2];
      m.jvmStart = jvmCpu();
      return m;
    }

    void stop() {
      long[] t = procStat();
      long jiffyNanos = 10_000_000L; // USER_HZ is 100 on Linux
      machineNanos = (t[0] - machineStart) * jiffyNanos;
      stealShare = (t[1] - stealStart) / (double) Math.max(1, t[2] - totalStart);
      jvmNanos = jvmCpu() - jvmStart;
    }

    /** busy (user, nice, system, irq, softirq), steal, total jiffies of all cores. */
    private static long[] procStat() {
      try {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long busy = Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
            + Long.parseLong(f[7]);
        long steal = Long.parseLong(f[8]);
        long total = 0;
        for (int i = 1; i < f.length; i++) {
          total += Long.parseLong(f[i]);
        }
        return new long[] {busy, steal, total};
      } catch (Exception notLinux) {
        return new long[] {0, 0, 0};
      }
    }

    private static long jvmCpu() {
      return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
          .getOperatingSystemMXBean()).getProcessCpuTime();
    }
  }

  /**
   * Each thread bids as its own platform; the next amount per auction comes from a ladder shared by
   * the threads bidding on it.
   */
  private Counts bid(List<ListingId> listings, int threadCount, boolean viaDesk, int runSeconds) throws Exception {
    io.reelx.exchange.listing.command.bidding.BidDesk desk = app.getBean(io.reelx.exchange.listing.command.bidding.BidDesk.class);
    AtomicLong[] ladders = new AtomicLong[listings.size()];
    for (int i = 0; i < ladders.length; i++) {
      ladders[i] = this.ladders.computeIfAbsent(listings.get(i), l -> new AtomicLong(START - STEP));
    }
    var batchSizes = app.getBean(io.micrometer.core.instrument.MeterRegistry.class).summary("reelx.bids.batch.size");
    long batchesBefore = batchSizes.count();
    double batchedBefore = batchSizes.totalAmount();
    var late = app.getBean(io.micrometer.core.instrument.MeterRegistry.class).counter("reelx.bids.late-wake-ups");
    double lateBefore = late.count();
    Counts counts = new Counts(new AtomicLong(), new AtomicLong(), CpuMeter.start());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(runSeconds);
    runThreads(threadCount, t -> {
      Actor me = platforms.get(t);
      // with more auctions than threads each thread keeps to its own auctions, so no bid is
      // outbid in a race between client threads; on one hot auction they all race
      List<Integer> mine = new ArrayList<>();
      for (int i = 0; i < listings.size(); i++) {
        if (listings.size() < threadCount || i % threadCount == t) {
          mine.add(i);
        }
      }
      int k = 0;
      while (System.nanoTime() < deadline) {
        int a = mine.get(k++ % mine.size());
        long amount = ladders[a].addAndGet(STEP);
        try {
          PlaceBid bid = new PlaceBid(listings.get(a), me, amount, "CNY", null);
          if (viaDesk) {
            desk.place(bid);
          } else {
            commands.sendAndWait(bid);
          }
          counts.accepted.incrementAndGet();
        } catch (RuleViolation outbid) {
          if (counts.refused.incrementAndGet() == 1) {
            System.out.println("  first refusal: " + outbid.code() + ": " + outbid.getMessage());
          }
        }
      }
    });
    awaitProjections();
    counts.cpu.stop();
    if (viaDesk && batchSizes.count() > batchesBefore) {
      System.out.printf("  bid desk: %d transactions, %.1f bids each on average, %d late wake-ups%n",
          batchSizes.count() - batchesBefore,
          (batchSizes.totalAmount() - batchedBefore) / (batchSizes.count() - batchesBefore),
          (long) (late.count() - lateBefore));
    }
    return counts;
  }


  /**
   * Waits until every tracking processor has handled every event stored so far: a run's CPU then
   * includes the read models it fed, and the next run does not start with a backlog.
   */
  private void awaitProjections() throws InterruptedException {
    var store = app.getBean(org.axonframework.eventsourcing.eventstore.EventStore.class);
    var processing = app.getBean(org.axonframework.config.EventProcessingConfiguration.class);
    long head = store.createHeadToken().position().orElse(0);
    long started = System.nanoTime();
    for (var processor : processing.eventProcessors().values()) {
      if (processor instanceof org.axonframework.eventhandling.TrackingEventProcessor tracking) {
        while (tracking.processingStatus().values().stream()
            .anyMatch(s -> s.getCurrentPosition().orElse(-1) < head)) {
          if (System.nanoTime() - started > TimeUnit.SECONDS.toNanos(120)) {
            throw new IllegalStateException(tracking.getName() + " did not catch up within 120 s");
          }
          Thread.sleep(20);
        }
      }
    }
    long lagMillis = (System.nanoTime() - started) / 1_000_000;
    if (lagMillis > 100) {
      System.out.printf("  read models caught up %d ms after the run%n", lagMillis);
    }
  }

  private void httpLatency() throws Exception {
    List<ListingId> listings = openAuctions(threads);
    var late = app.getBean(io.micrometer.core.instrument.MeterRegistry.class).counter("reelx.bids.late-wake-ups");
    HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(threads)).build();
    AtomicLong[] ladders = new AtomicLong[listings.size()];
    for (int i = 0; i < ladders.length; i++) {
      ladders[i] = new AtomicLong(START);
    }
    // warm-up: first logins (bcrypt, then remembered) and the JIT, not measured
    long warmUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
    runThreads(threads, t -> {
      int a = t % listings.size();
      while (System.nanoTime() < warmUntil) {
        post(http, t, listings.get(a), ladders[a].addAndGet(STEP));
      }
    });
    // saturating rate: closed loop, every thread as fast as it can
    AtomicLong done = new AtomicLong();
    AtomicLong failures = new AtomicLong();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    runThreads(threads, t -> {
      int a = t % listings.size();
      while (System.nanoTime() < deadline) {
        int status = post(http, t, listings.get(a), ladders[a].addAndGet(STEP));
        if (status == 201) {
          done.incrementAndGet();
        } else if (failures.incrementAndGet() == 1) {
          System.out.println("  first HTTP failure: status " + status);
        }
      }
    });
    double saturated = done.get() / (double) seconds;
    double rate = saturated / 2;
    System.out.printf("HTTP bids, %2d threads, closed loop: %8.0f accepted bids/s (saturation)%n", threads, saturated);
    // open loop at half that rate: requests start on schedule whether or not earlier ones finished
    int total = (int) (rate * seconds);
    long[] latencies = new long[total];
    long intervalNanos = (long) (1e9 / rate);
    ExecutorService pool = Executors.newFixedThreadPool(threads * 4);
    double lateBefore = late.count();
    CountDownLatch finished = new CountDownLatch(total);
    long begin = System.nanoTime();
    for (int i = 0; i < total; i++) {
      long due = begin + i * intervalNanos;
      // sleep, don't spin: on two cores a spinning load generator would take one from the server
      for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
        java.util.concurrent.locks.LockSupport.parkNanos(wait);
      }
      int n = i;
      pool.execute(() -> {
        int a = n % listings.size();
        long sent = System.nanoTime();
        post(http, n % threads, listings.get(a), ladders[a].addAndGet(STEP));
        latencies[n] = System.nanoTime() - Math.max(sent, due);
        finished.countDown();
      });
    }
    finished.await(60, TimeUnit.SECONDS);
    pool.shutdown();
    Arrays.sort(latencies);
    System.out.printf("HTTP bids at %.0f/s (half saturation), open loop, %d requests: p50 %.1f ms, p99 %.1f ms,"
        + " max %.1f ms (bid desk late wake-ups: %d)%n", rate, total, latencies[total / 2] / 1e6,
        latencies[(int) (total * 0.99)] / 1e6, latencies[total - 1] / 1e6, (long) (late.count() - lateBefore));
  }

  private int post(HttpClient http, int platform, ListingId listing, long amount) {
    String auth = Base64.getEncoder().encodeToString(
        (platformUsers.get(platform) + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    HttpRequest request = HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/api/v1/listings/" + listing.value() + "/bids"))
        .header("Authorization", "Basic " + auth)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":" + amount + ",\"currency\":\"CNY\"}"))
        .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (Exception e) {
      return -1;
    }
  }

  private interface Body {
    void run(int thread) throws Exception;
  }

  private static void runThreads(int count, Body body) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(count);
    List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < count; t++) {
      int thread = t;
      futures.add(pool.submit(() -> {
        body.run(thread);
        return null;
      }));
    }
    for (var f : futures) {
      f.get();
    }
    pool.shutdown();
  }

  private static String stringArg(String[] args, String name, String fallback) {
    for (String arg : args) {
      if (arg.startsWith(name + "=")) {
        return arg.substring(name.length() + 1);
      }
    }
    return fallback;
  }

  private static int intArg(String[] args, String name, int fallback) {
    for (String arg : args) {
      if (arg.startsWith(name + "=")) {
        return Integer.parseInt(arg.substring(name.length() + 1));
      }
    }
    return fallback;
  }
}
