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
import io.reelx.exchange.listing.command.bidding.BidDesk;
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
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * HTTP benchmark (run with {@code ops/bench/http.sh}): the exchange on an embedded PostgreSQL with
 * fsync on; the load over HTTP comes from other processes ({@code wrk} with Lua scripts, and
 * {@link OpenLoopClient} in its own JVM), never from this one. Prints, in one run:
 * <ol>
 *   <li>the baseline: accepted bids/s over the auctions through the command path in this JVM
 *       (one {@code PlaceBid} command each, and the bid desk the HTTP path uses);
 *   <li>accepted bids/s over HTTP, keep-alive connections with bearer tokens, closed loop
 *       (saturation), as a ratio to the command path;
 *   <li>p50/p99 at half that rate, open loop;
 *   <li>{@code GET /api/v1/me} with a bearer token and with HTTP Basic, against the same server's
 *       401 answer to a request without credentials.
 * </ol>
 * Each load line gives the load generator's share of the machine's CPU during the run.
 * Arguments: {@code seconds=10 auctions=100 platforms=16 threads=16 connections=100 warmup=60
 * parts=command,http,open,auth}.
 */
public final class HttpBenchmark {

  private static final String PASSWORD = "bench-password-123";
  private static final long START = 1_000_00;
  private static final long STEP = 100;

  private final ConfigurableApplicationContext app;
  private final CommandGateway commands;
  private final int port;
  private final int seconds;
  private final Path work;
  private Actor holder;
  private Actor operator;
  private TitleId title;
  private final List<Actor> platforms = new ArrayList<>();
  private final List<String> usernames = new ArrayList<>();
  private final List<String> tokens = new ArrayList<>();
  private final List<ListingId> listings = new ArrayList<>();
  private final List<AtomicLong> ladders = new ArrayList<>();

  private HttpBenchmark(ConfigurableApplicationContext app, int seconds, Path work) {
    this.app = app;
    this.commands = app.getBean(CommandGateway.class);
    this.port = ((WebServerApplicationContext) app).getWebServer().getPort();
    this.seconds = seconds;
    this.work = work;
  }

  public static void main(String[] args) throws Exception {
    int seconds = intArg(args, "seconds", 10);
    int auctions = intArg(args, "auctions", 100);
    int platformCount = intArg(args, "platforms", 16);
    int threads = intArg(args, "threads", 16);
    int connections = intArg(args, "connections", 100);
    // 60 s: on 2 cores the server's JIT is still compiling after 35 s of bids (HTTP bids measured
    // 1,500/s after a 10 s warm-up and 4,400/s after 60 s); a cold server measures its compiler
    int warmUp = intArg(args, "warmup", 60);
    List<String> parts = List.of(stringArg(args, "parts", "command,http,open,auth").split(","));
    Path work = Files.createTempDirectory("reelx-http-bench-");
    int status = 0;
    ConfigurableApplicationContext app = new SpringApplicationBuilder(ReelxApplication.class).run(
        "--server.port=0", "--reelx.data-dir=" + work.resolve("data"), "--reelx.embedded-postgres.fsync=true",
        "--reelx.admin.password=" + PASSWORD, "--reelx.datasource.pool-size=" + (threads + 16),
        "--server.tomcat.threads.max=" + Math.max(50, connections + 20), "--logging.level.root=WARN",
        "--reelx.auction.min-timed-period-seconds=30");
    try {
      HttpBenchmark bench = new HttpBenchmark(app, seconds, work);
      System.out.printf("machine: %d cores, load average %.1f, %s %s%n", Runtime.getRuntime().availableProcessors(),
          java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
          System.getProperty("java.vm.name"), System.getProperty("java.version"));
      System.out.printf("config: %d s per run, %d auctions, %d platforms, %d in-JVM threads, %d HTTP connections,"
          + " fsync on%n", seconds, auctions, platformCount, threads, connections);
      bench.setUp(platformCount);
      bench.openAuctions(auctions);
      double command = 0;
      double desk = 0;
      if (parts.contains("command")) {
        bench.bidInJvm(threads, false, warmUp / 2);
        bench.bidInJvm(threads, true, warmUp / 2);
        command = bench.bidInJvm(threads, false, seconds);
        System.out.printf("command path, %d threads, one PlaceBid command each: %8.0f accepted bids/s%n", threads,
            command);
        desk = bench.bidInJvm(threads, true, seconds);
        System.out.printf("command path, %d threads, via the bid desk:          %8.0f accepted bids/s%n", threads,
            desk);
      }
      double http = 0;
      if (parts.contains("http")) {
        bench.wrkBids(connections, warmUp);
        Load load = bench.wrkBids(connections, seconds);
        http = load.accepted / (double) seconds;
        System.out.printf("HTTP bids, %d keep-alive connections, bearer, closed loop: %8.0f accepted bids/s"
            + " (%d refused as outbid, %d other)%s; wrk p50 %s, p99 %s; client CPU %.0f%% of the machine's%n",
            connections, http, load.refused, load.other, command == 0 ? " (command path not measured)"
                : String.format(" = %.0f%% of the command path, %.0f%% of the bid desk", 100 * http / command,
                    100 * http / desk), load.p50, load.p99, 100 * load.clientShare);
      }
      // openrate= measures the open loop at a given rate without the closed-loop saturation run
      double openRate = doubleArg(args, "openrate", http / 2);
      if (parts.contains("open") && openRate > 0) {
        bench.openLoop(openRate);
      }
      if (parts.contains("auth")) {
        bench.authRates(connections / 6 + 1, warmUp);
      }
    } catch (Throwable failure) {
      failure.printStackTrace();
      status = 1;
    } finally {
      app.close();
      deleteRecursively(work);
      System.exit(status);
    }
  }

  private void setUp(int platformCount) {
    IdentityService identity = app.getBean(IdentityService.class);
    UserView admin = app.getBean(IdentityRegister.class).userByUsername("admin").orElseThrow();
    operator = new Actor(admin.id().value(), admin.organizationId().value(), true);
    String run = UUID.randomUUID().toString().substring(0, 8);
    OrganizationView holderOrg = identity.createOrganization("Bench Holder " + run, OrganizationKind.RIGHTS_HOLDER,
        "CN");
    UserView holderUser = identity.registerUser("holder-" + run, PASSWORD, "Holder", holderOrg.id(),
        Set.of(Role.RIGHTS_HOLDER));
    holder = new Actor(holderUser.id().value(), holderOrg.id().value(), false);
    for (int i = 0; i < platformCount; i++) {
      OrganizationView org = identity.createOrganization("Bench Platform " + run + "-" + i, OrganizationKind.PLATFORM,
          "CN");
      String username = "bidder-" + run + "-" + i;
      UserView user = identity.registerUser(username, PASSWORD, "Bidder", org.id(), Set.of(Role.PLATFORM));
      platforms.add(new Actor(user.id().value(), org.id().value(), false));
      usernames.add(username);
      tokens.add(identity.issueToken(user.id(), "bench", null).token());
    }
    title = TitleId.newId();
    commands.sendAndWait(new RegisterTitle(title, holderOrg.id().value(), "Bench Title", null, TitleKind.SERIES, 10,
        20, "zh", 2025, null));
    commands.sendAndWait(new RecordHolding(title, holderOrg.id().value(), new Holding(new HoldingId("bench-" + run),
        WindowTerms.parse("", List.of("WORLD"), List.of("ALL_MEDIA"), List.of("zh"), LocalDate.of(2026, 1, 1),
            LocalDate.of(2040, 12, 31)), false, false, "0".repeat(64)), null));
  }

  /** Non-exclusive ENGLISH auctions with every platform qualified, open when this returns. */
  private void openAuctions(int count) throws InterruptedException {
    // the start must still be ahead when the last auction is approved: generous on a busy machine
    Instant start = Instant.now().plusSeconds(20 + count / 2);
    for (int i = 0; i < count; i++) {
      ListingId id = ListingId.newId();
      commands.sendAndWait(new CreateListing(id, holder, title,
          WindowTerms.parse("", List.of("CN"), List.of("SVOD"), List.of("zh"), LocalDate.of(2027, 1, 1),
              LocalDate.of(2028, 1, 1)), false, false,
          new SaleTerms(SaleMode.ENGLISH, "CNY", START, null, STEP, 0),
          new Schedule(start, start.plus(Duration.ofHours(2)), 300), 3, null, "bench"));
      commands.sendAndWait(new SubmitListing(id, holder, null));
      commands.sendAndWait(new ApproveListing(id, operator, null));
      listings.add(id);
      ladders.add(new AtomicLong(START - STEP));
    }
    for (ListingId id : listings) {
      for (Actor platform : platforms) {
        Result registration = commands.sendAndWait(new RegisterForListing(id, RegistrationId.newId(), platform, null));
        commands.sendAndWait(new QualifyBidder(id, new RegistrationId(registration.id()), operator));
      }
    }
    Thread.sleep(Math.max(0, Duration.between(Instant.now(), start).toMillis()) + 200);
  }

  /** The platform bidding the given amount on the given auction: consecutive bids alternate. */
  private int platformFor(int auction, long amount) {
    return (int) ((amount / STEP + auction) % platforms.size());
  }

  /** Accepted bids/s through the command path in this JVM; each thread keeps to its own auctions. */
  private double bidInJvm(int threads, boolean viaDesk, int runSeconds) throws Exception {
    BidDesk desk = app.getBean(BidDesk.class);
    AtomicLong accepted = new AtomicLong();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(runSeconds);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      futures.add(pool.submit(() -> {
        List<Integer> mine = new ArrayList<>();
        for (int i = 0; i < listings.size(); i++) {
          if (i % threads == thread || listings.size() < threads && i == thread % listings.size()) {
            mine.add(i);
          }
        }
        for (int k = 0; System.nanoTime() < deadline; k++) {
          int a = mine.get(k % mine.size());
          long amount = ladders.get(a).addAndGet(STEP);
          PlaceBid bid = new PlaceBid(listings.get(a), platforms.get(platformFor(a, amount)), amount, "CNY", null);
          try {
            if (viaDesk) {
              desk.place(bid);
            } else {
              commands.sendAndWait(bid);
            }
            accepted.incrementAndGet();
          } catch (RuleViolation outbid) {
            // counted as not accepted
          }
        }
        return null;
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    return accepted.get() / (double) runSeconds;
  }

  private record Load(long accepted, long refused, long other, String p50, String p99, double clientShare) {}

  /** wrk, closed loop: each wrk thread bids round the auctions given to it, amounts rising by one step. */
  private Load wrkBids(int connections, int runSeconds) throws Exception {
    StringBuilder lua = new StringBuilder("local tokens = {");
    for (String token : tokens) {
      lua.append('"').append(token).append("\",");
    }
    lua.append("}\nlocal listings = {");
    for (ListingId id : listings) {
      lua.append('"').append(id.value()).append("\",");
    }
    lua.append("}\nlocal ladders = {");
    for (AtomicLong ladder : ladders) {
      // each run starts well above where the last one may have got to
      lua.append(ladder.addAndGet(STEP * 1_000_000)).append(',');
    }
    lua.append("}\n").append("""
        local step = %d
        local threads = {}
        local n = 0
        function setup(thread)
          thread:set("id", n)
          n = n + 1
          table.insert(threads, thread)
        end
        function init(args)
          mine = {}
          for i = 1, #listings do
            if (i - 1) %% 2 == id then table.insert(mine, i) end
          end
          k = 0
          accepted = 0
          refused = 0
          other = 0
        end
        function request()
          k = k + 1
          local a = mine[(k - 1) %% #mine + 1]
          ladders[a] = ladders[a] + step
          local amount = ladders[a]
          local token = tokens[math.floor(amount / step + a) %% #tokens + 1]
          return wrk.format("POST", "/api/v1/listings/" .. listings[a] .. "/bids",
            {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json"},
            '{"amount":' .. amount .. ',"currency":"CNY"}')
        end
        function response(status, headers, body)
          if status == 201 then accepted = accepted + 1
          elseif status == 422 then refused = refused + 1
          else other = other + 1 end
        end
        function done(summary, latency, requests)
          local a, r, o = 0, 0, 0
          for _, t in ipairs(threads) do
            a = a + t:get("accepted")
            r = r + t:get("refused")
            o = o + t:get("other")
          end
          io.write(string.format("COUNTS %%d %%d %%d\\n", a, r, o))
        end
        """.formatted(STEP));
    Path script = work.resolve("bids.lua");
    Files.writeString(script, lua.toString());
    for (AtomicLong ladder : ladders) {
      ladder.addAndGet(STEP * 1_000_000);
    }
    Run run = runClient(List.of("wrk", "-t2", "-c" + connections, "-d" + runSeconds + "s", "--latency", "-s",
        script.toString(), "http://127.0.0.1:" + port + "/"));
    Matcher counts = Pattern.compile("COUNTS (\\d+) (\\d+) (\\d+)").matcher(run.output);
    if (!counts.find()) {
      throw new IllegalStateException("wrk printed no counts:\n" + run.output);
    }
    return new Load(Long.parseLong(counts.group(1)), Long.parseLong(counts.group(2)), Long.parseLong(counts.group(3)),
        percentile(run.output, "50%"), percentile(run.output, "99%"), run.clientShare);
  }

  private void openLoop(double rate) throws Exception {
    StringBuilder plan = new StringBuilder();
    tokens.forEach(t -> plan.append(t).append('\n'));
    plan.append("--\n");
    for (int a = 0; a < listings.size(); a++) {
      plan.append(listings.get(a).value()).append(' ').append(ladders.get(a).addAndGet(STEP * 1_000_000)).append('\n');
    }
    Path file = work.resolve("open-loop.plan");
    Files.writeString(file, plan);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Run run = runClient(List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
        System.getProperty("java.class.path"), OpenLoopClient.class.getName(), Integer.toString(port),
        Double.toString(rate), Integer.toString(seconds), file.toString()));
    String[] f = run.output.trim().split("\\s+");
    System.out.printf("HTTP bids at %.0f/s, open loop (after 5 s at that rate, not measured), %s requests: %s accepted, %s outbid, %s failed;"
        + " p50 %.1f ms, p99 %.1f ms, max %.1f ms; client CPU %.0f%% of the machine's%n", rate, f[0], f[1], f[2], f[3],
        Long.parseLong(f[4]) / 1e3, Long.parseLong(f[5]) / 1e3, Long.parseLong(f[6]) / 1e3, 100 * run.clientShare);
    run.output.lines().filter(line -> line.startsWith("failed: ")).forEach(line -> System.out.println("  " + line));
    System.out.print("  by second (bids due in it: count, p50/p99/max ms):");
    run.output.lines().filter(line -> line.startsWith("second: ")).map(line -> line.split(" ")).forEach(w ->
        System.out.printf(" %s:%s %.0f/%.0f/%.0f", w[1], w[2], Long.parseLong(w[3]) / 1e3, Long.parseLong(w[4]) / 1e3,
            Long.parseLong(w[5]) / 1e3));
    System.out.println();
  }

  /** GET /api/v1/me: no credentials (401), bearer tokens, HTTP Basic (after each user's first check). */
  private void authRates(int connections, int warmUp) throws Exception {
    List<String> basics = usernames.stream().map(u -> Base64.getEncoder().encodeToString(
        (u + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8))).toList();
    double[] rates = new double[3];
    String[] names = {"no credentials (401)", "bearer token", "HTTP Basic"};
    for (int kind = 0; kind < 3; kind++) {
      List<String> headers = kind == 0 ? List.of() : kind == 1 ? tokens.stream().map(t -> "Bearer " + t).toList()
          : basics.stream().map(b -> "Basic " + b).toList();
      StringBuilder lua = new StringBuilder("local headers = {");
      headers.forEach(h -> lua.append('"').append(h).append("\","));
      lua.append("""
          }
          local k = 0
          local expect = %d
          local threads = {}
          function setup(thread) table.insert(threads, thread) end
          function init(args) wrong = 0 end
          function request()
            k = k + 1
            if #headers == 0 then return wrk.format("GET", "/api/v1/me") end
            return wrk.format("GET", "/api/v1/me", {["Authorization"] = headers[k %% #headers + 1]})
          end
          function response(status, headers, body)
            if status ~= expect then wrong = wrong + 1 end
          end
          function done(summary, latency, requests)
            local w = 0
            for _, t in ipairs(threads) do w = w + t:get("wrong") end
            io.write(string.format("WRONG %%d\\n", w))
          end
          """.formatted(kind == 0 ? 401 : 200));
      Path script = work.resolve("me-" + kind + ".lua");
      Files.writeString(script, lua.toString());
      List<String> wrk = List.of("wrk", "-t2", "-c" + connections, "-d%ds", "--latency", "-s", script.toString(),
          "http://127.0.0.1:" + port + "/api/v1/me");
      List<String> warm = new ArrayList<>(wrk);
      warm.set(3, "-d" + Math.max(1, warmUp / 2) + "s");
      runClient(warm);
      List<String> measured = new ArrayList<>(wrk);
      measured.set(3, "-d" + seconds + "s");
      Run run = runClient(measured);
      Matcher rps = Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(run.output);
      Matcher wrong = Pattern.compile("WRONG (\\d+)").matcher(run.output);
      if (!rps.find() || !wrong.find()) {
        throw new IllegalStateException("wrk output not understood:\n" + run.output);
      }
      rates[kind] = Double.parseDouble(rps.group(1));
      System.out.printf("GET /api/v1/me, %-20s %d connections: %8.0f requests/s = %3.0f%% of the 401 rate"
          + " (%s answers not %d; p50 %s, p99 %s); client CPU %.0f%% of the machine's%n", names[kind] + ",",
          connections, rates[kind], 100 * rates[kind] / rates[0], wrong.group(1), kind == 0 ? 401 : 200,
          percentile(run.output, "50%"), percentile(run.output, "99%"), 100 * run.clientShare);
    }
  }

  private record Run(String output, double clientShare) {}

  /**
   * Runs a load generator to its end. Its CPU (user + system, from bash's {@code times}) over the
   * machine's busy CPU during the run (from /proc/stat) is its share of the machine.
   */
  private Run runClient(List<String> command) throws Exception {
    StringBuilder shell = new StringBuilder();
    for (String part : command) {
      shell.append('\'').append(part.replace("'", "'\\''")).append("' ");
    }
    shell.append("; times");
    long busyBefore = machineBusyJiffies();
    Process process = new ProcessBuilder("bash", "-c", shell.toString()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor();
    long busy = Math.max(1, machineBusyJiffies() - busyBefore);
    // bash's `times`: the shell's user/sys, then its children's, as "XmY.YYYs XmY.YYYs"
    Matcher times = Pattern.compile("(\\d+)m([0-9.]+)s (\\d+)m([0-9.]+)s\\s*$").matcher(output.trim());
    double clientSeconds = 0;
    if (times.find()) {
      clientSeconds = Long.parseLong(times.group(1)) * 60 + Double.parseDouble(times.group(2))
          + Long.parseLong(times.group(3)) * 60 + Double.parseDouble(times.group(4));
    }
    return new Run(output, clientSeconds * 100 / busy);
  }

  /** user + nice + system + irq + softirq jiffies of all cores (USER_HZ = 100). */
  private static long machineBusyJiffies() throws IOException {
    String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
    return Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
        + Long.parseLong(f[7]);
  }

  private static String percentile(String wrkOutput, String which) {
    Matcher m = Pattern.compile("\\s" + Pattern.quote(which) + "\\s+([0-9.]+\\w+)").matcher(wrkOutput);
    return m.find() ? m.group(1) : "?";
  }

  private static void deleteRecursively(Path directory) throws IOException {
    try (var paths = Files.walk(directory)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static String stringArg(String[] args, String name, String fallback) {
    for (String arg : args) {
      if (arg.startsWith(name + "=")) {
        return arg.substring(name.length() + 1);
      }
    }
    return fallback;
  }

  private static double doubleArg(String[] args, String name, double fallback) {
    String value = stringArg(args, name, null);
    return value == null ? fallback : Double.parseDouble(value);
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
