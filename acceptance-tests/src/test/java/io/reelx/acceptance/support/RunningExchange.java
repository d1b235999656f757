package io.reelx.acceptance.support;

import io.reelx.exchange.ReelxApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The exchange under test: the real application with its embedded PostgreSQL, booted once per JVM
 * on a random port with a fresh data directory and a generated operator password. Every scenario
 * shares it, so scenarios create their own organisations and users.
 */
public final class RunningExchange {

  public static final String ADMIN = "admin";

  /**
   * How long parties have to sign a contract here (on the exchange: working days). Scenarios sign
   * after a dozen calls or so: the period leaves room for that on a busy machine, and a scenario
   * that waits for the deadline to pass waits for it, not for a fixed time.
   */
  public static final java.time.Duration SIGNING_PERIOD = java.time.Duration.ofSeconds(30);

  private static final String ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static volatile RunningExchange instance;

  private final ConfigurableApplicationContext context;
  private final Path dataDir;
  private final String baseUri;
  private final String adminPassword;

  private RunningExchange(ConfigurableApplicationContext context, Path dataDir, int port, String adminPassword) {
    this.context = context;
    this.dataDir = dataDir;
    this.baseUri = "http://localhost:" + port;
    this.adminPassword = adminPassword;
  }

  /** The running exchange, booted on first use. */
  public static RunningExchange get() {
    RunningExchange running = instance;
    if (running == null) {
      synchronized (RunningExchange.class) {
        running = instance;
        if (running == null) {
          running = boot();
          instance = running;
          Runtime.getRuntime().addShutdownHook(new Thread(RunningExchange::stop, "reelx-acceptance-stop"));
        }
      }
    }
    return running;
  }

  /** Stops the exchange and removes its data; safe to call more than once. */
  public static void stop() {
    RunningExchange running;
    synchronized (RunningExchange.class) {
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

  public String adminPassword() {
    return adminPassword;
  }

  public static String randomSecret(int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }

  private static RunningExchange boot() {
    long started = System.nanoTime();
    Path dataDir;
    try {
      dataDir = Files.createTempDirectory("reelx-acceptance-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String adminPassword = randomSecret(20);
    // Command-line arguments, not default properties: they must win over application.properties
    // and over whatever PORT / REELX_* the environment happens to carry.
    ConfigurableApplicationContext context;
    try {
      context = new SpringApplicationBuilder(ReelxApplication.class).run(
          "--server.port=0",
          "--reelx.data-dir=" + dataDir,
          "--reelx.embedded-postgres.fsync=false",
          "--reelx.admin.password=" + adminPassword,
          // Whole auctions in seconds: timed periods as short as one second.
          "--reelx.auction.min-timed-period-seconds=1",
          "--reelx.contracts.signing-period-override=" + SIGNING_PERIOD,
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
      throw new IllegalStateException("The exchange started without a web server port");
    }
    System.out.printf("ReelX exchange under test on port %d (booted in %d ms, data in %s)%n",
        port, (System.nanoTime() - started) / 1_000_000, dataDir);
    return new RunningExchange(context, dataDir, port, adminPassword);
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // A temp directory left behind is not worth failing the run for.
    }
  }
}
