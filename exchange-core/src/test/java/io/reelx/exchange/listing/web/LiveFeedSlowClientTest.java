package io.reelx.exchange.listing.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelx.exchange.listing.domain.BidPlaced;
import io.reelx.exchange.listing.domain.ListingId;
import io.reelx.exchange.listing.domain.ListingStatus;
import io.reelx.exchange.listing.domain.RegistrationId;
import io.reelx.exchange.listing.query.ListingView;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client that does not read holds up only its own stream: the others get every bid while its
 * write blocks, and once its queue is full it is dropped (its client reconnects).
 */
class LiveFeedSlowClientTest {

  private static final Duration BOUND = Duration.ofSeconds(30);

  /** Records what is written; the slow one blocks in every write after the first until released. */
  static final class Recording extends SseEmitter {
    final StringBuffer text = new StringBuffer();
    final CountDownLatch release;
    volatile boolean completed;
    private int writes;

    Recording(CountDownLatch release) {
      super(0L);
      this.release = release;
    }

    @Override
    public void send(SseEventBuilder event) throws java.io.IOException {
      var parts = event.build();
      boolean rendered = parts.stream().anyMatch(p -> p.getData() instanceof LiveFeed.SseText);
      if (release != null && rendered && writes++ > 0) { // the status sent on opening does not count
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      for (ResponseBodyEmitter.DataWithMediaType part : parts) {
        Object data = part.getData();
        text.append(data instanceof LiveFeed.SseText t ? new String(t.bytes(), StandardCharsets.UTF_8)
            : String.valueOf(data));
      }
    }

    @Override
    public synchronized void complete() {
      completed = true;
    }

    int bids() {
      return text.toString().split("event:bid\n", -1).length - 1;
    }
  }

  @Test
  void a_client_that_does_not_read_holds_up_no_other_and_is_dropped_when_its_queue_is_full() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Recording slow = new Recording(release);
    List<Recording> fast = new ArrayList<>();
    Deque<SseEmitter> emitters = new ArrayDeque<>();
    emitters.add(slow); // first in the channel, so a writer that waited on it would hold up all the others
    for (int i = 0; i < 5; i++) {
      Recording r = new Recording(null);
      fast.add(r);
      emitters.add(r);
    }
    MockEnvironment env = new MockEnvironment()
        .withProperty("reelx.live.queue-limit", "3").withProperty("reelx.live.writers", "2");
    LiveFeed feed = new LiveFeed(JsonMapper.builder().build(), env, emitters::removeFirst);
    ListingView listing = new ListingView("L-1", null, null, "holder", ListingStatus.BIDDING, null, false, false, null,
        null, 0, null, null, null, true, 0, null, null, null, null);
    feed.open(listing, "watcher-slow");
    for (int i = 0; i < fast.size(); i++) {
      feed.open(listing, "watcher-" + i);
    }
    try {
      bid(feed, 1);
      // the slow client's first write goes through; its next one blocks
      await(() -> slow.bids() == 1 && fast.stream().allMatch(r -> r.bids() == 1));
      for (int n = 2; n <= 8; n++) {
        bid(feed, n);
        int expected = n;
        await(() -> fast.stream().allMatch(r -> r.bids() == expected));
      }
      await(() -> slow.completed);
      assertThat(fast).allMatch(r -> !r.completed);
      assertThat(slow.bids()).isLessThan(8);
    } finally {
      release.countDown();
      feed.stop();
    }
  }

  private static void bid(LiveFeed feed, long n) {
    feed.on(new BidPlaced(new ListingId("L-1"), "bid-" + n, n, new RegistrationId("r-" + n % 2), "bidder-" + n % 2,
        "B" + n % 2, 100_000 + n * 100, "CNY", Instant.parse("2027-01-01T00:00:00Z").plusSeconds(n), false, null, null),
        n);
  }

  private static void await(BooleanSupplier state) throws InterruptedException {
    long deadline = System.nanoTime() + BOUND.toNanos();
    while (!state.getAsBoolean()) {
      assertThat(System.nanoTime()).as("state reached within %s", BOUND).isLessThan(deadline);
      TimeUnit.MILLISECONDS.sleep(5);
    }
  }
}
