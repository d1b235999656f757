package io.reelx.exchange.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The open-loop load generator of {@code ops/bench/http.sh}, run in its own JVM (never inside the
 * server's): bids start on a fixed schedule whether or not earlier ones were answered, and each
 * latency counts from the moment the bid was due, so a stalled server shows as latency, not as a
 * lower rate (no coordinated omission). Keep-alive connections, bearer tokens.
 * <p>Arguments: {@code port rate seconds plan-file}; the plan file has one line
 * {@code token} per platform, a line {@code --}, then {@code listingId nextAmount} per auction.
 * Prints one line: {@code sent ok refused failed p50 p99 max cpuMillis} (latencies in microseconds).
 */
public final class OpenLoopClient {

  private static final long STEP = 100;

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    double rate = Double.parseDouble(args[1]);
    int seconds = Integer.parseInt(args[2]);
    List<String> lines = Files.readAllLines(Path.of(args[3]));
    List<String> tokens = new ArrayList<>();
    List<String> listings = new ArrayList<>();
    List<AtomicLong> ladders = new ArrayList<>();
    boolean auctions = false;
    for (String line : lines) {
      if (line.equals("--")) {
        auctions = true;
      } else if (auctions) {
        String[] f = line.split(" ");
        listings.add(f[0]);
        ladders.add(new AtomicLong(Long.parseLong(f[1]) - STEP));
      } else {
        tokens.add(line);
      }
    }
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();
    int total = (int) (rate * seconds);
    long[] latencies = new long[total];
    AtomicInteger ok = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    List<CompletableFuture<?>> pending = new ArrayList<>(total);
    long interval = (long) (1e9 / rate);
    long begin = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
    for (int i = 0; i < total; i++) {
      long due = begin + i * interval;
      for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
        LockSupport.parkNanos(wait);
      }
      int a = i % listings.size();
      long amount = ladders.get(a).addAndGet(STEP);
      int n = i;
      HttpRequest request = HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + port + "/api/v1/listings/" + listings.get(a) + "/bids"))
          .header("Authorization", "Bearer " + tokens.get((int) ((amount / STEP + a) % tokens.size())))
          .header("Content-Type", "application/json")
          .timeout(Duration.ofSeconds(30))
          .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":" + amount + ",\"currency\":\"CNY\"}"))
          .build();
      pending.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, error) -> {
        latencies[n] = System.nanoTime() - due;
        if (error != null) {
          failed.incrementAndGet();
        } else if (response.statusCode() == 201) {
          ok.incrementAndGet();
        } else if (response.statusCode() == 422) {
          refused.incrementAndGet();
        } else {
          failed.incrementAndGet();
        }
        return null;
      }));
    }
    CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
    Arrays.sort(latencies);
    long cpu = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime() / 1_000_000;
    System.out.printf("%d %d %d %d %d %d %d %d%n", total, ok.get(), refused.get(), failed.get(),
        latencies[total / 2] / 1000, latencies[(int) (total * 0.99)] / 1000, latencies[total - 1] / 1000, cpu);
    System.exit(0);
  }
}
