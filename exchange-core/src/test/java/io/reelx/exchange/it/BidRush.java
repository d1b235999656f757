package io.reelx.exchange.it;

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
import tools.jackson.databind.JsonNode;

/**
 * Platforms bidding on one auction at the same moment, each reaching for its own distinct valid
 * rungs, so ordering alone decides which bids are still above the high; and what the event log
 * holds afterwards.
 */
final class BidRush {

  final ConcurrentLinkedQueue<String> accepted = new ConcurrentLinkedQueue<>();
  final ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();

  /**
   * Bidder {@code p} places {@code bidsEach} bids, the {@code i}-th through
   * {@code clients.get(p).get((i + p) % size)} (one client, or the same user on several nodes).
   */
  static BidRush run(String listing, List<List<Http>> clients, int bidsEach) throws Exception {
    BidRush rush = new BidRush();
    int bidders = clients.size();
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(bidders);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int p = 0; p < bidders; p++) {
        int offset = p;
        List<Http> mine = clients.get(p);
        done.add(pool.submit(() -> {
          go.await();
          for (int i = 0; i < bidsEach; i++) {
            long amount = 1000 + 100L * (1 + offset + bidders * i);
            Http.Response r = mine.get((i + offset) % mine.size())
                .post("/api/v1/listings/" + listing + "/bids", Map.of("amount", amount, "currency", "CNY"));
            rush.statuses.add(r.status());
            if (r.status() == 201) {
              rush.accepted.add(r.get("id"));
            }
          }
          return null;
        }));
      }
      go.countDown();
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    return rush;
  }

  /** The listing's events as the audit trail shows them: bids in log order, and counts by type. */
  record Log(List<Long> amounts, Set<String> bidIds, List<String> types) {

    static Log read(Http reader, String listing) {
      JsonNode trail = reader.get("/api/v1/audit/" + listing + "/events").json().get("events");
      List<Long> amounts = new ArrayList<>();
      Set<String> bidIds = new HashSet<>();
      List<String> types = new ArrayList<>();
      for (JsonNode event : trail) {
        String type = event.get("eventType").asString();
        types.add(type);
        if (type.equals("BidPlaced")) {
          amounts.add(event.get("payload").get("amount").asLong());
          bidIds.add(event.get("payload").get("bidId").asString());
        }
      }
      return new Log(amounts, bidIds, types);
    }

    long count(String type) {
      return types.stream().filter(type::equals).count();
    }

    long high() {
      return amounts.get(amounts.size() - 1);
    }
  }
}
