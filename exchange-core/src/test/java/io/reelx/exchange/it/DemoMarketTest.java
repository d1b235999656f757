package io.reelx.exchange.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelx.exchange.ReelxApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * {@code --demo} is a market one can drive at once: a live English auction the demo platforms are
 * qualified for, open fixed-price and sealed-bid sales, an ACTIVE licence with two months of
 * statements and an open discrepancy, two finance officers, and the passwords in an owner-only
 * file the start-up line names, on every start. A restart duplicates nothing, and seeds a fresh
 * live auction when the previous one has closed.
 */
@ExtendWith(OutputCaptureExtension.class)
class DemoMarketTest {

  private static final String ADMIN_PASSWORD = "demo-admin-password-from-env";
  private static final Duration BOUND = Duration.ofSeconds(90);

  @Test
  void the_demo_is_a_market_to_drive_at_once_and_a_restart_duplicates_nothing(@TempDir Path data,
      CapturedOutput output) throws Exception {
    Path file = data.resolve("demo-credentials.txt");
    String firstAuction;
    String fixed;
    String sealed;
    int organizations;
    String credentials;
    try (ConfigurableApplicationContext first = start(data)) {
      int port = port(first);
      assertThat(file).exists();
      assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
      credentials = Files.readString(file);
      Map<String, String> passwords = passwords(credentials);
      assertThat(passwords).containsOnlyKeys("mango-ann", "bamboo-bo", "lychee-lin", "finance-fay", "finance-fei",
          "audit-ada");
      assertThat(credentials).doesNotContain(ADMIN_PASSWORD);
      String seeded = "Demo data seeded. Demo users and their passwords (HTTP Basic) are in "
          + file.toAbsolutePath().normalize();
      assertThat(output.getOut()).contains(seeded);
      // what the demo prints never shows the operator's password when it came from REELX_ADMIN_PASSWORD
      assertThat(output.getOut().substring(output.getOut().indexOf(seeded))).doesNotContain(ADMIN_PASSWORD);

      Http admin = Http.basic(port, "admin", ADMIN_PASSWORD);
      Http bo = Http.basic(port, "bamboo-bo", passwords.get("bamboo-bo"));
      Http fay = Http.basic(port, "finance-fay", passwords.get("finance-fay"));
      Http fei = Http.basic(port, "finance-fei", passwords.get("finance-fei"));
      organizations = admin.get("/api/v1/organizations").json().size();

      // the live auction opens within seconds; a demo platform bids at once and sees the countdown
      firstAuction = openSale(bo, "ENGLISH");
      await("the live auction to open", () -> "BIDDING".equals(bo.get("/api/v1/listings/" + firstAuction)
          .get("status")));
      JsonNode listing = bo.get("/api/v1/listings/" + firstAuction).json();
      Http.Response bid = bo.post("/api/v1/listings/" + firstAuction + "/bids",
          Map.of("amount", listing.get("startingPrice").asLong(), "currency", "CNY"),
          Map.of("Idempotency-Key", "demo-test-1"));
      assertThat(bid.status()).as(bid.body()).isEqualTo(201);
      JsonNode book = bo.get("/api/v1/listings/" + firstAuction + "/bids").json();
      assertThat(book.get("bidCount").asLong()).isEqualTo(1);
      assertThat(book.get("secondsRemaining").asLong()).isPositive();

      fixed = openSale(bo, "FIXED_PRICE");
      sealed = openSale(bo, "SEALED_BID");
      for (String sale : List.of(fixed, sealed)) {
        await("sale " + sale + " to open", () -> "BIDDING".equals(bo.get("/api/v1/listings/" + sale).get("status")));
        assertThat(bo.get("/api/v1/listings/" + sale + "/registrations").json().get(0).get("status").asString())
            .isEqualTo("QUALIFIED");
      }

      // the licence in force, two months settled, one discrepancy to resolve; two finance officers
      JsonNode active = fay.get("/api/v1/contracts?status=ACTIVE").json().get("items");
      assertThat(active.size()).isEqualTo(1);
      String contract = active.get(0).get("id").asString();
      assertThat(fay.get("/api/v1/contracts/" + contract + "/statements").json().size()).isEqualTo(2);
      JsonNode open = fay.get("/api/v1/discrepancies?open=true").json();
      assertThat(open.size()).isEqualTo(1);
      assertThat(open.get(0).get("kind").asString()).isEqualTo("PAYABLE_MISMATCH");
      String holder = active.get(0).get("licensor").get("organizationId").asString();
      Http.Response payout = fay.post("/api/v1/payouts", Map.of("organizationId", holder, "amount", 1000,
          "currency", "USD"), Map.of("Idempotency-Key", "demo-payout-1"));
      assertThat(payout.status()).as(payout.body()).isEqualTo(201);
      Http.Response approved = fei.post("/api/v1/payouts/demo-payout-1/approve", null);
      assertThat(approved.status()).as(approved.body()).isEqualTo(200);

      // the short live auction of this test closes with the bid: a restart must seed a fresh one
      await("the live auction to close", () -> Set.of("AWARDED", "FAILED")
          .contains(bo.get("/api/v1/listings/" + firstAuction).get("status")));
    }

    // the second start with simulated bidders: the two platforms outbid each other in the fresh auction
    try (ConfigurableApplicationContext second = start(data, "--reelx.demo.simulated-bidders=true",
        "--reelx.demo.simulated-bidders.every-seconds=1")) {
      int port = port(second);
      String present = "Demo data already present. Demo users and their passwords (HTTP Basic) are in "
          + file.toAbsolutePath().normalize();
      assertThat(output.getOut()).contains(present);
      assertThat(output.getOut().substring(output.getOut().indexOf(present))).doesNotContain(ADMIN_PASSWORD);
      assertThat(Files.readString(file)).isEqualTo(credentials);
      Map<String, String> passwords = passwords(credentials);
      Http admin = Http.basic(port, "admin", ADMIN_PASSWORD);
      Http bo = Http.basic(port, "bamboo-bo", passwords.get("bamboo-bo"));
      assertThat(admin.get("/api/v1/organizations").json().size()).isEqualTo(organizations);
      assertThat(admin.get("/api/v1/contracts?status=ACTIVE").json().get("items").size()).isEqualTo(1);
      assertThat(openSale(bo, "FIXED_PRICE")).isEqualTo(fixed);
      assertThat(openSale(bo, "SEALED_BID")).isEqualTo(sealed);
      String live = openSale(bo, "ENGLISH");
      assertThat(live).isNotEqualTo(firstAuction);
      assertThat(demoSales(bo, "ENGLISH")).hasSize(2);
      await("the fresh live auction to open", () -> "BIDDING".equals(bo.get("/api/v1/listings/" + live)
          .get("status")));
      await("simulated bids from both platforms", () -> {
        JsonNode bids = bo.get("/api/v1/listings/" + live + "/bids").json().get("bids");
        Set<String> bidders = new java.util.HashSet<>();
        bids.forEach(b -> bidders.add(b.get("bidderCode").asString()));
        return bidders.size() == 2;
      });
    }
  }

  /** The one open demo sale of {@code mode}. */
  private static String openSale(Http user, String mode) {
    List<String> open = new ArrayList<>();
    for (JsonNode l : listings(user)) {
      if (isDemoSale(l, mode) && Set.of("ANNOUNCED", "BIDDING", "COUNTDOWN").contains(l.get("status").asString())) {
        open.add(l.get("id").asString());
      }
    }
    assertThat(open).as("open demo sales of %s", mode).hasSize(1);
    return open.get(0);
  }

  private static List<String> demoSales(Http user, String mode) {
    List<String> ids = new ArrayList<>();
    for (JsonNode l : listings(user)) {
      if (isDemoSale(l, mode)) {
        ids.add(l.get("id").asString());
      }
    }
    return ids;
  }

  private static boolean isDemoSale(JsonNode l, String mode) {
    return l.get("saleMode").asString().equals(mode) && l.has("description")
        && l.get("description").asString().startsWith("Open demo sale");
  }

  private static JsonNode listings(Http user) {
    Http.Response page = user.get("/api/v1/listings?size=100");
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    return page.json().get("items");
  }

  private static Map<String, String> passwords(String credentials) {
    Map<String, String> passwords = new HashMap<>();
    for (String line : credentials.split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        String[] parts = line.trim().split("\\s+");
        passwords.put(parts[0], parts[1]);
      }
    }
    return passwords;
  }

  private static void await(String what, Supplier<Boolean> condition) throws InterruptedException {
    long deadline = System.nanoTime() + BOUND.toNanos();
    while (!condition.get()) {
      assertThat(System.nanoTime()).as("waited %s for %s", BOUND, what).isLessThan(deadline);
      Thread.sleep(200);
    }
  }

  private static ConfigurableApplicationContext start(Path data, String... more) {
    List<String> args = new ArrayList<>(List.of("--server.port=0", "--reelx.data-dir=" + data,
        "--reelx.embedded-postgres.fsync=false", "--reelx.admin.password=" + ADMIN_PASSWORD,
        // a live auction that ends within a minute of start-up: 20 s of bidding, then 2 s
        "--reelx.auction.min-timed-period-seconds=1",
        "--reelx.demo.live-auction.free-period=PT20S",
        "--reelx.demo.live-auction.timed-period-seconds=2"));
    args.addAll(List.of(more));
    return new SpringApplicationBuilder(ReelxApplication.class).profiles("demo").run(args.toArray(String[]::new));
  }

  private static int port(ConfigurableApplicationContext context) {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }
}
