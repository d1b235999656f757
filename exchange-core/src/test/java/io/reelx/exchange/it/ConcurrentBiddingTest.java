package io.reelx.exchange.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
    Market.Opening opening = market.auctionOpeningSoon(Duration.ofHours(1), 300,
        id -> platforms.forEach(platform -> market.qualify(platform, id)));
    String listing = opening.listing();
    waitUntil(opening.start());

    BidRush rush = BidRush.run(listing, platforms.stream().map(List::of).toList(), bidsEach);

    assertThat(rush.statuses).hasSize(bidders * bidsEach).containsOnly(201, 422);
    assertThat(rush.accepted).isNotEmpty();
    BidRush.Log log = BidRush.Log.read(market.admin, listing);
    List<Long> amounts = log.amounts();
    assertThat(log.bidIds()).as("every acknowledged bid is in the log, and only those")
        .containsExactlyInAnyOrderElementsOf(rush.accepted);
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
