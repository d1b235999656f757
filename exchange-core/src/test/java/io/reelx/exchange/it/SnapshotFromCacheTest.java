package io.reelx.exchange.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Snapshots taken from the cached listing (every 5 events in these tests) hold the state its
 * events produce: once the cache is emptied, the listing loaded from its latest snapshot decides
 * the next bids exactly as the cached one would have.
 */
class SnapshotFromCacheTest extends IntegrationTest {

  @Autowired Cache aggregateCache;
  @Autowired JdbcTemplate jdbc;

  @Test
  void a_listing_reloaded_from_its_snapshot_continues_where_the_cached_one_stopped() throws Exception {
    Market market = market().withTitle();
    Http alpha = market.platform("SnapAlpha");
    Http beta = market.platform("SnapBeta");
    Market.Opening opening = market.auctionOpeningSoon(Duration.ofHours(1), 300, id -> {
      market.qualify(alpha, id);
      market.qualify(beta, id);
    });
    String listing = opening.listing();
    ConcurrentBiddingTest.waitUntil(opening.start());

    long amount = 1000;
    for (int i = 0; i < 12; i++) {
      Http bidder = i % 2 == 0 ? alpha : beta;
      assertThat(bid(bidder, listing, amount).status()).isEqualTo(201);
      amount += 100;
    }
    long last = amount - 100;
    Long snapshotAt = jdbc.queryForObject(
        "SELECT max(sequencenumber) FROM snapshotevententry WHERE aggregateidentifier = ?", Long.class, listing);
    Long head = jdbc.queryForObject(
        "SELECT max(sequencenumber) FROM domainevententry WHERE aggregateidentifier = ?", Long.class, listing);
    assertThat(snapshotAt).as("a snapshot was taken while bidding").isNotNull().isGreaterThan(5L)
        .isLessThanOrEqualTo(head);

    aggregateCache.removeAll();

    Http.Response low = bid(alpha, listing, last);
    assertThat(low.status()).as(low.body()).isEqualTo(422);
    assertThat(low.body()).contains("below-high").contains(Long.toString(last));
    Http.Response next = bid(alpha, listing, last + 100);
    assertThat(next.status()).as(next.body()).isEqualTo(201);
    assertThat(next.json().get("bidderCode").asString()).isEqualTo("B-01");
    assertThat(market.admin.get("/api/v1/listings/" + listing + "/bids").json().get("bidCount").asLong())
        .isEqualTo(13);
  }

  private static Http.Response bid(Http platform, String listing, long amount) {
    return platform.post("/api/v1/listings/" + listing + "/bids", Map.of("amount", amount, "currency", "CNY"));
  }
}
