package io.reelx.exchange.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ListingConcurrencyTest extends IntegrationTest {

  @Test
  void of_two_concurrent_changes_to_one_version_one_wins_and_the_other_gets_409() throws Exception {
    Market market = market().withTitle();
    String listing = market.draftListing();
    int contenders = 6;
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(contenders);
    List<Future<Http.Response>> answers = new ArrayList<>();
    for (int i = 0; i < contenders; i++) {
      answers.add(pool.submit(() -> {
        go.await();
        return market.holder.post("/api/v1/listings/" + listing + "/submit", null, Map.of("If-Match", "\"0\""));
      }));
    }
    go.countDown();
    List<Integer> statuses = new ArrayList<>();
    for (Future<Http.Response> answer : answers) {
      statuses.add(answer.get().status());
    }
    pool.shutdown();

    assertThat(statuses).containsOnly(200, 409);
    assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
    Http.Response audit = market.admin.get("/api/v1/audit/" + listing + "/events");
    assertThat(audit.json().get("events").size()).isEqualTo(2);
  }

  @Test
  void a_stale_if_match_is_refused_with_409_and_changes_nothing() {
    Market market = market().withTitle();
    String listing = market.draftListing();
    assertThat(market.holder.post("/api/v1/listings/" + listing + "/submit", null).status()).isEqualTo(200);

    Http.Response stale = market.admin.post("/api/v1/listings/" + listing + "/reject", Map.of("reason", "late"),
        Map.of("If-Match", "\"0\""));

    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.get("code")).isEqualTo("concurrent-change");
    assertThat(market.holder.get("/api/v1/listings/" + listing).get("status")).isEqualTo("SUBMITTED");
  }
}
