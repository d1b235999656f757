import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * The pages' benchmark client (run by ops/bench/pages.sh against an exchange started with --demo;
 * a separate process, Java 17, no dependencies: {@code java PageBench.java ...}).
 *
 * <pre>
 *   java PageBench.java pages BASE CREDENTIALS ADMIN_PASSWORD N
 *   java PageBench.java room  BASE CREDENTIALS BIDS
 * </pre>
 *
 * <p>pages: signs in through the login form as one user of each demo role, requests every main
 * page it can open N times (after 5 unmeasured), and prints the server's render time (the page
 * filter's {@code Server-Timing: app;dur=}) and the client's time to first byte, p50 / p95 per
 * page (after a warm-up of every page of every role, -Dwarmup=20 rounds); the baseline, measured in the same run, is {@code /actuator/health}'s time to first byte.
 * Then the first-load weight of each page (HTML and every stylesheet and script it links, as
 * served, gzip asked for) and the weight once cached (assets with a long max-age are not fetched
 * again), with each asset's encoding and Cache-Control.
 *
 * <p>room: the live English auction of the demo; the two demo platforms bid in turn over the API
 * while a third connection (a page session of the second platform) follows the room's live
 * stream; prints p50 / p99 of the time from sending a bid to its {@code bid} event arriving on
 * the stream, with the bid request's own response time as the baseline.
 */
public class PageBench {

  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
  static String base;
  static final int WARMUP = Integer.getInteger("warmup", 20);

  public static void main(String[] args) throws Exception {
    base = args[1];
    List<String[]> users = credentials(Path.of(args[2]));
    if (args[0].equals("pages")) {
      pages(users, args[3], Integer.parseInt(args[4]));
    } else {
      room(users, Integer.parseInt(args[3]));
    }
  }

  // ------------------------------------------------------------------ pages

  static void pages(List<String[]> users, String adminPassword, int n) throws Exception {
    Map<String, String[]> byRole = new LinkedHashMap<>();
    byRole.put("OPERATOR", new String[] {"admin", adminPassword, "OPERATOR"});
    for (String[] u : users) {
      byRole.putIfAbsent(u[2], u);
    }
    List<Double> baseline = new ArrayList<>();
    for (int i = 0; i < n + 5; i++) {
      Timed t = get("/actuator/health", null);
      if (i >= 5) {
        baseline.add(t.ttfbMs);
      }
    }
    System.out.printf(Locale.ROOT, "%-10s %-28s %5s %9s %9s %9s %9s %8s%n", "role", "page", "n", "app p50",
        "app p95", "ttfb p50", "ttfb p95", "p95/base");
    System.out.printf(Locale.ROOT, "%-10s %-28s %5d %9s %9s %9.1f %9.1f%n", "-", "/actuator/health (baseline)", n,
        "-", "-", pct(baseline, 50), pct(baseline, 95));
    double basis = Math.max(pct(baseline, 95), 0.1);
    double worstApp = 0;
    Set<String> weighed = new LinkedHashSet<>();
    List<String[]> weights = new ArrayList<>();
    Map<String[], String> cookies = new LinkedHashMap<>();
    Map<String[], Set<String>> pagesOf = new LinkedHashMap<>();
    for (String[] user : byRole.values()) {
      String cookie = signIn(user[0], user[1]);
      Set<String> pages = new LinkedHashSet<>(List.of("/", "/market"));
      String market = get("/market", cookie).body;
      Matcher m = Pattern.compile("href=\"/market/([0-9a-zA-Z-]{8,64})\"").matcher(market);
      if (m.find()) {
        pages.add("/market/" + m.group(1));
        pages.add("/market/" + m.group(1) + "/room");
      }
      for (String extra : List.of("/holder", "/holder/statements", "/platform", "/operator", "/finance", "/auditor",
          "/audit")) {
        if (get(extra, cookie).status == 200) {
          pages.add(extra);
        }
      }
      cookies.put(user, cookie);
      pagesOf.put(user, pages);
    }
    // warm-up: every page of every role WARMUP times before any is measured (the JIT's first
    // compilations would otherwise be charged to whichever role comes first)
    for (int i = 0; i < WARMUP; i++) {
      for (Map.Entry<String[], Set<String>> e : pagesOf.entrySet()) {
        for (String page : e.getValue()) {
          get(page, cookies.get(e.getKey()));
        }
      }
    }
    for (String[] user : byRole.values()) {
      String cookie = cookies.get(user);
      for (String page : pagesOf.get(user)) {
        List<Double> app = new ArrayList<>();
        List<Double> ttfb = new ArrayList<>();
        int status = 0;
        for (int i = 0; i < n + 5; i++) {
          Timed t = get(page, cookie);
          status = t.status;
          if (i >= 5) {
            ttfb.add(t.ttfbMs);
            if (t.serverMs != null) {
              app.add(t.serverMs);
            }
          }
        }
        double app95 = app.isEmpty() ? Double.NaN : pct(app, 95);
        worstApp = Math.max(worstApp, Double.isNaN(app95) ? 0 : app95);
        String shown = page.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "{id}");
        System.out.printf(Locale.ROOT, "%-10s %-28s %5d %9.1f %9.1f %9.1f %9.1f %8.1f%s%n", user[2], shown, n,
            app.isEmpty() ? Double.NaN : pct(app, 50), app95, pct(ttfb, 50), pct(ttfb, 95), pct(ttfb, 95) / basis,
            status == 200 ? "" : "  (status " + status + ")");
        if (weighed.add(shown)) {
          weights.add(weight(shown, page, cookie));
        }
      }
    }
    System.out.printf(Locale.ROOT, "%nserver render time p95, worst page: %.1f ms (target < 50 ms): %s%n", worstApp,
        worstApp < 50 ? "met" : "MISSED");
    System.out.printf(Locale.ROOT, "%n%-28s %12s %12s%n", "page", "first load", "cached");
    long worst = 0;
    for (String[] w : weights) {
      System.out.printf(Locale.ROOT, "%-28s %9.1f KB %9.1f KB%n", w[0], Long.parseLong(w[1]) / 1024.0,
          Long.parseLong(w[2]) / 1024.0);
      worst = Math.max(worst, Long.parseLong(w[1]));
    }
    System.out.printf(Locale.ROOT, "first load, heaviest page: %.1f KB (target < 300 KB): %s%n", worst / 1024.0,
        worst < 300 * 1024 ? "met" : "MISSED");
  }

  private static final Set<String> ASSETS_SHOWN = new LinkedHashSet<>();

  /** [page, first-load bytes, cached bytes] as served (compressed when the server compresses). */
  static String[] weight(String shown, String page, String cookie) throws Exception {
    Timed html = get(page, cookie);
    long first = html.wireBytes;
    long cached = html.wireBytes;
    if (ASSETS_SHOWN.isEmpty()) {
      System.out.printf(Locale.ROOT, "%nHTML %s: %d bytes, Content-Encoding %s%n", shown, html.wireBytes,
          html.encoding);
    }
    Matcher m = Pattern.compile("<(?:link[^>]*href|script[^>]*src)=\"(/[^\"]+)\"").matcher(html.body);
    while (m.find()) {
      String asset = m.group(1);
      if (!(asset.endsWith(".css") || asset.endsWith(".js"))) {
        continue;
      }
      Timed t = get(asset, null);
      first += t.wireBytes;
      long maxAge = maxAge(t.cacheControl);
      if (maxAge < 86_400) {
        cached += t.wireBytes;
      }
      if (ASSETS_SHOWN.add(asset)) {
        System.out.printf(Locale.ROOT, "  %-62s %7d bytes  %-5s Cache-Control: %s%n", asset, t.wireBytes,
            t.encoding, t.cacheControl);
      }
    }
    return new String[] {shown, Long.toString(first), Long.toString(cached)};
  }

  static long maxAge(String cacheControl) {
    if (cacheControl == null) {
      return 0;
    }
    Matcher m = Pattern.compile("max-age=(\\d+)").matcher(cacheControl);
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }

  // ------------------------------------------------------------------ the room

  static void room(List<String[]> users, int bids) throws Exception {
    List<String[]> platforms = users.stream().filter(u -> u[2].equals("PLATFORM")).toList();
    if (platforms.size() < 2) {
      throw new IllegalStateException("two demo platforms needed");
    }
    String[] a = platforms.get(0);
    String[] b = platforms.get(1);
    String watcher = signIn(b[0], b[1]);
    String listing = liveEnglishAuction(watcher, a);
    String book = api("GET", "/api/v1/listings/" + listing + "/bids", a, null).body;
    long increment = number(book, "increment").orElseThrow();
    String currency = string(book, "currency").orElseThrow();
    long high = number(book, "currentHigh").orElse(number(book, "startingPrice").orElseThrow() - increment);
    BlockingQueue<Long> arrivals = new LinkedBlockingQueue<>();
    Thread reader = stream(listing, watcher, arrivals);
    List<Double> latency = new ArrayList<>();
    List<Double> post = new ArrayList<>();
    for (int i = 0; i < bids + 3; i++) {
      String[] bidder = i % 2 == 0 ? a : b;
      long amount = high + increment;
      arrivals.clear();
      long sent = System.nanoTime();
      Timed answer = api("POST", "/api/v1/listings/" + listing + "/bids", bidder,
          "{\"amount\":" + amount + ",\"currency\":\"" + currency + "\"}");
      double postMs = (System.nanoTime() - sent) / 1e6;
      if (answer.status != 201) {
        throw new IllegalStateException("bid refused: " + answer.status + " " + answer.body);
      }
      high = amount;
      Long arrived = arrivals.poll(30, TimeUnit.SECONDS);
      if (arrived == null) {
        throw new IllegalStateException("no bid event within 30 s");
      }
      if (i >= 3) {
        latency.add((arrived - sent) / 1e6);
        post.add(postMs);
      }
    }
    reader.interrupt();
    System.out.printf(Locale.ROOT, "%-44s %5s %9s %9s %9s%n", "bid to room update (listing " + listing.substring(0, 8)
        + "…)", "n", "p50 ms", "p99 ms", "max ms");
    System.out.printf(Locale.ROOT, "%-44s %5d %9.1f %9.1f %9.1f%n", "baseline: the bid request's response", post.size(),
        pct(post, 50), pct(post, 99), Collections.max(post));
    System.out.printf(Locale.ROOT, "%-44s %5d %9.1f %9.1f %9.1f%n", "bid POST sent -> SSE 'bid' at 2nd client",
        latency.size(), pct(latency, 50), pct(latency, 99), Collections.max(latency));
    System.out.printf(Locale.ROOT, "p99 %.1f ms (target < 1000 ms): %s; p50 / baseline p50 = %.2f%n",
        pct(latency, 99), pct(latency, 99) < 1000 ? "met" : "MISSED", pct(latency, 50) / Math.max(pct(post, 50), 0.1));
  }

  static String liveEnglishAuction(String cookie, String[] platform) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (System.nanoTime() < deadline) {
      String market = get("/market", cookie).body;
      Matcher m = Pattern.compile("href=\"/market/([0-9a-zA-Z-]{8,64})\"").matcher(market);
      Set<String> ids = new LinkedHashSet<>();
      while (m.find()) {
        ids.add(m.group(1));
      }
      for (String id : ids) {
        String book = api("GET", "/api/v1/listings/" + id + "/bids", platform, null).body;
        if (book.contains("\"saleMode\":\"ENGLISH\"") && book.contains("\"status\":\"BIDDING\"")) {
          return id;
        }
      }
      Thread.sleep(1000);
    }
    throw new IllegalStateException("no ENGLISH auction open for bids in the demo market");
  }

  /** Follows the room's stream; puts the arrival time of each {@code bid} event in the queue. */
  static Thread stream(String listing, String cookie, BlockingQueue<Long> arrivals) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/market/" + listing + "/events"))
        .header("Cookie", cookie).header("Accept", "text/event-stream").GET().build();
    HttpResponse<InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("the room's stream answered " + response.statusCode());
    }
    Thread reader = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = lines.readLine()) != null) {
          if (line.equals("event:bid") || line.equals("event: bid")) {
            arrivals.add(System.nanoTime());
          }
        }
      } catch (IOException ended) {
        // the run is over
      }
    }, "room-stream");
    reader.setDaemon(true);
    reader.start();
    return reader;
  }

  // ------------------------------------------------------------------ HTTP

  record Timed(int status, double ttfbMs, Double serverMs, long wireBytes, String encoding, String cacheControl,
      String body, HttpResponse<byte[]> raw) {}

  static Timed get(String path, String cookie) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .header("Accept", "text/html,*/*").header("Accept-Encoding", "gzip").GET();
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return send(request.build());
  }

  static Timed api(String method, String path, String[] user, String json) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (user[0] + ":" + user[1]).getBytes(StandardCharsets.UTF_8)))
        .header("Accept", "application/json");
    if (json != null) {
      request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return send(request.build());
  }

  static Timed send(HttpRequest request) throws Exception {
    long start = System.nanoTime();
    long[] headersAt = new long[1];
    HttpResponse<byte[]> response = HTTP.send(request, info -> {
      headersAt[0] = System.nanoTime();
      return HttpResponse.BodySubscribers.ofByteArray();
    });
    String encoding = response.headers().firstValue("Content-Encoding").orElse("-");
    byte[] wire = response.body();
    byte[] plain = wire;
    if (encoding.equalsIgnoreCase("gzip")) {
      try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(wire))) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        plain = out.toByteArray();
      }
    }
    Double server = response.headers().firstValue("Server-Timing")
        .map(h -> Pattern.compile("dur=([0-9.]+)").matcher(h))
        .filter(Matcher::find).map(mm -> Double.parseDouble(mm.group(1))).orElse(null);
    return new Timed(response.statusCode(), (headersAt[0] - start) / 1e6, server, wire.length, encoding,
        response.headers().firstValue("Cache-Control").orElse("-"), new String(plain, StandardCharsets.UTF_8),
        response);
  }

  /** Signs in through the login form; returns the Cookie header of the session. */
  static String signIn(String username, String password) throws Exception {
    Timed form = get("/login", null);
    String csrf = form.raw.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("reelx_login_csrf=")).findFirst()
        .map(c -> c.substring("reelx_login_csrf=".length(), c.indexOf(';'))).orElseThrow();
    HttpRequest login = HttpRequest.newBuilder(URI.create(base + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Cookie", "reelx_login_csrf=" + csrf)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(username) + "&password=" + enc(password)
            + "&_csrf=" + csrf)).build();
    Timed answer = send(login);
    if (answer.status != 302) {
      throw new IllegalStateException("login of " + username + " answered " + answer.status);
    }
    return answer.raw.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("reelx_session="))
        .findFirst().map(c -> c.substring(0, c.indexOf(';'))).orElseThrow();
  }

  // ------------------------------------------------------------------ helpers

  /** username, password, role, organisation per line of demo-credentials.txt. */
  static List<String[]> credentials(Path file) throws IOException {
    List<String[]> users = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.trim().split("\\s+", 4);
      if (f.length >= 3) {
        users.add(new String[] {f[0], f[1], f[2].toUpperCase(Locale.ROOT)});
      }
    }
    return users;
  }

  static double pct(List<Double> values, int p) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
  }

  static Optional<Long> number(String json, String field) {
    Matcher m = Pattern.compile("\"" + field + "\":(-?\\d+)").matcher(json);
    return m.find() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
  }

  static Optional<String> string(String json, String field) {
    Matcher m = Pattern.compile("\"" + field + "\":\"([^\"]*)\"").matcher(json);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
