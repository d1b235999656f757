package io.reelx.exchange.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelx.exchange.ReelxApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Two nodes of the exchange on one PostgreSQL, as {@code ops/two-nodes.sh} runs them: platforms
 * bid on one auction through both at once. Nothing acknowledged is lost, bids are ordered, there is
 * one winner, the closing deadline fires once, and the read models' segments are shared.
 */
class TwoNodesTest {

  private static final String PASSWORD = "two-nodes-admin-password";

  @Test
  void bids_through_two_nodes_are_all_ordered_none_lost_one_winner_and_the_close_fires_once() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        ConfigurableApplicationContext a = start(postgres, "node-a");
        ConfigurableApplicationContext b = start(postgres, "node-b")) {
      // once both nodes run, the read models' segments are split between them
      JdbcClient jdbc = JdbcClient.create(postgres.getPostgresDatabase());
      Set<String> owners = Set.of();
      for (int i = 0; i < 400 && owners.size() < 4; i++) {
        owners = new HashSet<>(jdbc.sql("SELECT DISTINCT processorname || '@' || owner FROM tokenentry"
            + " WHERE processorname IN ('auction-view', 'listing-view') AND owner IS NOT NULL").query(String.class).list());
        if (owners.size() < 4) {
          Thread.sleep(100);
        }
      }
      assertThat(owners).as("the read models' segments are shared").containsExactlyInAnyOrder(
          "auction-view@node-a", "auction-view@node-b", "listing-view@node-a", "listing-view@node-b");
      int portA = port(a);
      int portB = port(b);
      Market market = new Market(portA, PASSWORD).withTitle();
      List<Http> platforms = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        platforms.add(market.platform("Node bidder " + i));
      }
      // the first bids must land before the close: free and timed periods long enough for a busy machine
      Market.Opening opening = market.auctionOpeningSoon(Duration.ofSeconds(5), 5,
          id -> platforms.forEach(platform -> market.qualify(platform, id)));
      String listing = opening.listing();
      ConcurrentBiddingTest.waitUntil(opening.start());

      int bidsEach = 10;
      BidRush rush = BidRush.run(listing, platforms.stream().map(p -> List.of(p, p.on(portB))).toList(), bidsEach);
      assertThat(rush.statuses).as("every bid answered as accepted or outbid, never failed")
          .hasSize(platforms.size() * bidsEach).containsOnly(201, 422);

      // the close: a deadline on one of the two nodes, once
      Http adminB = Http.basic(portB, "admin", PASSWORD);
      JsonNode result = null;
      for (int i = 0; i < 600 && result == null; i++) {
        JsonNode doc = adminB.get("/api/v1/listings/" + listing).json();
        result = doc.has("result") ? doc.get("result") : null;
        if (result == null) {
          Thread.sleep(100);
        }
      }
      assertThat(result).as("the auction closed").isNotNull();
      Thread.sleep(1500);
      BidRush.Log log = BidRush.Log.read(adminB, listing);
      List<Long> amounts = log.amounts();
      assertThat(log.bidIds()).as("every acknowledged bid is in the log, and only those")
          .containsExactlyInAnyOrderElementsOf(rush.accepted);
      assertThat(amounts).as("each accepted bid beats the one before").isSortedAccordingTo(Long::compare);
      assertThat(log.count("ListingAwarded")).as("the closing deadline fired once").isEqualTo(1);
      assertThat(result.get("outcome").asString()).isEqualTo("AWARDED");
      assertThat(result.get("price").asLong()).isEqualTo(amounts.get(amounts.size() - 1));

      JsonNode bookOnB = adminB.get("/api/v1/listings/" + listing + "/bids").json();
      assertThat(bookOnB.get("currentHigh").asLong()).isEqualTo(amounts.get(amounts.size() - 1));
    }
  }

  static ConfigurableApplicationContext start(EmbeddedPostgres postgres, String nodeId) {
    return new SpringApplicationBuilder(ReelxApplication.class)
        .run("--server.port=0", "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
            "--spring.datasource.username=postgres", "--spring.datasource.password=",
            "--reelx.admin.password=" + PASSWORD, "--reelx.auction.min-timed-period-seconds=1",
            "--reelx.node-id=" + nodeId, "--reelx.axon.aggregate-cache=false",
            "--axon.eventhandling.processors.listing-view.initial-segment-count=2",
            "--axon.eventhandling.processors.listing-view.thread-count=2",
            "--axon.eventhandling.processors.auction-view.initial-segment-count=2",
            "--axon.eventhandling.processors.auction-view.thread-count=2",
            "--axon.eventhandling.processors.listing-view.token-claim-interval=1000",
            "--axon.eventhandling.processors.auction-view.token-claim-interval=1000");
  }

  private static int port(ConfigurableApplicationContext context) {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }
}
