package io.reelx.exchange.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Platforms bid on several auctions at once, each thread moving from listing to listing: on every
 * listing each acknowledged bid is in the log, in increasing order, and nothing refused is.
 */
class ManyAuctionsBiddingTest extends IntegrationTest {

  @Test
  void bids_on_many_auctions_at_once_are_each_ordered_and_none_lost() throws Exception {
    Market market = market().withTitle();
    int auctions = 6;
    int bidders = 4;
    List<Http> platforms = new ArrayList<>();
    for (int i = 0; i < bidders; i++) {
      platforms.add(market.platform("Many " + i));
    }
    List<String> listings = new ArrayList<>();
    Instant lastStart = Instant.EPOCH;
    for (int a = 0; a < auctions; a++) {
      Market.Opening opening = market.auctionOpeningSoon(Duration.ofHours(1), 300,
          listing -> platforms.forEach(platform -> market.qualify(platform, listing)));
      listings.add(opening.listing());
      lastStart = opening.start().isAfter(lastStart) ? opening.start() : lastStart;
    }
    ConcurrentBiddingTest.waitUntil(lastStart);

    Map<String, ConcurrentLinkedQueue<String>> accepted = new ConcurrentHashMap<>();
    listings.forEach(l -> accepted.put(l, new ConcurrentLinkedQueue<>()));
    ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
    int bidsEach = 12;
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(bidders * 2);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < bidders * 2; t++) {
      int thread = t;
      Http platform = platforms.get(t % bidders);
      done.add(pool.submit(() -> {
        go.await();
        for (int i = 0; i < bidsEach; i++) {
          String listing = listings.get((thread + i) % auctions);
          long amount = 1000 + 100L * (1 + thread + bidders * 2 * i);
          Http.Response r = platform.post("/api/v1/listings/" + listing + "/bids", Map.of("amount", amount, "currency", "CNY"));
          statuses.add(r.status());
          if (r.status() == 201) {
            accepted.get(listing).add(r.get("id"));
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

    assertThat(statuses).hasSize(bidders * 2 * bidsEach).containsOnly(201, 422);
    for (String listing : listings) {
      BidRush.Log log = BidRush.Log.read(market.admin, listing);
      assertThat(log.bidIds()).as("acknowledged bids of %s are all in its log, and only those", listing)
          .containsExactlyInAnyOrderElementsOf(accepted.get(listing));
      assertThat(log.amounts()).as("each accepted bid on %s beats the one before", listing)
          .isSortedAccordingTo(Long::compare);
      Set<Long> distinct = new HashSet<>(log.amounts());
      assertThat(distinct).hasSameSizeAs(log.amounts());
    }
  }
}
