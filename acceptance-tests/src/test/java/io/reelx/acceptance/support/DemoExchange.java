package io.reelx.acceptance.support;

import io.reelx.exchange.ReelxApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second exchange, started as {@code --demo} starts one (the demo profile) on its own embedded
 * PostgreSQL in a fresh data directory, booted on first use by a scenario that drives the demo
 * market (and only then). Its live English auction opens a few seconds after the start and its
 * countdown starts two seconds later; the countdown lasts ten minutes, so that however slow the
 * machine, the scenario bids inside it without ever waiting for it to run out.
 */
public final class DemoExchange {

  /** The demo's live auction: how long its countdown lasts (and every bid restarts). */
  public static final int TIMED_PERIOD_SECONDS = 600;

  private static volatile DemoExchange instance;

  private final ConfigurableApplicationContext context;
  private final Path dataDir;
  private final String baseUri;

  private DemoExchange(ConfigurableApplicationContext context, Path dataDir, int port) {
    this.context = context;
    this.dataDir = dataDir;
    this.baseUri = "http://localhost:" + port;
  }

  /** The demo exchange, booted on first use. */
  public static DemoExchange get() {
    DemoExchange running = instance;
    if (running == null) {
      synchronized (DemoExchange.class) {
        running = instance;
        if (running == null) {
          running = boot();
          instance = running;
          // as the main exchange does: stopped with the JVM too, should the run end without @AfterAll
          Runtime.getRuntime().addShutdownHook(new Thread(DemoExchange::stop, "reelx-acceptance-demo-stop"));
        }
      }
    }
    return running;
  }

  /** Stops the demo exchange (if one was booted) and removes its data; safe to call more than once. */
  public static void stop() {
    DemoExchange running;
    synchronized (DemoExchange.class) {
      running = instance;
      instance = null;
    }
    if (running != null) {
      running.context.close();
      deleteRecursively(running.dataDir);
    }
  }

  public String baseUri() {
    return baseUri;
  }

  /** The file the demo wrote its users' passwords to, as a newcomer finds it. */
  public Path credentialsFile() {
    return dataDir.resolve("demo-credentials.txt");
  }

  /** The passwords of {@link #credentialsFile()} by username (its comment lines left out). */
  public Map<String, String> passwords() {
    try (Stream<String> lines = Files.lines(credentialsFile())) {
      return lines.filter(l -> !l.isBlank() && !l.startsWith("#"))
          .map(l -> l.trim().split("\\s+"))
          .collect(Collectors.toMap(f -> f[0], f -> f[1]));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the demo credentials " + credentialsFile(), e);
    }
  }

  private static DemoExchange boot() {
    long started = System.nanoTime();
    Path dataDir;
    try {
      dataDir = Files.createTempDirectory("reelx-acceptance-demo-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ConfigurableApplicationContext context;
    try {
      context = new SpringApplicationBuilder(ReelxApplication.class)
          // what --demo switches on (ReelxApplication.main)
          .profiles("demo")
          .run(
              "--server.port=0",
              "--reelx.data-dir=" + dataDir,
              "--reelx.embedded-postgres.fsync=false",
              "--reelx.admin.password=" + RunningExchange.randomSecret(20),
              // the demo's live auction: open soon, a short free period, a countdown no machine outruns
              "--reelx.demo.live-auction.opens-after=PT5S",
              "--reelx.demo.live-auction.free-period=PT2S",
              "--reelx.demo.live-auction.timed-period-seconds=" + TIMED_PERIOD_SECONDS,
              "--spring.main.banner-mode=off",
              "--logging.level.root=WARN",
              "--logging.level.org.springframework.context.support.PostProcessorRegistrationDelegate=ERROR",
              "--logging.level.io.reelx=INFO");
    } catch (RuntimeException e) {
      deleteRecursively(dataDir);
      throw e;
    }
    Integer port = context.getEnvironment().getProperty("local.server.port", Integer.class);
    if (port == null) {
      context.close();
      throw new IllegalStateException("The demo exchange started without a web server port");
    }
    System.out.printf("ReelX demo exchange under test on port %d (booted in %d ms, data in %s)%n",
        port, (System.nanoTime() - started) / 1_000_000, dataDir);
    return new DemoExchange(context, dataDir, port);
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // A temp directory left behind is not worth failing the run for.
    }
  }
}
