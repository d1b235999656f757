import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Client side of ops/bench/fanout.sh, in its own JVM: opens N server-sent-event streams on one
 * listing (plain sockets, one selector thread) and records, for every bid event received, the time
 * from the bid's placedAt (the server's clock: same machine) to its arrival, from the moment the
 * server writes measureFile (after its warm-up; without one, from the start).
 * Usage: java FanoutClient.java readyFile goFile doneFile clients [measureFile]
 */
public class FanoutClient {

  static final Pattern PLACED = Pattern.compile("\"placedAt\":\"([^\"]+)\"");

  static final class Conn {
    final SocketChannel channel;
    final StringBuilder text = new StringBuilder();
    boolean headersDone;
    int status;
    String event;
    long bids;
    boolean closed;

    Conn(SocketChannel channel) {
      this.channel = channel;
    }
  }

  public static void main(String[] args) throws Exception {
    Path ready = Path.of(args[0]);
    Path go = Path.of(args[1]);
    Path done = Path.of(args[2]);
    int clients = Integer.parseInt(args[3]);
    Path measure = args.length > 4 ? Path.of(args[4]) : null;
    while (!Files.exists(ready)) {
      Thread.sleep(100);
    }
    String[] info = Files.readString(ready).trim().split(" ");
    int port = Integer.parseInt(info[0]);
    String request = "GET /api/v1/listings/" + info[1] + "/stream HTTP/1.1\r\nHost: localhost\r\n"
        + "Accept: text/event-stream\r\nAuthorization: Bearer " + info[2] + "\r\n\r\n";
    Selector selector = Selector.open();
    List<Conn> conns = new ArrayList<>();
    long cpuStart = cpu();
    for (int i = 0; i < clients; i++) {
      SocketChannel ch = SocketChannel.open(new InetSocketAddress("localhost", port));
      ch.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
      ch.configureBlocking(false);
      Conn c = new Conn(ch);
      ch.register(selector, SelectionKey.OP_READ, c);
      conns.add(c);
    }
    long[] latencies = new long[1 << 23]; // 1,000 streams x 3,000 bids and a backlog
    int n = 0;
    ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
    // wait until every stream has answered (its first event is the listing's status)
    long waitUntil = System.nanoTime() + 120_000_000_000L;
    boolean started = false;
    boolean measuring = false;
    long measureStart = 0;
    long cpuMeasure = 0;
    long nextMeasureCheck = 0;
    while (!Files.exists(done)) {
      if (started && !measuring && System.nanoTime() >= nextMeasureCheck) {
        nextMeasureCheck = System.nanoTime() + 20_000_000L;
        if (measure == null || Files.exists(measure)) {
          measuring = true;
          measureStart = System.nanoTime();
          cpuMeasure = cpu();
          for (Conn c : conns) {
            c.bids = 0;
          }
        }
      }
      if (!started && conns.stream().allMatch(c -> c.headersDone && c.event != null || c.closed)) {
        long ok = conns.stream().filter(c -> c.status == 200 && !c.closed).count();
        System.out.printf("client: %d of %d streams open (status 200)%n", ok, clients);
        Files.writeString(go, "go\n");
        started = true;
      } else if (!started && System.nanoTime() > waitUntil) {
        throw new IllegalStateException("streams did not all open");
      }
      selector.select(100);
      for (SelectionKey key : selector.selectedKeys()) {
        Conn c = (Conn) key.attachment();
        buf.clear();
        int read;
        try {
          read = c.channel.read(buf);
        } catch (IOException e) {
          read = -1;
        }
        if (read < 0) {
          c.closed = true;
          key.cancel();
          continue;
        }
        Instant arrived = Instant.now();
        c.text.append(new String(buf.array(), 0, read, StandardCharsets.UTF_8));
        int end;
        if (!c.headersDone) {
          end = c.text.indexOf("\r\n\r\n");
          if (end < 0) {
            continue;
          }
          c.status = Integer.parseInt(c.text.substring(9, 12));
          c.headersDone = true;
          c.text.delete(0, end + 4);
        }
        // chunked transfer: drop chunk-size lines; events end with a blank line
        int from = 0;
        String s = c.text.toString();
        int idx;
        while ((idx = s.indexOf("\n\n", from)) >= 0) {
          String block = s.substring(from, idx);
          from = idx + 2;
          for (String line : block.split("\r?\n")) {
            if (line.startsWith("event:")) {
              c.event = line.substring(6).trim();
            } else if (line.startsWith("data:") && "bid".equals(c.event) && started) {
              Matcher m = PLACED.matcher(line);
              if (m.find() && n < latencies.length) {
                Instant placed = Instant.parse(m.group(1));
                if (!measuring) {
                  continue;
                }
                latencies[n++] = java.time.Duration.between(placed, arrived).toNanos();
                c.bids++;
              }
            }
          }
        }
        c.text.delete(0, from);
      }
      selector.selectedKeys().clear();
    }
    double seconds = (System.nanoTime() - measureStart) / 1e9;
    double cpuShare = (cpu() - cpuMeasure) / 1e9 / seconds;
    long[] sorted = Arrays.copyOf(latencies, n);
    Arrays.sort(sorted);
    long dropped = conns.stream().filter(c -> c.closed).count();
    long minBids = conns.stream().mapToLong(c -> c.bids).min().orElse(0);
    long maxBids = conns.stream().mapToLong(c -> c.bids).max().orElse(0);
    if (n == 0) {
      System.out.println("client: no bid received");
      return;
    }
    if (n == latencies.length) {
      System.out.println("client: latency buffer full, later events not counted");
    }
    System.out.printf("client: %d bid events received over %d streams (per stream %d..%d), %d streams closed%n", n,
        clients, minBids, maxBids, dropped);
    System.out.printf("fan-out latency (placedAt to arrival): p50 %.1f ms, p99 %.1f ms, max %.1f ms (target p99 <= 200 ms)%n",
        sorted[n / 2] / 1e6, sorted[(int) (n * 0.99)] / 1e6, sorted[n - 1] / 1e6);
    System.out.printf("client JVM CPU: %.0f%% of one core over %.1f s%n", cpuShare * 100, seconds);
  }

  static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
  }
}
