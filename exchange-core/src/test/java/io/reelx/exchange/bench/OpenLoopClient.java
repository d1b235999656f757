package io.reelx.exchange.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The open-loop load generator of {@code ops/bench/http.sh}, run in its own JVM (never inside the
 * server's): bid {@code i} is due at {@code start + i / rate} whether or not earlier ones were
 * answered, and its latency counts from the moment it was due, so a stalled server shows as
 * latency, not as a lower rate (no coordinated omission: the model of wrk2). A fixed set of
 * keep-alive connections, each a thread writing HTTP/1.1 by hand over a plain socket: Java's
 * HttpClient cost the machine more CPU than the server it measured (70% at 2,200 requests/s).
 * <p>Arguments: {@code port rate seconds plan-file [connections=64] [warmup=5]}: first {@code warmup}
 * seconds at the same rate, not measured (wrk2 leaves out its first 10 s the same way), then
 * {@code seconds} measured. The plan file has one line
 * {@code token} per platform, a line {@code --}, then {@code listingId nextAmount} per auction.
 * Prints one line: {@code sent ok refused failed p50 p99 max cpuMillis} (latencies in microseconds),
 * then a line {@code failed: count x what} for each kind of failure, then one line
 * {@code second: n sent p50 p99 max} per second of the run (by when each bid was due), so a stall
 * shows where it happened.
 */
public final class OpenLoopClient {

  private static final long STEP = 100;

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    double rate = Double.parseDouble(args[1]);
    int seconds = Integer.parseInt(args[2]);
    int connections = args.length > 4 ? Integer.parseInt(args[4]) : 64;
    int warmUp = args.length > 5 ? Integer.parseInt(args[5]) : 5;
    List<String> tokens = new ArrayList<>();
    List<String> listings = new ArrayList<>();
    List<AtomicLong> ladders = new ArrayList<>();
    boolean auctions = false;
    for (String line : Files.readAllLines(Path.of(args[3]))) {
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
    int skipped = (int) (rate * warmUp);
    int total = (int) (rate * seconds);
    long[] latencies = new long[total];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger ok = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    java.util.Map<String, AtomicInteger> failures = new java.util.concurrent.ConcurrentHashMap<>();
    long interval = (long) (1e9 / rate);
    // every connection is open before the first bid is due, so the first second does not measure
    // 64 TCP handshakes and Tomcat's accepting them (wrk2 also connects before it starts its clock)
    long begin = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1000);
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < connections; c++) {
      Thread thread = new Thread(() -> {
        Connection connection = null;
        try {
          connection = new Connection(port);
        } catch (IOException e) {
          // counted as a failure of its first bid, which opens it again
        }
        for (int i = next.getAndIncrement() - skipped; i < total; i = next.getAndIncrement() - skipped) {
          long due = begin + (i + skipped) * interval;
          for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
            LockSupport.parkNanos(wait);
          }
          int a = Math.floorMod(i + skipped, listings.size());
          long amount = ladders.get(a).addAndGet(STEP);
          String body = "{\"amount\":" + amount + ",\"currency\":\"CNY\"}";
          String request = "POST /api/v1/listings/" + listings.get(a) + "/bids HTTP/1.1\r\nHost: 127.0.0.1\r\n"
              + "Authorization: Bearer " + tokens.get((int) ((amount / STEP + a) % tokens.size())) + "\r\n"
              + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
          int status;
          String failure = null;
          try {
            if (connection == null) {
              connection = new Connection(port);
            }
            status = connection.exchange(request.getBytes(StandardCharsets.US_ASCII));
            if (connection.closing) {
              // the server's last answer on this connection (Tomcat closes one after 100 requests)
              connection.close();
              connection = null;
            }
          } catch (IOException e) {
            status = -1;
            failure = e.toString();
            if (connection != null) {
              connection.close();
              connection = null;
            }
          }
          if (i < 0) {
            continue; // warm-up: neither its latency nor its answer counts
          }
          latencies[i] = System.nanoTime() - due;
          if (status == 201) {
            ok.incrementAndGet();
          } else if (status == 422) {
            refused.incrementAndGet();
          } else {
            failed.incrementAndGet();
            failures.computeIfAbsent(failure != null ? failure : "HTTP " + status, k -> new AtomicInteger())
                .incrementAndGet();
          }
        }
        if (connection != null) {
          connection.close();
        }
      });
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    long[] byDue = latencies.clone();
    Arrays.sort(latencies);
    long cpu = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime() / 1_000_000;
    System.out.printf("%d %d %d %d %d %d %d %d%n", total, ok.get(), refused.get(), failed.get(),
        latencies[total / 2] / 1000, latencies[(int) (total * 0.99)] / 1000, latencies[total - 1] / 1000, cpu);
    failures.forEach((what, count) -> System.out.println("failed: " + count + " x " + what));
    int perSecond = (int) Math.max(1, Math.round(rate));
    for (int from = 0, s = 1; from < total; from += perSecond, s++) {
      long[] window = Arrays.copyOfRange(byDue, from, Math.min(total, from + perSecond));
      Arrays.sort(window);
      System.out.printf("second: %d %d %d %d %d%n", s, window.length, window[window.length / 2] / 1000,
          window[(int) (window.length * 0.99)] / 1000, window[window.length - 1] / 1000);
    }
    System.exit(0);
  }

  /** One keep-alive HTTP/1.1 connection: a request out, its whole answer read back. */
  private static final class Connection {

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    /** The last answer said {@code Connection: close}. */
    boolean closing;

    Connection(int port) throws IOException {
      socket = new Socket("127.0.0.1", port);
      socket.setTcpNoDelay(true);
      socket.setSoTimeout(60_000);
      out = socket.getOutputStream();
      in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
    }

    /** Sends the request and reads the answer (Content-Length or chunked); gives its status. */
    int exchange(byte[] request) throws IOException {
      out.write(request);
      out.flush();
      String statusLine = line();
      int status = Integer.parseInt(statusLine.substring(9, 12));
      long length = 0;
      boolean chunked = false;
      for (String header = line(); !header.isEmpty(); header = line()) {
        String lower = header.toLowerCase();
        if (lower.startsWith("content-length:")) {
          length = Long.parseLong(header.substring(15).trim());
        } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
          chunked = true;
        } else if (lower.startsWith("connection:") && lower.contains("close")) {
          closing = true;
        }
      }
      if (chunked) {
        for (long size = Long.parseLong(line().trim(), 16); size > 0; size = Long.parseLong(line().trim(), 16)) {
          skip(size);
          line();
        }
        line();
      } else {
        skip(length);
      }
      return status;
    }

    private String line() throws IOException {
      StringBuilder line = new StringBuilder();
      for (int b = in.read(); b != '\n'; b = in.read()) {
        if (b < 0) {
          throw new IOException("connection closed");
        }
        if (b != '\r') {
          line.append((char) b);
        }
      }
      return line.toString();
    }

    private void skip(long n) throws IOException {
      for (long left = n; left > 0; ) {
        long skipped = in.skip(left);
        if (skipped <= 0) {
          if (in.read() < 0) {
            throw new IOException("connection closed");
          }
          skipped = 1;
        }
        left -= skipped;
      }
    }

    void close() {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }
}
