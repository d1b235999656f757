package io.reelx.exchange.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Many platforms bid on one auction at the same moment: every bid is ordered, none lost, one high. */
class ConcurrentBiddingTest extends IntegrationTest {

  @Test
  void simultaneous_bids_are_all_ordered_none_lost_and_exactly_one_is_high() throws Exception {
    Market market = market().withTitle();
    int bidders = 8;
    int bidsEach = 15;
    List<Http> platforms = new ArrayList<>();
    for (int i = 0; i < bidders; i++) {
      platforms.add(market.platform("Platform" + i));
    }
    Instant start = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
    String listing = market.announcedAuction(start, start.plusSeconds(3600), 300);
    for (Http platform : platforms) {
      market.qualify(platform, listing);
    }
    waitUntil(start);

    ConcurrentLinkedQueue<String> accepted = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(bidders);
    List<Future<?>> done = new ArrayList<>();
    for (int b = 0; b < bidders; b++) {
      Http platform = platforms.get(b);
      int offset = b;
      done.add(pool.submit(() -> {
        go.await();
        for (int i = 0; i < bidsEach; i++) {
          // every bidder reaches for a distinct, valid rung: ordering decides which are still above the high
          long amount = 1000 + 100L * (1 + offset + bidders * i);
          Http.Response r = platform.post("/api/v1/listings/" + listing + "/bids",
              Map.of("amount", amount, "currency", "CNY"));
          statuses.add(r.status());
          if (r.status() == 201) {
            accepted.add(r.get("id"));
          }
        }
        return null;
      }));
    }
    go.countDown();
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();

    assertThat(statuses).hasSize(bidders * bidsEach).containsOnly(201, 422);
    assertThat(accepted).isNotEmpty();
    JsonNode trail = market.admin.get("/api/v1/audit/" + listing + "/events").json().get("events");
    List<Long> amounts = new ArrayList<>();
    Set<String> bidIds = new HashSet<>();
    for (JsonNode event : trail) {
      if (event.get("eventType").asString().equals("BidPlaced")) {
        amounts.add(event.get("payload").get("amount").asLong());
        bidIds.add(event.get("payload").get("bidId").asString());
      }
    }
    assertThat(bidIds).as("every acknowledged bid is in the log, and only those").containsExactlyInAnyOrderElementsOf(accepted);
    assertThat(amounts).as("in log order every accepted bid beats the one before").isSortedAccordingTo(Long::compare);
    assertThat(new HashSet<>(amounts)).hasSameSizeAs(amounts);
    JsonNode book = market.admin.get("/api/v1/listings/" + listing + "/bids").json();
    assertThat(book.get("currentHigh").asLong()).isEqualTo(amounts.get(amounts.size() - 1));
  }

  static void waitUntil(Instant instant) throws InterruptedException {
    long millis = instant.toEpochMilli() - System.currentTimeMillis();
    if (millis > 0) {
      Thread.sleep(millis + 100);
    }
  }
}
