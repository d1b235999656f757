package io.reelx.exchange.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelx.exchange.ReelxApplication;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The exchange stops in the middle of a countdown and starts again after it should have ended:
 * the persistent deadline closes the auction, once, at the time it was due.
 */
class RestartDuringCountdownTest {

  private static final String PASSWORD = "restart-admin-password";
  private static final int TIMED_PERIOD = 10;

  @Test
  void a_restart_in_the_middle_of_a_countdown_still_closes_the_auction_once(@TempDir Path data) throws Exception {
    String listing;
    Instant closesAt;
    try (ConfigurableApplicationContext first = start(data)) {
      Market market = new Market(port(first), PASSWORD).withTitle();
      // the bid must land in the timed period: long enough for a busy machine
      Http alpha = market.platform("Alpha");
      Market.Opening opening = market.auctionOpeningSoon(Duration.ofSeconds(1), TIMED_PERIOD,
          id -> market.qualify(alpha, id));
      listing = opening.listing();
      ConcurrentBiddingTest.waitUntil(opening.start().plusSeconds(1));
      Http.Response bid = alpha.post("/api/v1/listings/" + listing + "/bids", Map.of("amount", 1200, "currency", "CNY"));
      assertThat(bid.status()).as(bid.body()).isEqualTo(201);
      assertThat(bid.json().has("extendedTo")).as("the bid came in the timed period and restarted it").isTrue();
      closesAt = Instant.parse(bid.get("extendedTo"));
    }
    // stopped before the countdown ends; start again only once it has passed
    ConcurrentBiddingTest.waitUntil(closesAt.plusSeconds(1));
    try (ConfigurableApplicationContext second = start(data)) {
      Http admin = Http.basic(port(second), "admin", PASSWORD);
      JsonNode result = null;
      for (int i = 0; i < 600 && result == null; i++) {
        JsonNode listingDoc = admin.get("/api/v1/listings/" + listing).json();
        if (listingDoc.has("result")) {
          result = listingDoc.get("result");
        } else {
          Thread.sleep(100);
        }
      }
      assertThat(result).as("the auction closed after the restart").isNotNull();
      assertThat(result.get("outcome").asString()).isEqualTo("AWARDED");
      assertThat(result.get("price").asLong()).isEqualTo(1200);
      assertThat(Instant.parse(result.get("closedAt").asString())).isEqualTo(closesAt);
      Thread.sleep(1500);
      List<String> types = new ArrayList<>();
      admin.get("/api/v1/audit/" + listing + "/events").json().get("events")
          .forEach(e -> types.add(e.get("eventType").asString()));
      assertThat(types).filteredOn("ListingAwarded"::equals).hasSize(1);
    }
  }

  private static ConfigurableApplicationContext start(Path data) {
    return new SpringApplicationBuilder(ReelxApplication.class)
        .run("--server.port=0", "--reelx.data-dir=" + data, "--reelx.embedded-postgres.fsync=false",
            "--reelx.admin.password=" + PASSWORD, "--reelx.auction.min-timed-period-seconds=1");
  }

  private static int port(ConfigurableApplicationContext context) {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }
}
